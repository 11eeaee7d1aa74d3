// In-person sessions and the course completion rule: a trainer adds a session and ticks the
// roster on a phone without JavaScript; a learner checks in with the code, once, only during the
// session; a course whose rule asks for one session completes, once, when the learner attended.
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, PASSWORD, registerLearner, signIn, test, type App } from './fixtures';

test.use({ coursesDir: join(import.meta.dirname, 'rule-courses') });

const COURSE = 'buoi-hoc';

function seed(app: App) {
	app.cli('create-user', '--username', 'giangvien', '--name', 'Trần Thị Giảng', '--role', 'trainer', '--password', PASSWORD);
	app.cli('create-cohort', '--name', 'Lớp buổi học', '--code', 'BH-01', '--course', COURSE, '--trainer', 'giangvien');
}

/** Today in Viet Nam, and clock times `minutes` from now (kept within today). */
function vietnamNow(minutes = 0): { date: string; time: string } {
	const now = Date.now() + 7 * 3_600_000;
	const dayStart = now - (now % 86_400_000);
	const at = Math.min(Math.max(now + minutes * 60_000, dayStart), dayStart + 86_400_000 - 60_000);
	const iso = new Date(at).toISOString();
	return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

async function phoneWithoutScript(browser: Browser, app: App): Promise<Page> {
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled: false, viewport: { width: 360, height: 740 }, isMobile: true });
	return context.newPage();
}

/** The trainer adds a session on the cohort's sessions page; returns its check-in code. */
function cohortId(app: App): number {
	return app.query<{ id: number }>("SELECT id FROM cohort WHERE enrol_code = 'BH-01'")[0]!.id;
}

async function addSession(page: Page, app: App, fields: { title: string; date: string; start: string; end: string }): Promise<string> {
	await page.goto(`/manage/cohorts/${cohortId(app)}`);
	await page.getByRole('link', { name: 'Buổi học trực tiếp và điểm danh' }).click();
	await page.getByLabel('Tên buổi học').fill(fields.title);
	await page.getByLabel('Ngày').fill(fields.date);
	await page.getByLabel('Bắt đầu').fill(fields.start);
	await page.getByLabel('Kết thúc').fill(fields.end);
	await page.getByLabel('Địa điểm').fill('Hội trường UBND xã Tân Hưng');
	await page.getByLabel('Số giờ').fill('3');
	await page.getByRole('button', { name: 'Thêm buổi học' }).click();
	await expect(page.getByText('Đã thêm buổi học.')).toBeVisible();
	return ((await page.locator('[data-code]').textContent()) ?? '').trim();
}

async function markLessonDone(page: Page) {
	await page.goto(`/courses/${COURSE}/bai`);
	await page
		.getByRole('button', { name: 'Đánh dấu đã học xong' })
		.click({ timeout: 5_000 })
		.catch(() => undefined);
	await expect(page.getByText('Anh/chị đã hoàn thành bài học này.')).toBeVisible();
}

function courseCompletions(app: App): number {
	return app.query<{ n: number }>(
		`SELECT count(*) AS n FROM learning_event e JOIN user u ON u.id = e.user_id
		 WHERE u.username = 'nguyenthilan' AND e.verb = 'course_completed' AND json_extract(e.result, '$.course') = ?`,
		COURSE
	)[0]!.n;
}

function attendance(app: App): { title: string; completion_status: string }[] {
	return app.query(
		`SELECT s.title, t.completion_status FROM tracking t JOIN class_session s ON s.activity_id = t.activity_id
		 JOIN user u ON u.id = t.user_id WHERE u.username = 'nguyenthilan' ORDER BY s.id`
	);
}

test('a trainer adds a session and ticks a learner on a 360 px phone without JavaScript; the course then completes once', async ({ page, app, browser }) => {
	test.setTimeout(240_000);
	seed(app);
	await registerLearner(page, { code: 'BH-01' });
	await page.waitForURL(/\/courses$/);
	await markLessonDone(page);
	await page.goto(`/courses/${COURSE}`);
	await expect(page.locator('.completion-summary')).toHaveText('Còn lại: 1 buổi học trực tiếp');
	expect(courseCompletions(app)).toBe(0);

	const trainer = await phoneWithoutScript(browser, app);
	await signIn(trainer, 'giangvien');
	const today = vietnamNow();
	await addSession(trainer, app, { title: 'Buổi 1: thực hành tư vấn', date: today.date, start: '07:30', end: '11:00' });
	// axe needs scripts: the same page checked in a phone that runs them
	const checker = await (await browser.newContext({ baseURL: app.url, viewport: { width: 360, height: 740 }, isMobile: true })).newPage();
	await signIn(checker, 'giangvien');
	await checker.goto(trainer.url());
	expect(await checker.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectAccessible(checker);

	// search finds "Nguyễn Thị Lan" without tone marks, then the tick is saved
	await trainer.getByLabel('Tìm học viên').fill('nguyen thi lan');
	await trainer.getByRole('button', { name: 'Tìm' }).click();
	await trainer.getByRole('checkbox', { name: /Nguyễn Thị Lan/ }).check();
	await trainer.getByRole('button', { name: 'Lưu điểm danh' }).click();
	await expect(trainer.getByText('Đã lưu điểm danh (1 thay đổi).')).toBeVisible();
	await expect(trainer.locator('[data-attended]')).toHaveText('1/1 học viên có mặt');
	expect(attendance(app)).toEqual([{ title: 'Buổi 1: thực hành tư vấn', completion_status: 'completed' }]);
	expect(courseCompletions(app)).toBe(1);

	// the course report counts the attendance and the completion by the rule
	await trainer.goto(`/manage/cohorts/${cohortId(app)}/courses/${COURSE}`);
	await expect(trainer.locator('[data-field="courseCompleted"]')).toHaveText('Đã hoàn thành khoá học (theo quy tắc hoàn thành của khoá học): 1/1 học viên');
	await expect(trainer.locator('[data-report="sessions"] li')).toContainText('Buổi 1: thực hành tư vấn');
	await expect(trainer.locator('[data-report="sessions"] li')).toContainText('1/1 học viên có mặt');

	// the learner's record under /manage shows the rule met and the attendance
	const lan = app.query<{ id: number }>("SELECT id FROM user WHERE username = 'nguyenthilan'")[0]!.id;
	await trainer.goto(`/manage/cohorts/${cohortId(app)}/learners/${lan}`);
	await expect(trainer.locator(`[data-course="${COURSE}"] .completion-summary`)).toHaveText('Học viên đã đáp ứng mọi điều kiện hoàn thành khoá học.');
	await expect(trainer.locator('[data-sessions] li')).toContainText('Đã điểm danh lúc');
	await checker.goto(trainer.url());
	await expectAccessible(checker);

	// the learner sees it on the course page
	await page.goto(`/courses/${COURSE}`);
	await expect(page.locator('.completion-summary')).toHaveText('Anh/chị đã đáp ứng mọi điều kiện hoàn thành khoá học.');
	await expect(page.locator('[data-session]')).toContainText('Đã điểm danh lúc');

	// an untick corrects the attendance; ticking again does not complete the course twice
	const sessionPage = (app.query<{ id: number; cohort_id: number }>('SELECT id, cohort_id FROM class_session'))[0]!;
	await trainer.goto(`/manage/cohorts/${sessionPage.cohort_id}/sessions/${sessionPage.id}`);
	await trainer.getByRole('checkbox', { name: /Nguyễn Thị Lan/ }).uncheck();
	await trainer.getByRole('button', { name: 'Lưu điểm danh' }).click();
	await expect(trainer.locator('[data-attended]')).toHaveText('0/1 học viên có mặt');
	expect(attendance(app)).toEqual([{ title: 'Buổi 1: thực hành tư vấn', completion_status: 'incomplete' }]);
	await trainer.getByRole('checkbox', { name: /Nguyễn Thị Lan/ }).check();
	await trainer.getByRole('button', { name: 'Lưu điểm danh' }).click();
	await expect(trainer.locator('[data-attended]')).toHaveText('1/1 học viên có mặt');
	expect(courseCompletions(app)).toBe(1);
});

test('a learner checks in with the code during the session, is refused a second time and outside the window; the course completes once', async ({ page, app, browser }) => {
	test.setTimeout(240_000);
	seed(app);
	await registerLearner(page, { code: 'BH-01' });
	await page.waitForURL(/\/courses$/);
	await markLessonDone(page);

	const trainer = await phoneWithoutScript(browser, app);
	await signIn(trainer, 'giangvien');
	const start = vietnamNow(-30);
	const end = vietnamNow(90);
	const code = await addSession(trainer, app, { title: 'Buổi 1', date: start.date, start: start.time, end: end.time });
	const tomorrow = new Date(Date.parse(`${start.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
	const laterCode = await addSession(trainer, app, { title: 'Buổi 2', date: tomorrow, start: '08:00', end: '11:00' });

	await page.goto(`/courses/${COURSE}`);
	await expect(page.locator('.completion-summary')).toHaveText('Còn lại: 1 buổi học trực tiếp');
	await page.getByRole('link', { name: 'Điểm danh bằng mã' }).click();

	// before its window: refused, nothing recorded
	await page.getByLabel('Mã điểm danh').fill(laterCode);
	await page.getByRole('button', { name: 'Điểm danh' }).click();
	await expect(page.getByRole('alert')).toContainText('Buổi “Buổi 2” chưa mở điểm danh.');
	// a wrong code
	await page.getByLabel('Mã điểm danh').fill('XXXXXX');
	await page.getByRole('button', { name: 'Điểm danh' }).click();
	await expect(page.getByRole('alert')).toContainText('Mã điểm danh không đúng');
	expect(attendance(app)).toEqual([]);

	// during the session, typed in lower case with a space
	await page.getByLabel('Mã điểm danh').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
	await page.getByRole('button', { name: 'Điểm danh' }).click();
	await expect(page.getByRole('status')).toContainText('Đã điểm danh buổi “Buổi 1”.');
	await expectAccessible(page);
	expect(attendance(app)).toEqual([{ title: 'Buổi 1', completion_status: 'completed' }]);
	expect(courseCompletions(app)).toBe(1);

	// twice: refused with a clear message
	await page.goto(`/diem-danh?code=${code}`);
	await expect(page.getByLabel('Mã điểm danh')).toHaveValue(code);
	await page.getByRole('button', { name: 'Điểm danh' }).click();
	await expect(page.getByRole('alert')).toContainText('Anh/chị đã điểm danh buổi “Buổi 1” lúc');
	expect(courseCompletions(app)).toBe(1);

	await page.goto(`/courses/${COURSE}`);
	await expect(page.locator('.completion-summary')).toHaveText('Anh/chị đã đáp ứng mọi điều kiện hoàn thành khoá học.');
	await expect(page.locator('[data-item="sessions"]')).toContainText('Dự 1 buổi học trực tiếp (đã dự 1)');
	await expectAccessible(page);
	// the trainer's roster says who checked in by themselves
	const session = app.query<{ id: number; cohort_id: number }>("SELECT id, cohort_id FROM class_session WHERE title = 'Buổi 1'")[0]!;
	await trainer.goto(`/manage/cohorts/${session.cohort_id}/sessions/${session.id}`);
	await expect(trainer.getByRole('checkbox', { name: /Nguyễn Thị Lan/ })).toBeChecked();
	await expect(trainer.getByRole('img', { name: `Mã QR điểm danh: quét để mở trang điểm danh với mã ${code}` }).locator('svg')).toBeVisible();
	await expect(trainer.locator('.roster')).toContainText('tự điểm danh');
});

test('a trainer corrects a session, is told why a session with attendance stays, and deletes one nobody attended', async ({ page, app, browser }) => {
	test.setTimeout(240_000);
	seed(app);
	await registerLearner(page, { code: 'BH-01' });
	await page.waitForURL(/\/courses$/);
	const trainer = await phoneWithoutScript(browser, app);
	await signIn(trainer, 'giangvien');
	const today = vietnamNow();

	// a session that ends before it starts is refused beside the field
	await trainer.goto(`/manage/cohorts/${cohortId(app)}/sessions`);
	await trainer.getByLabel('Tên buổi học').fill('Buổi sai giờ');
	await trainer.getByLabel('Ngày').fill(today.date);
	await trainer.getByLabel('Bắt đầu').fill('10:00');
	await trainer.getByLabel('Kết thúc').fill('09:00');
	await trainer.getByLabel('Địa điểm').fill('Nhà văn hoá thôn');
	await trainer.getByLabel('Số giờ').fill('2');
	await trainer.getByRole('button', { name: 'Thêm buổi học' }).click();
	await expect(trainer.getByText('Giờ kết thúc phải sau giờ bắt đầu.')).toBeVisible();
	expect(app.query('SELECT id FROM class_session')).toEqual([]);

	await addSession(trainer, app, { title: 'Buổi 1', date: today.date, start: '07:30', end: '11:00' });
	await trainer.getByLabel('Địa điểm').fill('Hội trường UBND xã Tân Hưng, tầng 2');
	await trainer.getByRole('button', { name: 'Lưu thay đổi' }).click();
	await expect(trainer.getByText('Đã lưu buổi học.')).toBeVisible();
	expect(app.query('SELECT title, place FROM class_session')).toEqual([{ title: 'Buổi 1', place: 'Hội trường UBND xã Tân Hưng, tầng 2' }]);

	await trainer.getByRole('checkbox', { name: /Nguyễn Thị Lan/ }).check();
	await trainer.getByRole('button', { name: 'Lưu điểm danh' }).click();
	await trainer.getByRole('button', { name: 'Xoá buổi học' }).click();
	await expect(trainer.getByRole('alert')).toHaveText(/không xoá được/);
	expect(app.query('SELECT count(*) AS n FROM class_session')).toEqual([{ n: 1 }]);

	await trainer.getByRole('checkbox', { name: /Nguyễn Thị Lan/ }).uncheck();
	await trainer.getByRole('button', { name: 'Lưu điểm danh' }).click();
	await trainer.getByRole('button', { name: 'Xoá buổi học' }).click();
	await trainer.waitForURL(/\/sessions\?deleted=1$/);
	await expect(trainer.getByRole('status')).toHaveText('Đã xoá buổi học.');
	await expect(trainer.getByText('Lớp chưa có buổi học trực tiếp nào.')).toBeVisible();
	expect(app.query('SELECT count(*) AS n FROM class_session')).toEqual([{ n: 0 }]);
});
