// SCORM packages end to end with real packages: a trainer uploads, a learner plays, leaves,
// resumes at the bookmark and finishes; what the SCO reported is stored and the trainer sees it.
import { expect, expectAccessible, MODULE, registerLearner, seedCohort, test } from './fixtures';
import { fixture, signedInPage, storedFolders, uploadPackage, waitForTerminated } from './scorm-helpers';

const COURSE = 'phong-chong-mai-dam';

interface TrackingRow {
	completion_status: string;
	success_status: string;
	score_raw: number | null;
	score_max: number | null;
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

test('SCORM 1.2: upload, play, leave mid-way, resume at the bookmark, pass; the trainer sees it', async ({ page, app, browser }) => {
	seedCohort(app);
	const trainer = await signedInPage(browser, app, 'giangvien');
	const message = await uploadPackage(trainer, COURSE, MODULE, fixture('scorm12-runtime-basic-calls.zip'));
	expect(message).toContain('Đã thêm gói “Golf Explained - Run-time Basic Calls” (1 phần)');
	await expectAccessible(trainer);
	expect(storedFolders(app).filter((name) => !name.startsWith('.'))).toHaveLength(1);
	expect(app.query(`SELECT version, title FROM scorm_package`)).toEqual([{ version: '1.2', title: 'Golf Explained - Run-time Basic Calls' }]);

	// the learner finds it in the module and opens it
	await registerLearner(page);
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	page.on('dialog', (dialog) => void dialog.accept());
	await page.getByRole('link', { name: /Mở bài: Golf Explained/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Golf Explained - Run-time Basic Calls' })).toBeVisible();
	const sco = page.frameLocator('iframe[title="Golf Explained"]');
	await expect(sco.locator('#butNext')).toBeEnabled();
	await expectAccessible(page, { exclude: ['.scorm-stage iframe'] });
	// the SCO found only the 1.2 API, started from a blank record
	expect(await page.evaluate(() => [typeof (window as never as { API?: unknown }).API, typeof (window as never as { API_1484_11?: unknown }).API_1484_11])).toEqual(['object', 'undefined']);
	expect(await page.evaluate(() => (window as never as { API: { LMSGetValue(k: string): string } }).API.LMSGetValue('cmi.core.entry'))).toBe('ab-initio');

	// two pages on, something in suspend_data, then away to the module page
	await sco.locator('#butNext').click();
	await sco.locator('#butNext').click();
	await page.evaluate(() => (window as never as { API: { LMSSetValue(k: string, v: string): string } }).API.LMSSetValue('cmi.suspend_data', 'trang=2;ghi-chu=đã đọc'));
	await page.getByRole('link', { name: 'Thoát về học phần' }).click();
	await page.waitForURL(`**/courses/${COURSE}/${MODULE}`);
	await waitForTerminated(app, 1);
	expect(scoTracking(app)[0]).toMatchObject({ completion_status: 'incomplete', location: '2', suspend_data: 'trang=2;ghi-chu=đã đọc', attempts: 1 });
	expect(app.query(`SELECT exit FROM scorm_state`)).toEqual([{ exit: 'suspend' }]);

	// back again: a resume, at page 2, with the suspend data restored
	await page.getByRole('link', { name: /Mở bài: Golf Explained/ }).click();
	await expect(sco.locator('#butPrevious')).toBeEnabled();
	const api = (key: string) => page.evaluate((k) => (window as never as { API: { LMSGetValue(k: string): string } }).API.LMSGetValue(k), key);
	expect(await api('cmi.core.entry')).toBe('resume');
	expect(await api('cmi.suspend_data')).toBe('trang=2;ghi-chu=đã đọc');
	await expect(sco.frameLocator('#contentFrame').locator('body')).toContainText(/scor/i);

	// through to the test at the end, answered right, then Exit
	for (let i = 0; i < 12; i++) await sco.locator('#butNext').click();
	await expect(sco.locator('#butNext')).toBeDisabled();
	const quiz = page.frames().find((f) => f.url().includes('assessmenttemplate.html'))!;
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
	expect(row).toMatchObject({ completion_status: 'completed', success_status: 'passed', score_raw: 100, score_max: 100, attempts: 2 });
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
	const line = trainer.locator(`tr[data-activity^="${MODULE}/scorm/"]`);
	await expect(line).toContainText('SCORM “Golf Explained - Run-time Basic Calls”: Golf Explained');
	await expect(line).toContainText('đã xong');
	await expect(line).toContainText('đạt');
	await expect(line).toContainText('100/100');
	await expectAccessible(trainer);
});
