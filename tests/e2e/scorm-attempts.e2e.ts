// SCORM 2004 the way SCORM Cloud plays it, part 1: what a SCO leaves unsaid is decided when the
// learner leaves it (End Attempt defaults), cmi.objectives starts from the manifest, the trainer
// hears at import what the player will block, and on a phone the lesson comes first.
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { buildZip } from '../../src/lib/server/scorm/test-zip';
import { expect, expectAccessible, MODULE, registerLearner, seedCohort, test } from './fixtures';
import { fixture, signedInPage, uploadPackage } from './scorm-helpers';

const COURSE = 'phong-chong-mai-dam';

type ApiWindow = { API_1484_11?: { [method: string]: (...args: string[]) => string } & { isInitialized(): boolean } };

function scoRow(app: { query: (sql: string, ...p: unknown[]) => unknown[] }, title: string) {
	return (
		app.query(
			`SELECT t.completion_status, t.success_status, t.total_time_ms, t.attempts FROM tracking t JOIN activity a ON a.id = t.activity_id
			 WHERE a.kind = 'scorm' AND a.title = ?`,
			title
		) as { completion_status: string; success_status: string; total_time_ms: number; attempts: number }[]
	)[0];
}

test('pages that never call the API are completed when the learner moves on, without a page load; the phone sees the lesson first', async ({ page, app, browser }) => {
	seedCohort(app);
	const trainer = await signedInPage(browser, app, 'giangvien');
	const message = await uploadPackage(trainer, COURSE, MODULE, fixture('scorm2004-content-packaging-one-file-per-sco.zip'), 'Golf từng trang');
	expect(message).toContain('Đã thêm gói “Golf từng trang”');
	// the trainer is told no page talks to the LMS, and what the platform does instead
	const warning = trainer.locator('form.scorm-upload .scorm-warnings').first();
	await expect(warning).toContainText('Không trang nào trong gói tìm tới giao diện SCORM (API_1484_11)');
	await expect(warning).toContainText('được tính là hoàn thành khi học viên rời khỏi phần đó');
	await expectAccessible(trainer);

	await page.setViewportSize({ width: 360, height: 740 });
	await registerLearner(page);
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	await page.getByRole('link', { name: 'Mở bài: Golf từng trang' }).click();
	const first = page.locator('iframe[title="How to Play"]');
	await expect(first).toBeVisible();
	// delivered: the attempt is counted although the page never calls Initialize; these pages are
	// assets in the manifest, completed once opened, and their attempt is not over yet
	await expect.poll(() => scoRow(app, 'How to Play')?.completion_status).toBe('completed');
	expect(scoRow(app, 'How to Play')).toMatchObject({ success_status: 'unknown', attempts: 1, total_time_ms: 0 });

	// on a phone the frame is on the first screen, the contents folded below it
	const frameBox = (await first.boundingBox())!;
	const toc = page.locator('details.scorm-toc');
	expect(frameBox.y).toBeLessThan(740 / 2);
	expect((await toc.boundingBox())!.y).toBeGreaterThan(frameBox.y + frameBox.height);
	await expect(toc).not.toHaveAttribute('open');
	await expectAccessible(page, { exclude: ['.scorm-stage iframe'] });
	// the folded contents open from the keyboard
	await toc.locator('summary').focus();
	await page.keyboard.press('Enter');
	await expect(toc).toHaveAttribute('open');

	// a marker on the page survives the move: no page load
	await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
	await page.waitForTimeout(1500);
	await toc.getByRole('link', { name: 'Par', exact: true }).click();
	await expect(page.locator('iframe[title="Par"]')).toBeVisible();
	await expect(page).toHaveURL(/\?sco=playing_par_item$/);
	expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);

	// the first page's attempt has ended: satisfied too (SCORM 2004 defaults), credited the time it was on screen
	expect(scoRow(app, 'How to Play')).toMatchObject({ completion_status: 'completed', success_status: 'passed' });
	expect(scoRow(app, 'How to Play')!.total_time_ms).toBeGreaterThanOrEqual(1000);
	await expect(toc.getByRole('link', { name: 'How to Play' }).locator('xpath=following-sibling::span[1]')).toHaveText('Đạt');
	await expect(toc.getByRole('link', { name: 'Par', exact: true })).toHaveAttribute('aria-current', 'page');
	await expect(page.locator('.scorm-progress')).toContainText('Đã xong 1/18 phần');

	// back in history: Par is left too, and How to Play is shown again
	await page.goBack();
	await expect(page.locator('iframe[title="How to Play"]')).toBeVisible();
	await expect.poll(() => scoRow(app, 'Par')?.success_status).toBe('passed');
	// its second delivery has reached the server (a tab closed before that leaves nothing to end)
	await expect.poll(() => scoRow(app, 'How to Play')?.attempts).toBe(2);

	// closing the tab ends the one on screen as well
	await page.close({ runBeforeUnload: true });
	await expect.poll(() => (app.query(`SELECT count(*) AS n FROM scorm_session WHERE terminated_at IS NULL`) as { n: number }[])[0]!.n).toBe(0);
	expect(scoRow(app, 'How to Play')!.attempts).toBe(2);
});

test('SCOs (not assets) that never call the API: incomplete while open, completed when left, and the package then counts them', async ({ page, app, browser }) => {
	seedCohort(app);
	const sco = (n: number) => `<resource identifier="r${n}" type="webcontent" adlcp:scormType="sco" href="trang${n}.html"><file href="trang${n}.html"/></resource>`;
	const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="two" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>Hai trang</title>
    <item identifier="i1" identifierref="r1"><title>Trang 1</title></item>
    <item identifier="i2" identifierref="r2"><title>Trang 2</title></item>
  </organization></organizations>
  <resources>${sco(1)}${sco(2)}</resources>
</manifest>`;
	const pageOf = (n: number) => `<!doctype html><html lang="vi"><head><title>Trang ${n}</title></head><body><p>Nội dung trang ${n}</p></body></html>`;
	const dir = mkdtempSync(join(tmpdir(), 'taphuan-pages-'));
	const zip = join(dir, 'hai-trang.zip');
	writeFileSync(zip, buildZip([{ name: 'imsmanifest.xml', data: manifest }, { name: 'trang1.html', data: pageOf(1) }, { name: 'trang2.html', data: pageOf(2) }]));
	const trainer = await signedInPage(browser, app, 'giangvien');
	expect(await uploadPackage(trainer, COURSE, MODULE, zip)).toContain('Đã thêm gói “Hai trang” (2 phần)');

	await registerLearner(page);
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	await page.getByRole('link', { name: 'Mở bài: Hai trang' }).click();
	await expect(page.locator('iframe[title="Trang 1"]')).toBeVisible();
	await expect.poll(() => scoRow(app, 'Trang 1')?.completion_status).toBe('incomplete');
	await page.waitForTimeout(1000);
	await page.getByRole('navigation', { name: 'Chuyển phần' }).getByRole('link', { name: 'Trang 2 →' }).click();
	await expect(page.locator('iframe[title="Trang 2"]')).toBeVisible();
	expect(scoRow(app, 'Trang 1')).toMatchObject({ completion_status: 'completed', success_status: 'passed', attempts: 1 });
	expect(scoRow(app, 'Trang 1')!.total_time_ms).toBeGreaterThanOrEqual(1000);
	// the frame is on screen before its launch has reached the server
	await expect.poll(() => scoRow(app, 'Trang 2')?.completion_status).toBe('incomplete');

	// leaving the player ends the second one before the module page loads: that page counts both
	await page.getByRole('navigation', { name: 'Chuyển phần' }).getByRole('link', { name: 'Thoát về học phần' }).click();
	await page.waitForURL(`**/courses/${COURSE}/${MODULE}`);
	await expect(page.locator('.scorm-in-module')).toContainText('Đã xong 2/2 phần');
	expect(scoRow(app, 'Trang 2')).toMatchObject({ completion_status: 'completed', success_status: 'passed' });

	// a page left another way (an address typed, the service worker in control) ends its SCO as well
	const open = () => app.query(`SELECT count(*) AS n FROM scorm_session WHERE terminated_at IS NULL`) as { n: number }[];
	expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	await page.getByRole('link', { name: 'Mở bài: Hai trang' }).click();
	await expect(page.locator('.scorm-stage iframe')).toBeVisible();
	await expect.poll(() => open()[0]!.n).toBe(1);
	await page.goto('/courses');
	await expect.poll(() => open()[0]!.n).toBe(0);
});

test('cmi.objectives starts with the objectives the manifest declares, so a SCO can write them by id', async ({ page, app, browser }) => {
	seedCohort(app);
	const trainer = await signedInPage(browser, app, 'giangvien');
	expect(await uploadPackage(trainer, COURSE, MODULE, fixture('scorm2004-sequencing-simple-remediation.zip'), 'Ôn tập')).toContain('Đã thêm gói “Ôn tập”');
	// a package that talks to the API and loads nothing from elsewhere has nothing to warn about
	await expect(trainer.locator('form.scorm-upload .scorm-warnings')).toHaveCount(0);

	await registerLearner(page);
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	await page.getByRole('link', { name: 'Mở bài: Ôn tập' }).click();
	await expect(page.locator('iframe[title="Playing the Game"]')).toBeVisible();
	await expect.poll(() => page.evaluate(() => (window as unknown as ApiWindow).API_1484_11?.isInitialized() ?? false)).toBe(true);
	const call = (method: string, ...args: string[]) => page.evaluate(([m, a]) => (window as unknown as ApiWindow).API_1484_11![m as string]!(...(a as string[])), [method, args] as const);
	expect(await call('GetValue', 'cmi.objectives._count')).toBe('1');
	expect(await call('GetValue', 'cmi.objectives.0.id')).toBe('learning_objective_satisfied');
	expect(await call('SetValue', 'cmi.objectives.0.success_status', 'passed')).toBe('true');
	expect(await call('GetLastError')).toBe('0');
	expect(await call('SetValue', 'cmi.objectives.0.score.scaled', '0.9')).toBe('true');
	expect(await call('Commit', '')).toBe('true');
	const stored = app.query(`SELECT objectives FROM scorm_state`) as { objectives: string }[];
	expect(JSON.parse(stored[0]!.objectives)).toEqual([expect.objectContaining({ id: 'learning_objective_satisfied', success: 'passed', scoreScaled: 0.9 })]);
});

test('a package that loads a script from a CDN is accepted with a warning naming the address and what will happen', async ({ app, browser }) => {
	seedCohort(app);
	const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="cdn" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 3rd Edition</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>Bài có jQuery</title>
    <item identifier="i" identifierref="r"><title>Trang 1</title></item>
  </organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="index.html"><file href="index.html"/></resource></resources>
</manifest>`;
	const index = `<!doctype html><html lang="vi"><head><title>Trang 1</title>
<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>
<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
</head><body><p>Xin chào</p><script>$(function () { window.parent.API_1484_11.Initialize(''); });</script></body></html>`;
	const dir = mkdtempSync(join(tmpdir(), 'taphuan-cdn-'));
	const zip = join(dir, 'cdn.zip');
	writeFileSync(zip, buildZip([{ name: 'imsmanifest.xml', data: manifest }, { name: 'index.html', data: index }]));

	const trainer = await signedInPage(browser, app, 'giangvien');
	expect(await uploadPackage(trainer, COURSE, MODULE, zip)).toContain('Đã thêm gói “Bài có jQuery”');
	const warning = trainer.locator('form.scorm-upload .scorm-warnings').first();
	await expect(warning).toContainText('tải 2 tài nguyên từ trang web khác');
	await expect(warning).toContainText('Trình phát chặn mọi địa chỉ bên ngoài');
	await expect(warning.locator('code')).toHaveText(['https://code.jquery.com/jquery-3.7.1.min.js', 'https://fonts.googleapis.com/css?family=Roboto']);
	await expectAccessible(trainer);
	// stored with the package: the list says it too, after a reload
	await trainer.reload();
	await expect(trainer.locator('.scorm-package .scorm-warnings')).toContainText('https://code.jquery.com/jquery-3.7.1.min.js');
	expect(JSON.parse((app.query(`SELECT analysis FROM scorm_package`) as { analysis: string }[])[0]!.analysis)).toMatchObject({ externalCount: 2, referencesApi: true });
});
