// Completing a course by every path a learner can take — reading and a quiz, a discussion
// module, a SCORM package, a timed quiz closed by the server's deadline sweep — records the
// course's completion exactly once, and doing more afterwards never records it again.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, PASSWORD, registerLearner, test, type App } from './fixtures';
import { fixture, signedInPage, uploadPackage, waitForTerminated } from './scorm-helpers';

test.use({ coursesDir: join(import.meta.dirname, 'completion-courses') });

const COURSES = ['doc-va-kiem-tra', 'thao-luan', 'goi-scorm', 'co-gio'];

function seed(app: App) {
	app.cli('create-user', '--username', 'giangvien', '--name', 'Trần Thị Giảng', '--role', 'trainer', '--password', PASSWORD);
	app.cli('create-cohort', '--name', 'Lớp hoàn thành', '--code', 'HT-01', ...COURSES.flatMap((c) => ['--course', c]), '--trainer', 'giangvien');
}

async function register(page: Page) {
	await registerLearner(page, { code: 'HT-01' });
	await page.waitForURL(/\/courses$/);
}

/** The milestones stored for the learner in this course: [verb, module] in the order written. */
function milestones(app: App, course: string): [string, string | null][] {
	return (
		app.query(
			`SELECT e.verb, e.result FROM learning_event e JOIN user u ON u.id = e.user_id
			 WHERE u.username = 'nguyenthilan' AND e.verb IN ('module_completed', 'course_completed') ORDER BY e.id`
		) as { verb: string; result: string }[]
	)
		.map((e) => ({ verb: e.verb, ...(JSON.parse(e.result) as { course: string; module: string | null }) }))
		.filter((e) => e.course === course)
		.map((e) => [e.verb, e.module]);
}

const COMPLETED = (module: string): [string, string | null][] => [
	['module_completed', module],
	['course_completed', null]
];

async function markLessonDone(page: Page, course: string, module: string) {
	await page.goto(`/courses/${course}/${module}`);
	// a lesson this short may count as read by itself (its end in view for 10 s) before the click lands
	await page
		.getByRole('button', { name: 'Đánh dấu đã học xong' })
		.click({ timeout: 5_000 })
		.catch(() => undefined);
	await expect(page.getByText('Anh/chị đã hoàn thành bài học này.')).toBeVisible();
}

async function answerQuiz(page: Page, course: string, module: string, answer: 'Hai' | 'Ba') {
	await page.goto(`/courses/${course}/${module}/quiz`);
	await page.getByRole('button', { name: /Bắt đầu làm bài|Làm lại bài/ }).click();
	await page.waitForURL(/\/quiz\/\d+$/);
	await page.locator('fieldset[data-question="q-cong"]').getByLabel(answer).check();
}

test('reading and a passed quiz complete the course once; a later failed attempt changes nothing', async ({ page, app }) => {
	seed(app);
	await register(page);
	await markLessonDone(page, 'doc-va-kiem-tra', 'bai');
	expect(milestones(app, 'doc-va-kiem-tra')).toEqual([]);
	await page.goto('/courses/doc-va-kiem-tra');
	await expect(page.getByText('Đã xong 1/2 hoạt động (bài đọc, bài kiểm tra, gói SCORM)')).toBeVisible();

	await answerQuiz(page, 'doc-va-kiem-tra', 'bai', 'Hai');
	await page.getByRole('button', { name: 'Nộp bài' }).click();
	await expect(page.getByRole('heading', { name: 'Đạt' })).toBeVisible();
	expect(milestones(app, 'doc-va-kiem-tra')).toEqual(COMPLETED('bai'));

	await answerQuiz(page, 'doc-va-kiem-tra', 'bai', 'Ba');
	await page.getByRole('button', { name: 'Nộp bài' }).click();
	await expect(page.getByRole('heading', { name: 'Chưa đạt' })).toBeVisible();
	expect(milestones(app, 'doc-va-kiem-tra')).toEqual(COMPLETED('bai'));
	// a pass is never undone: the course still shows complete
	await page.goto('/courses/doc-va-kiem-tra');
	await expect(page.getByText('Đã hoàn thành 1/1 học phần (100%)')).toBeVisible();
	await expect(page.getByText('Đã xong 2/2 hoạt động (bài đọc, bài kiểm tra, gói SCORM)')).toBeVisible();
});

test('a post on a discussion module’s board completes it and the course, once', async ({ page, app }) => {
	seed(app);
	await register(page);
	await page.goto('/courses/thao-luan/chia-se/discussions');
	await page.getByLabel('Tiêu đề').fill('Kinh nghiệm ở xã tôi');
	await page.getByLabel('Nội dung').fill('Chúng tôi phối hợp với trạm y tế xã.');
	await page.getByRole('button', { name: 'Đăng chủ đề' }).click();
	await page.waitForURL(/\/discussions\/\d+/);
	expect(milestones(app, 'thao-luan')).toEqual(COMPLETED('chia-se'));

	await page.getByLabel('Nội dung').fill('Bổ sung thêm một ý.');
	await page.getByRole('button', { name: 'Gửi trả lời' }).click();
	await page.waitForURL(/#post-\d+$/);
	expect(milestones(app, 'thao-luan')).toEqual(COMPLETED('chia-se'));
	await page.goto('/courses/thao-luan');
	await expect(page.getByText('Đã hoàn thành 1/1 học phần (100%)')).toBeVisible();
});

test('a SCORM package reporting completion completes its module and the course, once', async ({ page, app, browser }) => {
	seed(app);
	const trainer = await signedInPage(browser, app, 'giangvien');
	expect(await uploadPackage(trainer, 'goi-scorm', 'goi', fixture('scorm12-runtime-basic-calls.zip'))).toContain('Đã thêm gói');
	await register(page);
	await markLessonDone(page, 'goi-scorm', 'goi');
	expect(milestones(app, 'goi-scorm')).toEqual([]);

	type ApiWindow = { API: { [method: string]: (...args: string[]) => string } };
	const call = (method: string, ...args: string[]) => page.evaluate(([m, a]) => (window as unknown as ApiWindow).API[m as string]!(...(a as string[])), [method, args] as const);
	page.on('dialog', (dialog) => void dialog.accept());
	for (let launch = 1; launch <= 2; launch++) {
		await page.goto('/courses/goi-scorm/goi');
		await page.getByRole('link', { name: /Mở bài: Golf Explained/ }).click();
		await expect(page.frameLocator('iframe[title="Golf Explained"]').locator('#butNext')).toBeEnabled();
		await call('LMSSetValue', 'cmi.core.lesson_status', 'completed');
		expect(await call('LMSCommit', '')).toBe('true');
		await page.getByRole('link', { name: 'Thoát về học phần' }).click();
		await page.waitForURL('**/courses/goi-scorm/goi');
		await waitForTerminated(app, launch);
		expect(milestones(app, 'goi-scorm')).toEqual(COMPLETED('goi'));
	}
});

test('the server’s deadline sweep, grading a passing timed attempt left open, completes the course once', async ({ page, app }) => {
	test.setTimeout(150_000);
	seed(app);
	await register(page);
	await markLessonDone(page, 'co-gio', 'bai');
	await answerQuiz(page, 'co-gio', 'bai', 'Hai');
	await expect(page.locator('.save-state')).toHaveText(/Đã lưu/);
	// the learner leaves before time is up: only the server can close the attempt
	await page.goto('/courses');
	// the sweep runs every 30 s and closes attempts 15 s past their 6 s limit
	await expect.poll(() => milestones(app, 'co-gio'), { timeout: 90_000, intervals: [2_000] }).toEqual(COMPLETED('bai'));
	expect(app.query(`SELECT closed_by, passed FROM quiz_attempt`)).toEqual([{ closed_by: 'deadline', passed: 1 }]);
	await page.goto('/courses/co-gio');
	await expect(page.getByText('Đã hoàn thành 1/1 học phần (100%)')).toBeVisible();
});
