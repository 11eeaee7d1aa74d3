// SCORM packages end to end with real packages: a trainer uploads, a learner plays, leaves,
// resumes at the bookmark and finishes; what the SCO reported is stored and the trainer sees it.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildZip } from '../../src/lib/server/scorm/test-zip';
import { expect, expectAccessible, MODULE, registerLearner, seedCohort, test } from './fixtures';
import { fixture, pendingUploads, signedInPage, storedFolders, uploadPackage, waitForTerminated } from './scorm-helpers';

const COURSE = 'phong-chong-mai-dam';

interface TrackingRow {
	completion_status: string;
	success_status: string;
	score_raw: number | null;
	score_max: number | null;
	score_scaled: number | null;
	total_time_ms: number;
	location: string | null;
	suspend_data: string | null;
	attempts: number;
}

function scoTracking(app: { query: (sql: string, ...p: unknown[]) => unknown[] }): TrackingRow[] {
	return app.query(
		`SELECT t.* FROM tracking t JOIN activity a ON a.id = t.activity_id WHERE a.kind = 'scorm' ORDER BY a.id`
	) as TrackingRow[];
}

/** The two "Golf Explained" packages do the same things in each version's own words. */
const GOLF = [
	{
		version: '1.2',
		file: 'scorm12-runtime-basic-calls.zip',
		api: 'API',
		otherApi: 'API_1484_11',
		get: 'LMSGetValue',
		set: 'LMSSetValue',
		entry: 'cmi.core.entry',
		// 1.2 has one status: passed means completed too
		finished: { completion_status: 'completed', success_status: 'passed', score_raw: 100, score_max: 100 }
	},
	{
		version: '2004',
		file: 'scorm2004-3rd-runtime-basic-calls.zip',
		api: 'API_1484_11',
		otherApi: 'API',
		get: 'GetValue',
		set: 'SetValue',
		entry: 'cmi.entry',
		finished: { completion_status: 'completed', success_status: 'passed', score_raw: 100, score_max: 100, score_scaled: 1 }
	}
] as const;

for (const golf of GOLF) {
	test(`SCORM ${golf.version}: upload, play, leave mid-way, resume at the bookmark, pass; the trainer sees it`, async ({ page, app, browser }) => {
		// two browser contexts, an upload, three launches and axe on a shared two-core machine
		test.slow();
		seedCohort(app);
		const trainer = await signedInPage(browser, app, 'giangvien');
		const message = await uploadPackage(trainer, COURSE, MODULE, fixture(golf.file));
		expect(message).toContain('Đã thêm gói “Golf Explained - Run-time Basic Calls” (1 phần)');
		await expectAccessible(trainer);
		expect(storedFolders(app).filter((name) => !name.startsWith('.'))).toHaveLength(1);
		expect(app.query(`SELECT version, title FROM scorm_package`)).toEqual([{ version: golf.version, title: 'Golf Explained - Run-time Basic Calls' }]);

		type ApiWindow = Record<string, { [method: string]: (...args: string[]) => string } | undefined>;
		const call = (method: string, ...args: string[]) =>
			page.evaluate(([api, m, a]) => (window as unknown as ApiWindow)[api as string]![m as string]!(...(a as string[])), [golf.api, method, args] as const);

		// the learner finds it in the module and opens it
		await registerLearner(page);
		await page.goto(`/courses/${COURSE}/${MODULE}`);
		page.on('dialog', (dialog) => void dialog.accept());
		await page.getByRole('link', { name: /Mở bài: Golf Explained/ }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Golf Explained - Run-time Basic Calls' })).toBeVisible();
		const sco = page.frameLocator('iframe[title="Golf Explained"]');
		await expect(sco.locator('#butNext')).toBeEnabled();
		await expectAccessible(page, { exclude: ['.scorm-stage iframe'] });
		// the SCO found only its version's API, started from a blank record
		const apis = await page.evaluate(([a, b]) => [typeof (window as unknown as ApiWindow)[a!], typeof (window as unknown as ApiWindow)[b!]], [golf.api, golf.otherApi]);
		expect(apis).toEqual(['object', 'undefined']);
		expect(await call(golf.get, golf.entry)).toBe('ab-initio');

		// two pages on, something in suspend_data, then away to the module page
		await sco.locator('#butNext').click();
		await sco.locator('#butNext').click();
		await call(golf.set, 'cmi.suspend_data', 'trang=2;ghi-chu=đã đọc');
		await page.getByRole('link', { name: 'Thoát về học phần' }).click();
		await page.waitForURL(`**/courses/${COURSE}/${MODULE}`);
		await waitForTerminated(app, 1);
		expect(scoTracking(app)[0]).toMatchObject({ completion_status: 'incomplete', location: '2', suspend_data: 'trang=2;ghi-chu=đã đọc', attempts: 1 });
		expect(app.query(`SELECT exit FROM scorm_state`)).toEqual([{ exit: 'suspend' }]);

		// back again: a resume, at page 2, with the suspend data restored
		await page.getByRole('link', { name: /Mở bài: Golf Explained/ }).click();
		await expect(sco.locator('#butPrevious')).toBeEnabled();
		expect(await call(golf.get, golf.entry)).toBe('resume');
		expect(await call(golf.get, 'cmi.suspend_data')).toBe('trang=2;ghi-chu=đã đọc');
		await expect(sco.frameLocator('#contentFrame').locator('body')).toContainText(/scor/i);

		// through to the test at the end, answered right, then Exit
		for (let i = 0; i < 12; i++) await sco.locator('#butNext').click();
		await expect(sco.locator('#butNext')).toBeDisabled();
		// the last page loads the test into the SCO's inner frame: wait until that frame is there
		const quizFrame = () => page.frames().find((f) => f.url().includes('assessmenttemplate.html'));
		await expect.poll(() => quizFrame() !== undefined).toBe(true);
		const quiz = quizFrame()!;
		await quiz.waitForLoadState();
		await quiz.evaluate(() => {
			type Q = { Id: string; Type: string; Answers: string[] | null; CorrectAnswer: unknown };
			for (const q of (window as never as { test: { Questions: Q[] } }).test.Questions) {
				if (q.Type === 'choice') (document.getElementById(`question_${q.Id}_${q.Answers!.indexOf(String(q.CorrectAnswer))}`) as HTMLInputElement).checked = true;
				else if (q.Type === 'true-false') (document.getElementById(`question_${q.Id}_${q.CorrectAnswer ? 'True' : 'False'}`) as HTMLInputElement).checked = true;
				else (document.getElementById(`question_${q.Id}_Text`) as HTMLInputElement).value = String(q.CorrectAnswer);
			}
		});
		await quiz.getByRole('button', { name: 'Submit Answers' }).click();
		await expect(quiz.locator('body')).toContainText('Score: 100');
		await sco.locator('#butExit').click();
		await waitForTerminated(app, 2);
		const row = scoTracking(app)[0]!;
		expect(row).toMatchObject({ ...golf.finished, attempts: 2 });
		expect(row.total_time_ms).toBeGreaterThan(0);
		// the time credited is what the SCO reported, once per session
		const credited = app.query(`SELECT sum(credited_ms) AS ms FROM scorm_session`) as { ms: number }[];
		expect(row.total_time_ms).toBe(credited[0]!.ms);

		// the module page counts it
		await page.goto(`/courses/${COURSE}/${MODULE}`);
		await expect(page.locator('.scorm-in-module')).toContainText('Đã xong 1/1 phần');

		// the trainer's view of the learner
		const learnerId = (app.query(`SELECT id FROM user WHERE username = 'nguyenthilan'`) as { id: number }[])[0]!.id;
		await trainer.goto(`/manage/cohorts/1/learners/${learnerId}`);
		const line = trainer.locator(`tr[data-activity^="${MODULE}/scorm/"]`, { hasText: ': Golf Explained' });
		await expect(line).toContainText('SCORM “Golf Explained - Run-time Basic Calls”: Golf Explained');
		// SCORM 2004: the package as a whole too, its rollup (here its one SCO's result)
		const wholeLine = trainer.locator(`tr[data-activity^="${MODULE}/scorm/"]`, { hasText: 'cả gói' });
		if (golf.version === '2004') await expect(wholeLine).toContainText('đạt');
		else await expect(wholeLine).toHaveCount(0);
		await expect(line).toContainText('đã xong');
		await expect(line).toContainText('đạt');
		await expect(line).toContainText('100/100');
		await expectAccessible(trainer);

		// and in the cohort's course report
		await trainer.goto(`/manage/cohorts/1/courses/${COURSE}`);
		const scos = trainer.locator('[data-scorm-package] table[data-table="scorm-scos"] tbody tr');
		await expect(scos).toHaveCount(1);
		await expect(scos.first().locator('th')).toHaveText('Golf Explained');
		await expect(scos.first().locator('td')).toHaveText(['1/1', '1', '1', '0', '100', /\d+/]);
		// SCORM 2004: the package's own line beside its parts (what the module counts)
		const whole = trainer.locator('[data-scorm-package] table[data-table="scorm-scos"] tfoot tr');
		if (golf.version === '2004') await expect(whole.locator('td')).toHaveText(['1/1', '1', '1', '0', /^(\d+%|—)$/, '—']);
		else await expect(whole).toHaveCount(0);
		await expectAccessible(trainer);
	});
}

test('a commit made without a network is kept on the phone, said so, and stored once the network returns', async ({ page, context, app, browser }) => {
	seedCohort(app);
	const trainer = await signedInPage(browser, app, 'giangvien');
	await uploadPackage(trainer, COURSE, MODULE, fixture('scorm12-runtime-basic-calls.zip'));
	await registerLearner(page);
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	await page.getByRole('link', { name: /Mở bài: Golf Explained/ }).click();
	await expect(page.frameLocator('iframe[title="Golf Explained"]').locator('#butNext')).toBeEnabled();
	await expect.poll(() => app.query(`SELECT count(*) AS n FROM scorm_session`)).toEqual([{ n: 1 }]);
	const call = (method: string, ...args: string[]) =>
		page.evaluate(([m, a]) => (window as unknown as Record<string, Record<string, (...x: string[]) => string>>).API![m as string]!(...(a as string[])), [method, args] as const);

	await context.setOffline(true);
	expect(await call('LMSSetValue', 'cmi.suspend_data', 'trang=3;ngoai-tuyen')).toBe('true');
	// the SCO is told its data is safe: it is, on the phone
	expect(await call('LMSCommit', '')).toBe('true');
	expect(await call('LMSGetLastError')).toBe('0');
	await expect(page.getByText('Không có mạng: kết quả học đã được lưu trên máy này và sẽ tự gửi khi có mạng trở lại.')).toBeVisible();
	await expect(page.locator('[data-outbox-status]')).toHaveText('1 thay đổi chờ gửi');
	expect(scoTracking(app)[0]!.suspend_data).toBeNull();
	await expectAccessible(page, { exclude: ['.scorm-stage iframe'] });

	await context.setOffline(false);
	await expect.poll(() => scoTracking(app)[0]?.suspend_data).toBe('trang=3;ngoai-tuyen');
	await expect(page.locator('[data-outbox-status]')).toHaveText('Đã đồng bộ');
	// online again, commits go straight to the server
	expect(await call('LMSSetValue', 'cmi.core.lesson_location', '4')).toBe('true');
	expect(await call('LMSCommit', '')).toBe('true');
	await expect(page.getByText('Đã lưu kết quả học.')).toBeVisible();
	expect(scoTracking(app)[0]!.location).toBe('4');
});

test('SCORM 1.2 prerequisites: a part waiting for another is shown closed and refused, and opens once that one is completed', async ({ page, app, browser }) => {
	seedCohort(app);
	const sco = (n: number) => `<resource identifier="r${n}" type="webcontent" adlcp:scormtype="sco" href="trang${n}.html"><file href="trang${n}.html"/></resource>`;
	const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="dieu-kien" version="1.0" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>Học theo điều kiện</title>
    <item identifier="i1" identifierref="r1"><title>Trang 1</title></item>
    <item identifier="i2" identifierref="r2"><title>Trang 2</title><adlcp:prerequisites type="aicc_script">i1</adlcp:prerequisites></item>
    <item identifier="i3" identifierref="r3"><title>Trang 3</title><adlcp:prerequisites type="aicc_script">i1 &amp;</adlcp:prerequisites></item>
  </organization></organizations>
  <resources>${sco(1)}${sco(2)}${sco(3)}</resources>
</manifest>`;
	const pageOf = (n: number) => `<!doctype html><html lang="vi"><head><title>Trang ${n}</title></head><body><p>Nội dung trang ${n}</p></body></html>`;
	const dir = mkdtempSync(join(tmpdir(), 'taphuan-prereq-'));
	const zip = join(dir, 'dieu-kien.zip');
	writeFileSync(zip, buildZip([{ name: 'imsmanifest.xml', data: manifest }, ...[1, 2, 3].map((n) => ({ name: `trang${n}.html`, data: pageOf(n) }))]));
	const trainer = await signedInPage(browser, app, 'giangvien');
	expect(await uploadPackage(trainer, COURSE, MODULE, zip)).toContain('Đã thêm gói “Học theo điều kiện” (3 phần)');
	// a prerequisite the player cannot read is named at upload, and blocks no one
	await expect(trainer.locator('form.scorm-upload .scorm-warnings')).toContainText('Mục “i3”: điều kiện mở bài viết sai cú pháp (adlcp:prerequisites="i1 &"), nên phần này luôn mở.');

	await registerLearner(page);
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	await page.getByRole('link', { name: 'Mở bài: Học theo điều kiện' }).click();
	await expect(page.locator('iframe[title="Trang 1"]')).toBeVisible();
	const toc = page.getByRole('navigation', { name: 'Mục lục' });
	// Trang 2 waits for Trang 1: text with its reason, no link, and no way there from the pager
	await expect(toc.getByRole('link', { name: 'Trang 2' })).toHaveCount(0);
	await expect(toc.getByRole('link', { name: 'Trang 3' })).toBeVisible();
	await expect(toc.getByText('Trang 2')).toBeVisible();
	await expect(toc).toContainText('chưa mở');
	await expect(page.getByRole('navigation', { name: 'Chuyển phần' }).getByRole('link', { name: /Trang 2/ })).toHaveCount(0);
	await expectAccessible(page, { exclude: ['.scorm-stage iframe'] });
	// asked for directly: refused by the server, nothing opened
	const pageUrl = page.url();
	const refused = await page.request.get(pageUrl.replace(/\?sco=.*$/, '?sco=i2'));
	expect(refused.status()).toBe(403);
	expect(await refused.text()).toContain('Phần này chưa mở');
	const sessions = () => app.query<{ title: string }>(`SELECT a.title FROM scorm_session s JOIN activity a ON a.id = s.activity_id`).map((row) => row.title);
	expect(sessions()).toEqual(['Trang 1']);

	// Trang 1 completed: Trang 2 opens, in the contents and as the next part
	const call = (method: string, ...args: string[]) =>
		page.evaluate(([m, a]) => (window as unknown as Record<string, Record<string, (...x: string[]) => string>>).API![m as string]!(...(a as string[])), [method, args] as const);
	expect(await call('LMSInitialize', '')).toBe('true');
	expect(await call('LMSSetValue', 'cmi.core.lesson_status', 'completed')).toBe('true');
	expect(await call('LMSFinish', '')).toBe('true');
	await expect(toc.getByRole('link', { name: 'Trang 2' })).toBeVisible();
	await page.getByRole('link', { name: 'Phần tiếp theo: Trang 2' }).click();
	await expect(page.locator('iframe[title="Trang 2"]')).toBeVisible();
	await expect.poll(sessions).toEqual(['Trang 1', 'Trang 2']);
});

test('a multi-SCO package shows its nested table of contents and tracks each SCO on its own', async ({ page, app, browser }) => {
	seedCohort(app);
	const trainer = await signedInPage(browser, app, 'giangvien');
	expect(await uploadPackage(trainer, COURSE, MODULE, fixture('scorm12-multi-sco.zip'), 'Sân golf')).toContain('Đã thêm gói “Sân golf”');
	const scos = app.query(`SELECT id, title FROM activity WHERE kind = 'scorm' ORDER BY id`) as { id: number; title: string }[];
	expect(scos.length).toBeGreaterThanOrEqual(17);

	await registerLearner(page);
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	await page.getByRole('link', { name: 'Mở bài: Sân golf' }).click();
	const toc = page.getByRole('navigation', { name: 'Mục lục' });
	// folders of the manifest are folders here, their SCOs inside them
	await expect(toc.locator(':scope > ul > li')).toHaveCount(4);
	await expect(toc.locator(':scope > ul > li').first().locator('.toc-folder')).toHaveText('Playing the Game');
	await expect(toc.locator(':scope > ul > li').first().locator('ul a')).toHaveCount(6);
	await expect(toc.getByRole('link', { name: 'How to Play' })).toHaveAttribute('aria-current', 'page');
	await expect(page.locator('iframe[title="How to Play"]')).toBeVisible();
	await expectAccessible(page, { exclude: ['.scorm-stage iframe'] });

	// a second SCO: the first one finished (a SCO that sets no status is completed, as SCORM 1.2 says)
	await page.getByRole('link', { name: 'Par', exact: true }).click();
	await expect(page.locator('iframe[title="Par"]')).toBeVisible();
	await waitForTerminated(app, 1);
	const rows = () =>
		app.query(`SELECT a.title, t.completion_status FROM tracking t JOIN activity a ON a.id = t.activity_id WHERE a.kind = 'scorm' ORDER BY a.id`) as {
			title: string;
			completion_status: string;
		}[];
	await expect.poll(() => rows().find((r) => r.title === 'Par')?.completion_status).toBe('incomplete');
	expect(rows().find((r) => r.title === 'How to Play')?.completion_status).toBe('completed');
	await expect(toc.getByRole('link', { name: 'How to Play' }).locator('xpath=following-sibling::span[1]')).toHaveText('Hoàn thành');
	await expect(page.locator('.scorm-progress')).toContainText(`Đã xong 1/${scos.length} phần`);
});

test('every broken or hostile package is refused with its reason, leaving nothing behind', async ({ app, browser }) => {
	test.setTimeout(180_000);
	seedCohort(app);
	const trainer = await signedInPage(browser, app, 'giangvien');
	const refusals: [string, string][] = [
		['not-a-zip.zip', 'không phải là gói SCORM dạng .zip'],
		['hostile-zip-slip.zip', 'trỏ ra ngoài thư mục của gói'],
		['hostile-absolute-path.zip', 'trỏ ra ngoài thư mục của gói'],
		['hostile-symlink.zip', 'liên kết tắt (symlink)'],
		['hostile-zip-bomb.zip', 'Khi giải nén, gói vượt giới hạn'],
		['hostile-too-many-files.zip', 'tệp, vượt giới hạn'],
		['hostile-xxe-manifest.zip', 'khai báo thực thể (DOCTYPE/ENTITY)'],
		['manifest-in-subfolder.zip', 'nằm trong thư mục con course'],
		['scorm12-malformed-xml.zip', 'bị lỗi cú pháp'],
		['scorm12-missing-launch-url.zip', 'không có địa chỉ trang mở đầu'],
		['scorm12-missing-required-fields.zip', 'phần tử <organization> thiếu title'],
		['scorm12-item-with-non-existent-resource-id.zip', 'trỏ tới tài nguyên non_existent_resource không có trong gói'],
		['scorm2004-missing-org-identifier.zip', 'phần tử <organization> thiếu identifier']
	];
	for (const [file, reason] of refusals) {
		const message = await uploadPackage(trainer, COURSE, MODULE, fixture(`invalid/${file}`));
		expect(message, file).toContain(reason);
		await expect(trainer.locator('form.scorm-upload .form-message.error').first()).toBeVisible();
		expect(storedFolders(app).filter((name) => name !== '.uploads'), file).toEqual([]);
		expect(pendingUploads(app), file).toEqual([]);
	}
	for (const pwned of ['/tmp/taphuan-zip-slip-pwned.txt', '/tmp/taphuan-absolute-pwned.txt']) expect(existsSync(pwned)).toBe(false);
	expect(app.query('SELECT count(*) AS n FROM scorm_package')).toEqual([{ n: 0 }]);

	// a title with markup in it is a title, shown as text
	expect(await uploadPackage(trainer, COURSE, MODULE, fixture('invalid/hostile-title-xss.zip'))).toContain('<img src=x onerror=');
	await trainer.goto(`/manage/courses/${COURSE}/scorm`);
	await expect(trainer.locator('.scorm-package strong')).toHaveText('<img src=x onerror="window.__xss=1">Golf');
	expect(await trainer.evaluate(() => (window as never as { __xss?: number }).__xss)).toBeUndefined();
	await expect(trainer.locator('.scorm-package img')).toHaveCount(0);
});
