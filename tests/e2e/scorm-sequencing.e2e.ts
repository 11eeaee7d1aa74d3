// SCORM 2004 sequencing in the player, with the golf examples as SCORM Cloud plays them. The server's
// engine decides what is delivered: the contents show what may be opened (the rest as text with
// the reason), Continue and Previous follow the package's flow, the SCO's own navigation request
// is honoured when it ends, and a launch the rules forbid is refused by the server.
//
// Expected behaviour, per package (the same steps as src/lib/server/scorm/sequencing/engine.spec.ts):
// - post-test rollup: Playing first; each later SCO "not open yet" until the one before is passed;
//   Continue walks the content then the quiz; Previous goes back; closing the tab mid-way and coming
//   back delivers the SCO the learner was on.
// - simple remediation (flow only, nothing to choose): played by Continue alone, content then tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { buildZip } from '../../src/lib/server/scorm/test-zip';
import { type App, expect, expectAccessible, MODULE, registerLearner, seedCohort, test } from './fixtures';
import { fixture, signedInPage, uploadPackage } from './scorm-helpers';

const COURSE = 'phong-chong-mai-dam';

type ApiWindow = { API_1484_11?: { [method: string]: (...args: string[]) => string } & { isInitialized(): boolean } };

/** Calls the SCO's API from the player page, as the SCO would once it has initialised. */
async function sco(page: Page, calls: [string, ...string[]][]) {
	await expect.poll(() => page.evaluate(() => (window as unknown as ApiWindow).API_1484_11?.isInitialized() ?? false)).toBe(true);
	for (const [method, ...args] of calls) {
		await page.evaluate(([m, a]) => (window as unknown as ApiWindow).API_1484_11![m as string]!(...(a as string[])), [method, args] as const);
	}
}

const PASSED: [string, ...string[]][] = [
	['SetValue', 'cmi.completion_status', 'completed'],
	['SetValue', 'cmi.success_status', 'passed']
];

function scoRow(app: { query: (sql: string, ...p: unknown[]) => unknown[] }, title: string) {
	return (
		app.query(
			`SELECT t.completion_status, t.success_status FROM tracking t JOIN activity a ON a.id = t.activity_id WHERE a.kind = 'scorm' AND a.title = ?`,
			title
		) as { completion_status: string; success_status: string }[]
	)[0];
}

async function openPackage(page: Page, name: string) {
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	await page.getByRole('link', { name: `Mở bài: ${name}` }).click();
}

/** A trainer adds a golf package to the module under `name`; a new learner opens it. */
async function learnerOpensNewPackage(page: Page, app: App, browser: Browser, zip: string, name: string) {
	seedCohort(app);
	const trainer = await signedInPage(browser, app, 'giangvien');
	expect(await uploadPackage(trainer, COURSE, MODULE, fixture(zip), name)).toContain(`Đã thêm gói “${name}”`);
	await trainer.context().close();
	await registerLearner(page);
	await openPackage(page, name);
}

test('post-test rollup: the contents open in order, Continue and Previous follow the flow, the SCO’s own request is honoured, a forbidden launch is refused, a closed tab resumes', async ({
	page,
	app,
	browser
}) => {
	test.slow();
	await learnerOpensNewPackage(page, app, browser, 'scorm2004-sequencing-post-test-rollup.zip', 'Golf tuần tự');
	await expect(page.locator('iframe[title="Playing the Game"]')).toBeVisible();
	await expect(page).toHaveURL(/\?sco=playing_item$/);
	const toc = page.getByRole('navigation', { name: 'Mục lục' });
	const pager = page.getByRole('navigation', { name: 'Chuyển phần' });
	// only the first part may be opened; the others are text with the reason
	await expect(toc.getByRole('link')).toHaveCount(1);
	await expect(toc.getByRole('link', { name: 'Playing the Game' })).toHaveAttribute('aria-current', 'page');
	await expect(toc.locator('li', { hasText: 'Etiquette' })).toContainText('chưa mở');
	await expect(toc.locator('li', { hasText: 'Quiz' })).toContainText('chưa mở');
	await expect(pager.getByRole('button', { name: 'Tiếp tục →' })).toBeVisible();
	await expect(pager.getByRole('button', { name: /Quay lại/ })).toHaveCount(0);
	await expectAccessible(page, { exclude: ['.scorm-stage iframe'] });

	// the address is only a wish: the server refuses the quiz before the content, and says why
	const refused = await page.request.get(`${page.url().replace(/\?.*$/, '')}?sco=assessment_item`);
	expect(refused.status()).toBe(403);
	expect(await refused.text()).toContain('Phần này chưa mở');

	// passed, then Continue: Etiquette, without a page load
	await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
	await sco(page, PASSED);
	await pager.getByRole('button', { name: 'Tiếp tục →' }).click();
	await expect(page.locator('iframe[title="Etiquette"]')).toBeVisible();
	await expect(page).toHaveURL(/\?sco=etuqiette_item$/);
	expect(scoRow(app, 'Playing the Game')).toMatchObject({ completion_status: 'completed', success_status: 'passed' });
	await expect(toc.getByRole('link', { name: 'Playing the Game' })).toBeVisible();
	await expect(toc.getByRole('link', { name: 'Etiquette' })).toHaveAttribute('aria-current', 'page');
	await expect(toc.locator('li', { hasText: 'Handicapping' })).toContainText('chưa mở');
	await expect(pager.getByRole('button', { name: '← Quay lại' })).toBeVisible();

	// the SCO's own navigation request when it ends: continue
	await sco(page, [...PASSED, ['SetValue', 'adl.nav.request', 'continue'], ['Terminate', '']]);
	await expect(page.locator('iframe[title="Handicapping"]')).toBeVisible();
	await expect(page).toHaveURL(/\?sco=handicapping_item$/);
	expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
	expect(scoRow(app, 'Etiquette')).toMatchObject({ success_status: 'passed' });

	// Previous goes back to Etiquette, then Continue forward again
	await pager.getByRole('button', { name: '← Quay lại' }).click();
	await expect(page.locator('iframe[title="Etiquette"]')).toBeVisible();
	await pager.getByRole('button', { name: 'Tiếp tục →' }).click();
	await expect(page.locator('iframe[title="Handicapping"]')).toBeVisible();
	await sco(page, []);

	// the tab closes mid-way; the next visit delivers the part the learner was on
	await page.close({ runBeforeUnload: true });
	await expect.poll(() => (app.query(`SELECT count(*) AS n FROM scorm_session WHERE terminated_at IS NULL`) as { n: number }[])[0]!.n).toBe(0);
	const again = await (await browser.newContext({ baseURL: app.url, storageState: await page.context().storageState() })).newPage();
	await openPackage(again, 'Golf tuần tự');
	await expect(again.locator('iframe[title="Handicapping"]')).toBeVisible();
	await expect(again).toHaveURL(/\?sco=handicapping_item$/);
	// the engine's state is kept on the server, one row per learner and package
	expect((app.query(`SELECT count(*) AS n FROM scorm_sequencing_state`) as { n: number }[])[0]!.n).toBe(1);
});

test('simple remediation (flow only): nothing is chosen from the contents, Continue plays the content then the tests', async ({ page, app, browser }) => {
	test.slow();
	await learnerOpensNewPackage(page, app, browser, 'scorm2004-sequencing-simple-remediation.zip', 'Ôn tập');
	await expect(page.locator('iframe[title="Playing the Game"]')).toBeVisible();
	const pager = page.getByRole('navigation', { name: 'Chuyển phần' });
	// the package lets no one choose: no link to a neighbour, only Continue
	await expect(pager.getByRole('link', { name: /Etiquette/ })).toHaveCount(0);
	const refused = await page.request.get(`${page.url().replace(/\?.*$/, '')}?sco=test_1`);
	expect(refused.status()).toBe(403);
	expect(await refused.text()).toContain('đi theo thứ tự định sẵn');

	for (const next of ['Etiquette', 'Handicapping', 'Having Fun', 'Playing Quiz']) {
		await sco(page, [['SetValue', 'cmi.completion_status', 'completed']]);
		await pager.getByRole('button', { name: 'Tiếp tục →' }).click();
		await expect(page.locator(`iframe[title="${next}"]`)).toBeVisible();
	}
	expect(scoRow(app, 'Having Fun')).toMatchObject({ completion_status: 'completed' });
});

function packageRow(app: { query: (sql: string, ...p: unknown[]) => unknown[] }) {
	return (
		app.query(
			`SELECT t.completion_status, t.success_status, t.score_scaled FROM tracking t JOIN activity a ON a.id = t.activity_id
			 WHERE a.kind = 'scorm' AND a.item NOT LIKE '%/%'`
		) as { completion_status: string; success_status: string; score_scaled: number | null }[]
	)[0];
}

test('pre- or post-test: passing the pre-test completes and passes the whole package; it is stored as the package’s result and shown', async ({ page, app, browser }) => {
	test.slow();
	await learnerOpensNewPackage(page, app, browser, 'scorm2004-sequencing-pre-or-post-test-rollup.zip', 'Kiểm tra trước');
	await expect(page).toHaveURL(/\?sco=pretest_item$/);
	const toc = page.getByRole('navigation', { name: 'Mục lục' });
	// the invisible wrappers give way to what they hold; the post-test is closed until the content is done
	await expect(toc.getByRole('link', { name: 'Playing the Game' })).toBeVisible();
	await expect(toc.locator('li', { hasText: 'Post Test' })).toContainText('chưa mở');
	await expect(page.locator('.scorm-package-status')).toContainText('Đang học');
	expect(packageRow(app)).toMatchObject({ completion_status: 'incomplete', success_status: 'unknown' });

	await sco(page, [...PASSED, ['SetValue', 'cmi.score.scaled', '0.9']]);
	await page.getByRole('navigation', { name: 'Chuyển phần' }).getByRole('button', { name: 'Tiếp tục →' }).click();
	await expect(page).toHaveURL(/\?sco=playing_item$/);
	// the package is completed and passed at once, with the pre-test's score
	expect(packageRow(app)).toEqual({ completion_status: 'completed', success_status: 'passed', score_scaled: 0.9 });
	await expect(page.locator('.scorm-package-status')).toContainText('Đạt');
	// both tests are now closed; the content stays open
	await expect(toc.locator('li', { hasText: 'Post Test' })).toContainText('chưa mở');
	await expect(toc.getByRole('link', { name: 'Etiquette' })).toBeVisible();
	await expectAccessible(page, { exclude: ['.scorm-stage iframe'] });

	// the trainer sees the package's own line beside its parts, with the same figures as the learner's page
	const trainer = await signedInPage(browser, app, 'giangvien');
	await trainer.goto(`/manage/cohorts/1/courses/${COURSE}`);
	const report = trainer.locator('[data-scorm-package] table[data-table="scorm-scos"]');
	await expect(report.locator('tfoot tr th')).toHaveText('Cả gói (kết quả tổng hợp, học phần tính kết quả này)');
	await expect(report.locator('tfoot tr td')).toHaveText(['1/1', '1', '1', '0', '90%', '—']);
	await expect(report.locator('tbody tr', { hasText: 'Pre Test' }).locator('td')).toHaveText(['1/1', '1', '1', '0', /.*/, /\d+/]);
	await expectAccessible(trainer);
	const learnerId = (app.query(`SELECT id FROM user WHERE role = 'learner' ORDER BY id DESC LIMIT 1`) as { id: number }[])[0]!.id;
	await trainer.goto(`/manage/cohorts/1/learners/${learnerId}`);
	const whole = trainer.locator(`tr[data-activity^="${MODULE}/scorm/"]`, { hasText: 'cả gói' });
	await expect(whole).toContainText('đạt');
	await expect(whole.locator('td').nth(2)).toHaveText('90%');
});

test('the import page lists the sequencing rules the player leaves out', async ({ app, browser }) => {
	seedCohort(app);
	const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="rules" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>Quy tắc lạ</title>
    <item identifier="i1" identifierref="r1"><title>Trang 1</title>
      <imsss:sequencing><imsss:sequencingRules><imsss:preConditionRule>
        <imsss:ruleConditions><imsss:ruleCondition condition="always"/></imsss:ruleConditions>
        <imsss:ruleAction action="exitAll"/>
      </imsss:preConditionRule></imsss:sequencingRules></imsss:sequencing>
    </item>
    <imsss:sequencing><imsss:controlMode flow="true"/></imsss:sequencing>
  </organization></organizations>
  <resources><resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="a.html"><file href="a.html"/></resource></resources>
</manifest>`;
	const page = `<!doctype html><html lang="vi"><head><title>A</title></head><body><script>window.parent.API_1484_11;</script></body></html>`;
	const dir = mkdtempSync(join(tmpdir(), 'taphuan-rules-'));
	const zip = join(dir, 'quy-tac.zip');
	writeFileSync(zip, buildZip([{ name: 'imsmanifest.xml', data: manifest }, { name: 'a.html', data: page }]));
	const trainer = await signedInPage(browser, app, 'giangvien');
	expect(await uploadPackage(trainer, COURSE, MODULE, zip)).toContain('Đã thêm gói “Quy tắc lạ”');
	const warnings = trainer.locator('form.scorm-upload .scorm-warnings');
	await expect(warnings).toContainText('Trình phát bỏ qua 1 quy tắc trình tự');
	await expect(warnings.locator('.scorm-sequencing-warnings li')).toContainText('Mục “i1”: hành động quy tắc không hợp lệ ở vị trí này');
	// and with the package in the list
	await expect(trainer.locator('.scorm-sequencing-warnings').last()).toContainText('Mục “i1”');
	await expectAccessible(trainer);
});

test('random test: once the content is done the Post Test opens in the contents and draws a test; two failures end the package completed and failed, and the player says it has ended', async ({
	page,
	app,
	browser
}) => {
	test.slow();
	await learnerOpensNewPackage(page, app, browser, 'scorm2004-sequencing-random-test.zip', 'Ngẫu nhiên');
	await expect(page).toHaveURL(/\?sco=playing_item$/);
	const toc = page.getByRole('navigation', { name: 'Mục lục' });
	const pager = page.getByRole('navigation', { name: 'Chuyển phần' });
	// the tests are never listed (isvisible="false"); the post-test is not open before the content is done
	await expect(toc.getByText(/^Test \d$/)).toHaveCount(0);
	await expect(toc.getByText('Post Test')).toBeVisible();
	await expect(toc.getByRole('link', { name: 'Post Test' })).toHaveCount(0);
	for (const next of ['Etiquette', 'Handicapping', 'Having Fun']) {
		await sco(page, [['SetValue', 'cmi.completion_status', 'completed']]);
		await pager.getByRole('button', { name: 'Tiếp tục →' }).click();
		await expect(page.locator(`iframe[title="${next}"]`)).toBeVisible();
	}
	// Having Fun ends itself without a request: the contents, read again, open the Post Test, which
	// (chosen) delivers a drawn test, as SCORM Cloud's contents do
	await sco(page, [
		['SetValue', 'cmi.completion_status', 'completed'],
		['Terminate', '']
	]);
	await toc.getByRole('link', { name: 'Post Test' }).click();
	await expect(page).toHaveURL(/\?sco=test_\d$/);
	await expect(page.locator('iframe[title^="Test "]')).toBeVisible();
	// a test's address is not for choosing: only the post-test's flow delivers one
	const other = ['test_1', 'test_2'].find((id) => !page.url().endsWith(id))!;
	const refused = await page.request.get(`${page.url().replace(/\?.*$/, '')}?sco=${other}`);
	expect(refused.status()).toBe(403);

	const fail: [string, ...string[]][] = [
		['SetValue', 'cmi.completion_status', 'completed'],
		['SetValue', 'cmi.success_status', 'failed'],
		['SetValue', 'cmi.score.scaled', '0.2'],
		['SetValue', 'adl.nav.request', 'continue'],
		['Terminate', '']
	];
	// the SCO's own continue after a failure: the post-test is retried with a new draw (which may
	// be the same test: a new attempt in a new frame all the same)
	await sco(page, fail);
	await expect.poll(() => (app.query(`SELECT count(*) AS n FROM scorm_session WHERE terminated_at IS NULL`) as { n: number }[])[0]!.n).toBe(1);
	await expect(page).toHaveURL(/\?sco=test_\d$/);
	await sco(page, fail);
	// two failures: the package ends, completed and failed
	await expect(page).toHaveURL(/\?ended$/);
	await expect(page.getByRole('heading', { name: 'Đã kết thúc gói bài học' })).toBeVisible();
	await expect(page.locator('.scorm-package-status')).toContainText('Chưa đạt');
	expect(packageRow(app)).toMatchObject({ completion_status: 'completed', success_status: 'failed' });
	await expectAccessible(page);
});

test('post-test rollup: a SCO that ends itself without a request waits for the learner’s Continue; suspendAll leaves, and the next visit resumes there', async ({
	page,
	app,
	browser
}) => {
	test.slow();
	await learnerOpensNewPackage(page, app, browser, 'scorm2004-sequencing-post-test-rollup.zip', 'Golf tuần tự');
	await expect(page.locator('iframe[title="Playing the Game"]')).toBeVisible();
	// the SCO ends itself, passed, asking nothing: the player says so and waits
	await sco(page, [...PASSED, ['Terminate', '']]);
	const finished = page.locator('.scorm-finished');
	await expect(finished).toContainText('Anh/chị đã kết thúc phần này');
	await finished.getByRole('button', { name: 'Tiếp tục' }).click();
	await expect(page.locator('iframe[title="Etiquette"]')).toBeVisible();
	expect(scoRow(app, 'Playing the Game')).toMatchObject({ success_status: 'passed' });

	// the SCO's suspendAll: back to the module; the next visit resumes on Etiquette
	await sco(page, [['SetValue', 'cmi.exit', 'suspend'], ['SetValue', 'adl.nav.request', 'suspendAll'], ['Terminate', '']]);
	await page.waitForURL(`**/courses/${COURSE}/${MODULE}`);
	await openPackage(page, 'Golf tuần tự');
	await expect(page.locator('iframe[title="Etiquette"]')).toBeVisible();
	await expect(page).toHaveURL(/\?sco=etuqiette_item$/);
});

test('post-test rollup: the SCO’s own exitAll ends the package; the player says so, what was passed is kept, and the next visit starts a new attempt on the course', async ({
	page,
	app,
	browser
}) => {
	test.slow();
	await learnerOpensNewPackage(page, app, browser, 'scorm2004-sequencing-post-test-rollup.zip', 'Golf tuần tự');
	await expect(page.locator('iframe[title="Playing the Game"]')).toBeVisible();
	await sco(page, [...PASSED, ['SetValue', 'adl.nav.request', 'continue'], ['Terminate', '']]);
	await expect(page.locator('iframe[title="Etiquette"]')).toBeVisible();
	await sco(page, [...PASSED, ['SetValue', 'adl.nav.request', 'exitAll'], ['Terminate', '']]);
	// the learner sees the package ended, not the next part, and no Continue
	await expect(page).toHaveURL(/\?ended$/);
	await expect(page.getByRole('heading', { name: 'Đã kết thúc gói bài học' })).toBeVisible();
	await expect(page.locator('iframe')).toHaveCount(0);
	await expect(page.getByRole('button', { name: /Tiếp tục/ })).toHaveCount(0);
	// stored: the SCO's results, its session closed, the package still incomplete (only the test counts)
	expect(scoRow(app, 'Etiquette')).toMatchObject({ completion_status: 'completed', success_status: 'passed' });
	expect((app.query(`SELECT count(*) AS n FROM scorm_session WHERE terminated_at IS NULL`) as { n: number }[])[0]!.n).toBe(0);
	expect(packageRow(app)).toMatchObject({ completion_status: 'incomplete' });
	await expectAccessible(page);

	// nothing is suspended or current: the next visit starts a new attempt on the course (not on
	// Etiquette). Its global objectives (objectivesGlobalToSystem="false") last one attempt on the
	// course, so the parts that wait for the one before are closed again until it is passed again;
	// the results stored for the learner stay
	await openPackage(page, 'Golf tuần tự');
	await expect(page).toHaveURL(/\?sco=playing_item$/);
	await expect(page.locator('iframe[title="Playing the Game"]')).toBeVisible();
	const toc = page.getByRole('navigation', { name: 'Mục lục' });
	await expect(toc.locator('li', { hasText: 'Etiquette' })).toContainText('chưa mở');
	await expect(toc.locator('li', { hasText: 'Handicapping' })).toContainText('chưa mở');
	expect(scoRow(app, 'Etiquette')).toMatchObject({ completion_status: 'completed', success_status: 'passed' });
	await sco(page, [...PASSED, ['SetValue', 'adl.nav.request', 'continue'], ['Terminate', '']]);
	await expect(page.locator('iframe[title="Etiquette"]')).toBeVisible();
});

/** What the SCO reads from its API (after Initialize), as a SCO asking about navigation would. */
async function scoValue(page: Page, element: string): Promise<string> {
	await expect.poll(() => page.evaluate(() => (window as unknown as ApiWindow).API_1484_11?.isInitialized() ?? false)).toBe(true);
	return page.evaluate((e) => (window as unknown as ApiWindow).API_1484_11!.GetValue!(e), element);
}

test('post-test rollup: the SCO’s adl.nav.request_valid answers what the server’s engine allows', async ({ page, app, browser }) => {
	test.slow();
	await learnerOpensNewPackage(page, app, browser, 'scorm2004-sequencing-post-test-rollup.zip', 'Golf tuần tự');
	await expect(page.locator('iframe[title="Playing the Game"]')).toBeVisible();
	expect(await scoValue(page, 'adl.nav.request_valid.continue')).toBe('true');
	expect(await scoValue(page, 'adl.nav.request_valid.previous')).toBe('false');
	expect(await scoValue(page, 'adl.nav.request_valid.choice.{target=playing_item}')).toBe('true');
	// Etiquette opens only once Playing is passed, as the contents say
	expect(await scoValue(page, 'adl.nav.request_valid.choice.{target=etuqiette_item}')).toBe('false');

	await sco(page, [...PASSED, ['SetValue', 'adl.nav.request', 'continue'], ['Terminate', '']]);
	await expect(page.locator('iframe[title="Etiquette"]')).toBeVisible();
	expect(await scoValue(page, 'adl.nav.request_valid.previous')).toBe('true');
	expect(await scoValue(page, 'adl.nav.request_valid.choice.{target=playing_item}')).toBe('true');
	expect(await scoValue(page, 'adl.nav.request_valid.choice.{target=assessment_item}')).toBe('false');
});

test('simple remediation: nothing may be chosen, but the SCO may jump; adl.nav.request_valid.jump says so apart from choice, and the server honours it', async ({
	page,
	app,
	browser
}) => {
	test.slow();
	await learnerOpensNewPackage(page, app, browser, 'scorm2004-sequencing-simple-remediation.zip', 'Ôn tập');
	await expect(page.locator('iframe[title="Playing the Game"]')).toBeVisible();
	expect(await scoValue(page, 'adl.nav.request_valid.choice.{target=test_1}')).toBe('false');
	expect(await scoValue(page, 'adl.nav.request_valid.jump.{target=test_1}')).toBe('true');
	// a cluster is not delivered (SN DB.1.1)
	expect(await scoValue(page, 'adl.nav.request_valid.jump.{target=content_wrapper}')).toBe('false');
	await sco(page, [['SetValue', 'cmi.completion_status', 'completed'], ['SetValue', 'adl.nav.request', '{target=test_1}jump'], ['Terminate', '']]);
	await expect(page.locator('iframe[title="Playing Quiz"]')).toBeVisible();
	await expect(page).toHaveURL(/\?sco=test_1$/);
	expect(scoRow(app, 'Playing the Game')).toMatchObject({ completion_status: 'completed' });
});

test('post-test rollup: a jump to a part still closed is refused by the server', async ({ page, app, browser }) => {
	test.slow();
	await learnerOpensNewPackage(page, app, browser, 'scorm2004-sequencing-post-test-rollup.zip', 'Golf tuần tự');
	await expect(page.locator('iframe[title="Playing the Game"]')).toBeVisible();
	expect(await scoValue(page, 'adl.nav.request_valid.jump.{target=assessment_item}')).toBe('false');
	await sco(page, [['SetValue', 'adl.nav.request', '{target=assessment_item}jump'], ['Terminate', '']]);
	await expect(page.locator('.scorm-finished')).toContainText('Gói bài học không cho phép bước này lúc này.');
	await expect(page.locator('iframe[title="Quiz"]')).toHaveCount(0);
	expect(app.query(`SELECT count(*) AS n FROM scorm_session s JOIN activity a ON a.id = s.activity_id WHERE a.title = 'Quiz'`)).toEqual([{ n: 0 }]);
});

test('post-test rollup: a retake that fails counts as it went, though the stored result keeps the earlier pass', async ({ page, app, browser }) => {
	test.slow();
	await learnerOpensNewPackage(page, app, browser, 'scorm2004-sequencing-post-test-rollup.zip', 'Golf tuần tự');
	await expect(page.locator('iframe[title="Playing the Game"]')).toBeVisible();
	await sco(page, [...PASSED, ['SetValue', 'cmi.score.scaled', '0.9'], ['SetValue', 'adl.nav.request', 'continue'], ['Terminate', '']]);
	await expect(page.locator('iframe[title="Etiquette"]')).toBeVisible();
	const toc = page.getByRole('navigation', { name: 'Mục lục' });
	// the learner takes Playing again, fails it, and the SCO ends itself without a request
	await toc.getByRole('link', { name: 'Playing the Game' }).click();
	await expect(page.locator('iframe[title="Playing the Game"]')).toBeVisible();
	await sco(page, [
		['SetValue', 'cmi.completion_status', 'completed'],
		['SetValue', 'cmi.success_status', 'failed'],
		['SetValue', 'cmi.score.scaled', '0.2'],
		['Terminate', '']
	]);
	const finished = page.locator('.scorm-finished');
	await expect(finished).toContainText('Anh/chị đã kết thúc phần này');
	// Continue replays that attempt's end: Etiquette needs Playing passed, so nothing opens
	await finished.getByRole('button', { name: 'Tiếp tục' }).click();
	await expect(finished).toContainText('Gói bài học không cho phép bước này lúc này.');
	await expect(page.locator('iframe[title="Etiquette"]')).toHaveCount(0);
	// the learner's record keeps the best result; the sequencing counts the last attempt
	expect(scoRow(app, 'Playing the Game')).toMatchObject({ completion_status: 'completed', success_status: 'passed' });
	await page.reload();
	await expect(page.getByRole('navigation', { name: 'Mục lục' }).locator('li', { hasText: 'Etiquette' })).toContainText('chưa mở');
});
