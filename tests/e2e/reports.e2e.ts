// Trainers' reports on the small test course: two learners take the quiz (one passes, one
// fails), one never starts; the trainer reads the cohort report, the charts' tables, the learner
// table, the item analysis and a learner's answers, downloads CSVs, resets a password and
// disables an account. Other trainers and learners are refused on the server.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, PASSWORD, registerLearner, seedCohort, signIn, test, TEST_COURSES, trySignIn } from './fixtures';
import { answerAllCorrectly, question, startQuiz, submitQuiz } from './quiz-helpers';

test.use({ coursesDir: TEST_COURSES });

const REPORT = '/manage/cohorts/1/courses/khoa-thu';

async function learnerPage(browser: Browser, baseURL: string): Promise<Page> {
	const context = await browser.newContext({ baseURL, locale: 'vi-VN' });
	return context.newPage();
}

async function readDownload(page: Page, link: ReturnType<Page['getByRole']>): Promise<{ name: string; text: string }> {
	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

test('a trainer reads the cohort report, drills down to a learner and manages the account', async ({ page, app, browser }) => {
	test.setTimeout(180_000);
	seedCohort(app, 'HY-2022-01', 'khoa-thu');
	// Lan passes with every answer right; Bình answers one question and fails; Cúc never starts
	const lan = await learnerPage(browser, app.url);
	await registerLearner(lan, { username: 'nguyenthilan', name: 'Nguyễn Thị Lan' });
	await startQuiz(lan);
	await answerAllCorrectly(lan);
	await submitQuiz(lan);
	const binh = await learnerPage(browser, app.url);
	await registerLearner(binh, { username: 'tranvanbinh', name: 'Trần Văn Bình' });
	await startQuiz(binh);
	await question(binh, 'q-don').getByLabel('Hà Nội').check();
	await submitQuiz(binh);
	const cuc = await learnerPage(browser, app.url);
	await registerLearner(cuc, { username: 'lethicuc', name: 'Lê Thị Cúc' });

	// which pages load chart.js is tested in page-weight.e2e.ts
	await signIn(page, 'giangvien');
	// trainer home: the cohort's numbers
	await page.goto('/manage');
	const card = page.locator('[data-cohort="HY-2022-01"]');
	await expect(card.locator('[data-stat="learners"] strong')).toHaveText('3');
	await expect(card.locator('[data-stat="active"] strong')).toHaveText('2');
	await expect(card.locator('[data-stat="not-started"] strong')).toHaveText('1');
	const { avg } = app.query<{ avg: number }>(`SELECT round(avg(percent)) AS avg FROM quiz_attempt WHERE status = 'submitted'`)[0]!;
	await expect(card.locator('[data-stat="score"] strong')).toHaveText(`${avg}%`);
	await expectAccessible(page);

	// the report: charts drawn on canvases, and the same numbers as tables
	await card.getByRole('link', { name: /Báo cáo khoá/ }).click();
	await expect(page).toHaveURL(REPORT);
	await expect(page.locator('figure[data-chart="completion"] canvas')).toBeVisible();
	await expect(page.locator('figure[data-chart="distribution-on-tap"] canvas')).toBeVisible();
	await expectAccessible(page);
	const { passed, takers } = app.query<{ passed: number; takers: number }>(
		`SELECT sum(success_status = 'passed') AS passed, count(*) AS takers FROM tracking t JOIN activity a ON a.id = t.activity_id
		 WHERE a.kind = 'quiz' AND a.module_slug = 'on-tap' AND t.attempts > 0`
	)[0]!;
	const completion = page.locator('figure[data-chart="completion"]');
	await completion.getByRole('button', { name: 'Xem dạng bảng' }).click();
	await expect(completion.locator('canvas')).toHaveCount(0);
	const row = completion.getByRole('row', { name: /^HP1/ });
	await expect(row.getByRole('cell').nth(1)).toHaveText(`${Math.round((100 * passed) / takers)}%`);
	await expect(page.locator('[data-module="on-tap"] [data-field="passRate"]')).toHaveText(`50% (2)`);
	await completion.getByRole('button', { name: 'Xem biểu đồ' }).click();
	await expect(completion.locator('canvas')).toBeVisible();
	const distribution = page.locator('figure[data-chart="distribution-on-tap"]');
	await distribution.getByRole('button', { name: 'Xem dạng bảng' }).click();
	await expect(distribution.getByRole('row', { name: /^từ 90% đến 100%/ }).getByRole('cell')).toHaveText('1');
	await expect(distribution.getByRole('row', { name: /^từ 10% đến dưới 20%/ }).getByRole('cell')).toHaveText('1');

	// learner table: sort, filter, search without diacritics, CSV of what is shown
	await page.getByRole('link', { name: 'Bảng học viên' }).first().click();
	await expectAccessible(page);
	const names = () => page.locator('[data-table="learners"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-learner')));
	await expect.poll(names).toEqual(['lethicuc', 'nguyenthilan', 'tranvanbinh']);
	await page.getByRole('link', { name: 'Điểm cao nhất HP1' }).click();
	// the second click reverses the order the first one has shown
	await expect(page.getByRole('columnheader', { name: /Điểm cao nhất HP1/ })).toHaveAttribute('aria-sort', 'ascending');
	await page.getByRole('link', { name: 'Điểm cao nhất HP1' }).click();
	await expect(page.getByRole('columnheader', { name: /Điểm cao nhất HP1/ })).toHaveAttribute('aria-sort', 'descending');
	await expect.poll(names).toEqual(['nguyenthilan', 'tranvanbinh', 'lethicuc']);
	await page.getByLabel('Trạng thái').selectOption('failing');
	await page.getByRole('button', { name: 'Lọc' }).click();
	await expect(page.getByRole('status')).toHaveText('Học viên 1–1 trong 1');
	await expect.poll(names).toEqual(['tranvanbinh']);
	const csv = await readDownload(page, page.getByRole('link', { name: 'Tải bảng học viên (CSV)' }));
	expect(csv.name).toMatch(/^lop-hy-2022-01_hoc-vien_\d{4}-\d{2}-\d{2}\.csv$/);
	expect(csv.text.charCodeAt(0)).toBe(0xfeff);
	const parsed = Papa.parse<string[]>(csv.text.slice(1).trim()).data;
	expect(parsed).toHaveLength(2);
	expect(parsed[1]!.slice(0, 6)).toEqual(['Trần Văn Bình', 'tranvanbinh', 'Hội LHPN xã Tân Hưng', 'xã Tân Hưng', 'Hưng Yên', 'Chưa đạt bài kiểm tra']);
	await page.getByRole('link', { name: 'Xoá bộ lọc' }).click();
	await expect(page).toHaveURL(/\/learners$/);
	await page.getByLabel('Tìm theo tên hoặc tên đăng nhập').fill('tran van binh');
	await page.getByRole('button', { name: 'Lọc' }).click();
	await expect.poll(names).toEqual(['tranvanbinh']);

	// item analysis: facility per question from the stored responses
	await page.goto(`${REPORT}/quiz/on-tap`);
	await expectAccessible(page);
	await expect(page.locator('[data-item="q-don"] [data-field="facility"]')).toHaveText('100%');
	await expect(page.locator('[data-item="q-dungsai"] [data-field="facility"]')).toHaveText('50%');
	const attempts = await readDownload(page, page.getByRole('link', { name: 'Tải các lần làm bài (CSV)' }));
	const attemptRows = Papa.parse<string[]>(attempts.text.slice(1).trim()).data;
	expect(attemptRows[0]!.slice(10)).toEqual([
		'1. Thủ đô của Việt Nam là thành phố nào?',
		'2. Những số nào là số chẵn?',
		'3. Mặt trời mọc ở đằng tây.',
		'4. Viết số hiệu nghị định xử phạt hiện hành',
		'5. Nối cơ quan với việc làm',
		'6. Sắp xếp các bước'
	]);
	expect(attemptRows.slice(1).map((r) => [r[1], r[9], r.slice(10).join(' ')])).toEqual([
		['nguyenthilan', 'Có', '1 2 1 1 1 1'],
		['tranvanbinh', 'Không', '1 0 0 0 0 0']
	]);

	// a learner's record and answers
	await page.goto(`${REPORT}/learners?q=binh`);
	await page.getByRole('link', { name: 'Trần Văn Bình' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trần Văn Bình');
	await expect(page.locator('[data-activity="on-tap/quiz"]')).toContainText('chưa đạt');
	await page.getByRole('link', { name: 'Xem lại bài làm' }).click();
	await expect(page.getByText('Học viên chọn').first()).toBeVisible();
	await expect(page.getByText('Câu trả lời của học viên', { exact: false }).first()).toBeVisible();
	await expect(page.getByText('Câu trả lời của anh/chị')).toHaveCount(0);
	await expect(page.getByText('Chưa trả lời').first()).toBeVisible();
	await expectAccessible(page);

	// a temporary password, and the learner must change it
	await page.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
	const temporary = (await page.locator('.temporary-password code').textContent())!.trim();
	const again = await learnerPage(browser, app.url);
	await signIn(again, 'tranvanbinh', temporary);
	await expect(again).toHaveURL(/\/account\/password/);
	await expect(again.getByText('Anh/chị đang dùng mật khẩu tạm thời.', { exact: false })).toBeVisible();
	// disabling signs them out and keeps them out
	await page.getByRole('button', { name: 'Khoá tài khoản' }).click();
	await expect(page.getByText('Đã khoá tài khoản của Trần Văn Bình.')).toBeVisible();
	expect(app.query(`SELECT disabled_at IS NOT NULL AS off FROM user WHERE username = 'tranvanbinh'`)).toEqual([{ off: 1 }]);
	const refused = await learnerPage(browser, app.url);
	expect(await trySignIn(refused, 'tranvanbinh', temporary)).toBe(403);
	await page.getByRole('button', { name: 'Mở khoá tài khoản' }).click();
	await expect(page.getByText('Đã mở khoá tài khoản của Trần Văn Bình.')).toBeVisible();
	expect(app.query(`SELECT disabled_at IS NULL AS on_ FROM user WHERE username = 'tranvanbinh'`)).toEqual([{ on_: 1 }]);
});

test('reports are refused to other trainers and to learners, and unknown ids are 404', async ({ page, app }) => {
	seedCohort(app, 'HY-2022-01', 'khoa-thu');
	app.cli('create-user', '--username', 'giangvien2', '--name', 'Đỗ Văn Hai', '--role', 'trainer', '--password', PASSWORD);
	app.cli('create-cohort', '--name', 'Lớp đợt 2', '--code', 'HY-2022-02', '--course', 'khoa-thu', '--trainer', 'giangvien2');
	await registerLearner(page, { username: 'nguyenthilan' });
	const learnerId = app.query<{ id: number }>(`SELECT id FROM user WHERE username = 'nguyenthilan'`)[0]!.id;
	const statusOf = async (path: string) => (await page.request.get(path, { headers: { accept: 'text/html' } })).status();
	// a learner
	for (const path of [REPORT, `${REPORT}/learners`, `${REPORT}/learners/export`, `${REPORT}/quiz/on-tap`, `/manage/cohorts/1/learners/${learnerId}`]) {
		expect(await statusOf(path), path).toBe(403);
	}
	// the other cohort's trainer
	await page.context().clearCookies();
	await signIn(page, 'giangvien2');
	for (const path of [REPORT, `${REPORT}/learners/export`, `${REPORT}/quiz/on-tap/export`, `/manage/cohorts/1/learners/${learnerId}`]) {
		expect(await statusOf(path), path).toBe(403);
	}
	await expect(page.locator('[data-cohort="HY-2022-01"]')).toHaveCount(0);
	await page.goto('/manage');
	await expect(page.locator('[data-cohort="HY-2022-02"]')).toBeVisible();
	await expect(page.locator('[data-cohort="HY-2022-01"]')).toHaveCount(0);
	// the lesson-only module has no item analysis; unknown cohort, course and learner
	await page.context().clearCookies();
	await signIn(page, 'giangvien');
	for (const path of ['/manage/cohorts/99/courses/khoa-thu', '/manage/cohorts/1/courses/khoa-khac', `${REPORT}/quiz/thao-luan`, `${REPORT}/quiz/khong-co`, '/manage/cohorts/1/learners/999', '/manage/cohorts/abc/courses/khoa-thu']) {
		expect(await statusOf(path), path).toBe(404);
	}
	// a disable request that is not 0 or 1 changes nothing
	const forged = await page.request.post(`/manage/cohorts/1/learners/${learnerId}?/setDisabled`, {
		headers: { origin: app.url, accept: 'text/html' },
		form: { disabled: 'maybe' }
	});
	expect(forged.status()).toBe(400);
	expect(app.query(`SELECT disabled_at FROM user WHERE id = ?`, learnerId)).toEqual([{ disabled_at: null }]);
});
