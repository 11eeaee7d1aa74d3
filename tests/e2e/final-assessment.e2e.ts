// The final assessment of the real course: a trainer sets the cohort's window without JavaScript,
// the learner cannot start outside it (the server refuses too), each attempt draws 20 questions
// by the module quotas, and the key shows only once the quiz has closed for the cohort.
import type { Page } from '@playwright/test';
import { COURSE, expect, expectAccessible, registerLearner, seedCohort, signIn, test } from './fixtures';

const FINAL = 'kiem-tra-cuoi-khoa';
const quizUrl = `/courses/${COURSE}/${FINAL}/quiz`;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A time as the trainer's datetime-local box takes it, in Viet Nam time (UTC+7), to the minute. */
const vietnamInput = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 16);
/** What that box's value means, in epoch ms. */
const fromInput = (value: string) => Date.parse(`${value}:00+07:00`);

async function setWindow(trainer: Page, cohortId: number, opens: string, closes: string) {
	await trainer.goto(`/manage/cohorts/${cohortId}/courses/${COURSE}`);
	const form = trainer.locator(`form[data-quiz-window="${FINAL}"]`);
	await form.getByLabel('Mở lúc').fill(opens);
	await form.getByLabel('Đóng lúc').fill(closes);
	await form.getByRole('button', { name: 'Lưu thời gian' }).click();
}

/** The start form's action as the page would send it, whatever the page shows: its status. */
const startStatus = (page: Page) =>
	page.evaluate(async (url) => {
		const r = await fetch(`${url}?/start`, { method: 'POST', body: new FormData(), headers: { 'x-sveltekit-action': 'true' } });
		return (await r.json()).status as number;
	}, quizUrl);

test('the final assessment: the cohort window set by the trainer, refused outside it, 20 questions by quota, the key after the close', async ({ page, browser, app }) => {
	test.setTimeout(120_000);
	seedCohort(app);
	await registerLearner(page);
	const cohortId = app.query<{ id: number }>('SELECT id FROM cohort')[0]!.id;
	const windowRow = () => app.query('SELECT opens_at, closes_at FROM quiz_window WHERE module_slug = ?', FINAL);

	const plain = await browser.newContext({ baseURL: app.url, javaScriptEnabled: false });
	const trainer = await plain.newPage();
	await signIn(trainer, 'giangvien');

	// a close before the opening is refused, with what was typed kept
	const tomorrow = vietnamInput(Date.now() + 24 * HOUR);
	const dayAfter = vietnamInput(Date.now() + 48 * HOUR);
	await setWindow(trainer, cohortId, dayAfter, tomorrow);
	await expect(trainer.getByRole('alert').filter({ hasText: 'Giờ đóng phải sau giờ mở' })).toBeVisible();
	await expect(trainer.locator(`form[data-quiz-window="${FINAL}"]`).getByLabel('Mở lúc')).toHaveValue(dayAfter);
	expect(windowRow()).toEqual([]);

	// the exam opens tomorrow
	await setWindow(trainer, cohortId, tomorrow, dayAfter);
	await expect(trainer.getByText('Đã lưu thời gian làm bài.')).toBeVisible();
	expect(windowRow()).toEqual([{ opens_at: fromInput(tomorrow), closes_at: fromInput(dayAfter) }]);

	await page.goto(quizUrl);
	await expect(page.locator('[data-window="notYetOpen"]')).toContainText('Bài kiểm tra chưa mở. Lớp của anh/chị được bắt đầu làm bài từ');
	await expect(page.locator('[data-field="window"]')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Bắt đầu làm bài' })).toHaveCount(0);
	await expectAccessible(page);
	expect(await startStatus(page)).toBe(403);
	expect(app.query('SELECT count(*) AS n FROM quiz_attempt')).toEqual([{ n: 0 }]);

	// open now, for two hours: an attempt draws 4 + 3 + 4 + 3 + 3 + 3 questions from the six modules
	await setWindow(trainer, cohortId, vietnamInput(Date.now() - HOUR), vietnamInput(Date.now() + 2 * HOUR));
	await page.goto(quizUrl);
	await expect(page.getByText('Bài phải nộp trước giờ đóng')).toBeVisible();
	await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
	await page.waitForURL(/\/quiz\/1$/);
	await expect(page.locator('fieldset[data-question]')).toHaveCount(20);
	const groups = app.query<{ g: string; n: number }>(
		`SELECT s.body ->> 'group' AS g, count(*) AS n FROM quiz_attempt_question q JOIN quiz_question s ON s.id = q.question
		 GROUP BY g ORDER BY g`
	);
	expect(groups).toEqual([
		{ g: 'm1', n: 4 },
		{ g: 'm2', n: 3 },
		{ g: 'm3', n: 4 },
		{ g: 'm4', n: 3 },
		{ g: 'm5', n: 3 },
		{ g: 'm6', n: 3 }
	]);
	const [attempt] = app.query<{ started_at: number; deadline_at: number }>('SELECT started_at, deadline_at FROM quiz_attempt');
	expect(attempt!.deadline_at - attempt!.started_at).toBe(40 * MINUTE);

	// submitted blank: one attempt is left and the quiz is open, so the score only
	await page.getByRole('button', { name: 'Nộp bài' }).click();
	await expect(page.getByRole('heading', { name: 'Chưa đạt', exact: true })).toBeVisible();
	await expect(page.getByText('Phần xem lại chi tiết sẽ hiện')).toBeVisible();
	await expect(page.getByText('Giải thích', { exact: true })).toHaveCount(0);

	// the trainer closes the quiz: no new attempt, and now the key and explanations show
	const closedAt = vietnamInput(Date.now() - MINUTE);
	await setWindow(trainer, cohortId, vietnamInput(Date.now() - 3 * HOUR), closedAt);
	await page.goto(quizUrl);
	await expect(page.locator('[data-window="closed"]')).toContainText('Bài kiểm tra đã đóng đối với lớp của anh/chị lúc');
	await expect(page.getByRole('button', { name: 'Làm lại bài' })).toHaveCount(0);
	expect(await startStatus(page)).toBe(403);
	expect(app.query('SELECT count(*) AS n FROM quiz_attempt')).toEqual([{ n: 1 }]);
	await page.goto(`${quizUrl}/1`);
	await expect(page.getByRole('heading', { name: 'Xem lại bài làm' })).toBeVisible();
	await expect(page.getByText('Giải thích', { exact: true })).toHaveCount(20);
	await expectAccessible(page);

	await plain.close();

	// with JavaScript too; emptied, the window is gone and the quiz is open again
	const scripted = await browser.newContext({ baseURL: app.url });
	const trainerJs = await scripted.newPage();
	await signIn(trainerJs, 'giangvien');
	await setWindow(trainerJs, cohortId, '', '');
	await expect(trainerJs.locator(`form[data-quiz-window="${FINAL}"] [data-field="current"]`)).toHaveText('Không giới hạn: học viên làm bài bất cứ lúc nào.');
	expect(windowRow()).toEqual([]);
	await expectAccessible(trainerJs);
	await scripted.close();
	await page.goto(quizUrl);
	await expect(page.getByRole('button', { name: 'Làm lại bài' })).toBeVisible();
});
