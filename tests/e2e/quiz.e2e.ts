import { expect, expectAccessible, registerLearner, seedCohort, test, TEST_COURSES } from './fixtures';
import {
	answerAllCorrectly,
	question,
	QUIZ_COURSE,
	QUIZ_MODULE,
	startQuiz,
	submitQuiz,
	TIMED_MODULE,
	waitUntilSaved
} from './quiz-helpers';

test.use({ coursesDir: TEST_COURSES });

const quizUrl = (module = QUIZ_MODULE) => `/courses/${QUIZ_COURSE}/${module}/quiz`;

test('a full attempt with every question type, a retake, and the review the settings allow', async ({ page, app }) => {
	seedCohort(app, 'HY-THU', QUIZ_COURSE);
	await registerLearner(page, { code: 'HY-THU' });
	await page.goto(quizUrl());
	await expect(page.getByRole('heading', { name: 'Kiểm tra ôn tập' })).toBeVisible();
	await expect(page.getByText('Anh/chị chưa làm bài kiểm tra này.')).toBeVisible();
	await expectAccessible(page);

	await startQuiz(page);
	await expect(page.locator('fieldset[data-question]')).toHaveCount(6);
	await expectAccessible(page);
	await answerAllCorrectly(page);
	await submitQuiz(page);
	await expect(page.getByText('Điểm: 100% (7/7 điểm)')).toBeVisible();
	// after attempt 1 of 2 the settings show the score only
	await expect(page.getByText('Phần xem lại chi tiết sẽ hiện')).toBeVisible();
	await expect(page.getByText('GIAI-THICH-MOT')).toHaveCount(0);
	await expectAccessible(page);

	expect(app.query(`SELECT number, status, closed_by, percent, passed FROM quiz_attempt`)).toEqual([
		{ number: 1, status: 'submitted', closed_by: 'learner', percent: 100, passed: 1 }
	]);
	expect(app.query(`SELECT count(*) AS n FROM quiz_response WHERE correct = 1`)).toEqual([{ n: 6 }]);
	// graded once; the answers are in quiz_response, not repeated in the event log
	expect(app.query(`SELECT verb, count(*) AS n FROM learning_event WHERE verb IN ('answered', 'passed', 'failed') GROUP BY verb`)).toEqual([
		{ verb: 'passed', n: 1 }
	]);
	const quizRow = () =>
		app.query(
			`SELECT t.completion_status AS completion, t.success_status AS success, t.score_raw AS score, t.attempts
			 FROM tracking t JOIN activity a ON a.id = t.activity_id WHERE a.kind = 'quiz' AND a.module_slug = '${QUIZ_MODULE}'`
		)[0];
	expect(quizRow()).toEqual({ completion: 'completed', success: 'passed', score: 100, attempts: 1 });

	// the quiz passed is not enough: the module also needs its lesson
	await page.goto(`/courses/${QUIZ_COURSE}`);
	const moduleCard = page.locator('.module-list > li').first();
	await expect(moduleCard.locator('.badge')).toHaveText('Đang học');
	await expect(moduleCard.getByText('Đạt (100%)')).toBeVisible();

	// a second attempt, worse: the highest score is kept; now no attempt is left, so the review shows everything
	await startQuiz(page);
	await expect(page).toHaveURL(/\/quiz\/2$/);
	await question(page, 'q-don').getByLabel('Huế').check();
	await submitQuiz(page);
	await expect(page.getByText('Điểm: 0% (0/7 điểm)')).toBeVisible();
	await expect(page.getByText('GIAI-THICH-MOT')).toBeVisible();
	await expect(page.getByText('PHAN-HOI-HUE')).toBeVisible();
	await expect(page.getByText('Đáp án được chấp nhận: Nghị định 282')).toBeVisible();
	await expectAccessible(page);
	expect(quizRow()).toEqual({ completion: 'completed', success: 'passed', score: 100, attempts: 2 });

	await page.goto(quizUrl());
	await expect(page.getByText('Anh/chị đã dùng hết số lần làm bài của bài kiểm tra này.')).toBeVisible();
	await expect(page.getByRole('button', { name: /Bắt đầu làm bài|Làm lại bài/ })).toHaveCount(0);
	// and the server refuses a third start whatever the page shows
	const third = await page.evaluate(async (url) => {
		const r = await fetch(`${url}?/start`, { method: 'POST', body: new FormData(), headers: { 'x-sveltekit-action': 'true' } });
		return (await r.json()).status;
	}, quizUrl());
	expect(third).toBe(409);
	expect(app.query(`SELECT count(*) AS n FROM quiz_attempt`)).toEqual([{ n: 2 }]);

	await page.goto(`/courses/${QUIZ_COURSE}/${QUIZ_MODULE}`);
	await page.getByRole('button', { name: 'Đánh dấu đã học xong' }).click();
	await expect(page.getByText('Anh/chị đã hoàn thành bài học này.')).toBeVisible();
	await page.goto(`/courses/${QUIZ_COURSE}`);
	await expect(moduleCard.locator('.badge')).toHaveText('Hoàn thành');
});

test('"Bắt đầu" on a busy server: a lost request says so, a busy answer is counted down and tried again by itself; one attempt begins', async ({ page, app }) => {
	seedCohort(app, 'HY-THU', QUIZ_COURSE);
	await registerLearner(page, { code: 'HY-THU' });
	await page.goto(quizUrl());
	// the first press never reaches the server; the second finds it over its limits (its 503 answer, hooks/overload.ts)
	let presses = 0;
	await page.route(
		(url) => url.search === '?/start',
		(route) => {
			presses++;
			if (presses === 1) return route.abort('internetdisconnected');
			if (presses === 2) {
				const body = JSON.stringify({ message: 'Máy chủ đang quá tải vì có nhiều người dùng cùng lúc.', retryAfter: 5 });
				return route.fulfill({ status: 503, headers: { 'retry-after': '5', 'content-type': 'application/json' }, body });
			}
			return route.continue();
		}
	);
	const status = page.locator('[data-start-status]');
	await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
	await expect(status).toHaveText('Không kết nối được tới máy chủ. Hãy kiểm tra mạng rồi bấm lại.');
	await expect(page.getByRole('button', { name: 'Bắt đầu làm bài' })).toBeEnabled();

	await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
	await expect(status).toHaveText(/^Máy chủ đang bận vì nhiều người cùng bắt đầu\. Tự động thử lại sau [1-5] giây…$/);
	expect(app.query(`SELECT id FROM quiz_attempt`)).toEqual([]);
	await expect(status).toHaveAttribute('role', 'status');
	// no second press possible while it waits: the button says the attempt is opening
	await expect(page.getByRole('button', { name: 'Đang mở bài làm… Xin đợi, không cần bấm lại.' })).toBeDisabled();
	await expectAccessible(page);

	await expect(page).toHaveURL(/\/quiz\/1$/);
	await expect(page.locator('fieldset[data-question]')).toHaveCount(6);
	expect(presses).toBe(3);
	expect(app.query(`SELECT number, status FROM quiz_attempt`)).toEqual([{ number: 1, status: 'open' }]);
});

test('nothing served before submission tells the answers', async ({ page, app, request }) => {
	seedCohort(app, 'HY-THU', QUIZ_COURSE);
	await registerLearner(page, { code: 'HY-THU' });
	await startQuiz(page);
	await question(page, 'q-don').getByLabel('Huế').check();
	await waitUntilSaved(page);
	const html = await (await page.request.get(page.url())).text();
	// the page runs without SvelteKit's client, but its data endpoint still answers: with a placeholder only
	const data = await (await page.request.get(`${page.url()}/__data.json`)).text();
	for (const served of [html, data, await page.content()]) {
		for (const marker of ['GIAI-THICH', 'PHAN-HOI', 'Nghị định 282', '"correct"', '"accepted"', 'explanation', 'feedback']) {
			expect(served, marker).not.toContain(marker);
		}
	}
	// the steps to order are never shown in their right order
	const shown = await question(page, 'q-sapxep').locator('.match-row label').allTextContents();
	expect(shown.map((s) => s.trim())).not.toEqual(['Tiếp nhận', 'Đánh giá', 'Lập kế hoạch']);
	// and someone not signed in gets nothing at all
	const anonymous = await request.get(page.url().replace(/^https?:\/\/[^/]+/, ''), { maxRedirects: 0 });
	expect(anonymous.status()).toBe(303);
});

test('answers are saved as they change: a reload keeps them, an offline spell is retried', async ({ page, context, app }) => {
	seedCohort(app, 'HY-THU', QUIZ_COURSE);
	await registerLearner(page, { code: 'HY-THU' });
	await startQuiz(page);
	await question(page, 'q-don').getByLabel('Hà Nội').check();
	await question(page, 'q-ngan').getByLabel('Câu trả lời của anh/chị').fill('Nghị định 282');
	await waitUntilSaved(page);
	await page.reload();
	await expect(question(page, 'q-don').getByLabel('Hà Nội')).toBeChecked();
	await expect(question(page, 'q-ngan').getByLabel('Câu trả lời của anh/chị')).toHaveValue('Nghị định 282');

	// an untimed attempt offline: the answer is kept in the outbox and sent when the network returns
	await context.setOffline(true);
	await question(page, 'q-dungsai').getByLabel('Sai').check();
	await expect(page.locator('.save-state')).toContainText('Không có mạng: câu trả lời đã được lưu trên máy');
	expect(app.query(`SELECT count(*) AS n FROM quiz_response WHERE question_id = 'q-dungsai'`)).toEqual([{ n: 0 }]);
	await context.setOffline(false);
	await waitUntilSaved(page);
	expect(app.query(`SELECT response FROM quiz_response WHERE question_id = 'q-dungsai'`)).toHaveLength(1);
	// a second device (a new sign-in) resumes the same attempt with its answers
	const other = await context.browser()!.newContext({ baseURL: app.url });
	const second = await other.newPage();
	await second.goto('/login');
	await second.getByLabel('Tên đăng nhập').fill('nguyenthilan');
	await second.getByLabel('Mật khẩu', { exact: true }).fill('xanh-la-cay-2022');
	await second.getByRole('button', { name: 'Đăng nhập' }).click();
	await second.waitForURL(/courses/);
	await second.goto(quizUrl());
	await second.getByRole('link', { name: 'Tiếp tục làm bài' }).click();
	await expect(question(second, 'q-dungsai').getByLabel('Sai')).toBeChecked();
	// the page says the answers came from elsewhere, and which one wins from now on
	const otherDevice = /^Bài làm này cũng đang được trả lời từ một lần đăng nhập khác \(máy hoặc trình duyệt khác\)\. Với mỗi câu hỏi, câu trả lời tới máy chủ sau cùng được giữ/;
	await expect(second.locator('[data-other-device]')).toHaveText(otherDevice);
	await expect(second.locator('[data-other-device]')).toHaveAttribute('role', 'status');
	await expectAccessible(second);
	// the second device changes an answer: it is the one kept
	const saved = () => app.query<{ question_id: string; response: string }>(`SELECT question_id, response FROM quiz_response ORDER BY question_id`);
	const firstDevicesAnswer = saved().find((row) => row.question_id === 'q-dungsai')!.response;
	await question(second, 'q-dungsai').getByLabel('Đúng').check();
	await waitUntilSaved(second);
	// the first device has been told nothing yet; its next save learns of the other device
	await expect(page.locator('[data-other-device]')).toBeEmpty();
	await expect(page.locator('[data-other-device]')).toBeHidden();
	await question(page, 'q-don').getByLabel('Huế').check();
	await waitUntilSaved(page);
	await expect(page.locator('[data-other-device]')).toHaveText(otherDevice);
	expect(saved().map((row) => row.question_id)).toEqual(['q-don', 'q-dungsai', 'q-ngan']);
	expect(saved().find((row) => row.question_id === 'q-dungsai')!.response).not.toBe(firstDevicesAnswer);
	await other.close();
});

test('answers given offline survive a closed tab and are sent on the next visit', async ({ page, context, app }) => {
	seedCohort(app, 'HY-THU', QUIZ_COURSE);
	await registerLearner(page, { code: 'HY-THU' });
	await startQuiz(page);
	const attemptUrl = page.url();
	await context.setOffline(true);
	await question(page, 'q-dungsai').getByLabel('Sai').check();
	await question(page, 'q-noi').getByLabel('Bộ Y tế').selectOption({ label: 'Chủ trì công tác' });
	await expect(page.locator('.save-state')).toContainText('Không có mạng: câu trả lời đã được lưu trên máy');
	await expect(page.locator('[data-outbox-status]')).toHaveText(/thay đổi chờ gửi$/);
	await page.close();
	expect(app.query(`SELECT count(*) AS n FROM quiz_response`)).toEqual([{ n: 0 }]);

	await context.setOffline(false);
	const again = await context.newPage();
	await again.goto(attemptUrl);
	await expect(question(again, 'q-dungsai').getByLabel('Sai')).toBeChecked();
	await expect(question(again, 'q-noi').getByLabel('Bộ Y tế')).toHaveValue(/.+/);
	await waitUntilSaved(again);
	await expect
		.poll(() => app.query(`SELECT question_id FROM quiz_response ORDER BY question_id`))
		.toEqual([{ question_id: 'q-dungsai' }, { question_id: 'q-noi' }]);
});

test('many submissions and starts at once: one graded attempt, never more attempts than allowed', async ({ page, app }) => {
	seedCohort(app, 'HY-THU', QUIZ_COURSE);
	await registerLearner(page, { code: 'HY-THU' });
	await page.goto(quizUrl());
	// eight starts at once: one attempt
	const starts = await page.evaluate(async (url) => {
		const one = () => fetch(`${url}?/start`, { method: 'POST', body: new FormData(), headers: { 'x-sveltekit-action': 'true' } }).then((r) => r.json());
		return (await Promise.all(Array.from({ length: 8 }, one))).map((r) => r.type);
	}, quizUrl());
	expect(new Set(starts)).toEqual(new Set(['redirect']));
	expect(app.query(`SELECT number, status FROM quiz_attempt`)).toEqual([{ number: 1, status: 'open' }]);

	await page.goto(`${quizUrl()}/1`);
	await answerAllCorrectly(page);
	await waitUntilSaved(page);
	// a double click, a retry and another tab, all at once
	const submits = await page.evaluate(async () => {
		const form = document.querySelector('form[action="?/submit"]') as HTMLFormElement;
		const one = () => fetch('?/submit', { method: 'POST', body: new FormData(form), headers: { 'x-sveltekit-action': 'true' } }).then((r) => r.json());
		return (await Promise.all(Array.from({ length: 8 }, one))).map((r) => r.type);
	});
	expect(new Set(submits)).toEqual(new Set(['redirect']));
	expect(app.query(`SELECT status, percent FROM quiz_attempt`)).toEqual([{ status: 'submitted', percent: 100 }]);
	expect(app.query(`SELECT count(*) AS n FROM learning_event WHERE verb IN ('passed', 'failed')`)).toEqual([{ n: 1 }]);
	expect(app.query(`SELECT count(*) AS n FROM quiz_response WHERE correct IS NOT NULL`)).toEqual([{ n: 6 }]);
});

test('a timed attempt closes at its deadline, graded with what was saved; later answers are refused', async ({ page, app }) => {
	seedCohort(app, 'HY-THU', QUIZ_COURSE);
	await registerLearner(page, { code: 'HY-THU' });
	await startQuiz(page, TIMED_MODULE);
	await expect(page.getByText('Thời gian còn lại:')).toBeVisible();
	await question(page, 'q-cong').getByLabel('Hai').check();
	await waitUntilSaved(page);
	const attemptUrl = page.url();
	// the countdown submits by itself when time is up
	await expect(page.getByRole('heading', { name: /^(Đạt|Chưa đạt)$/ })).toBeVisible({ timeout: 20_000 });
	await expect(page.getByText('Điểm: 50% (1/2 điểm)')).toBeVisible();
	await expect(page.getByText('Bài được nộp tự động khi hết giờ')).toBeVisible();
	const late = await page.request.post(`${attemptUrl}/answers`, {
		headers: { origin: app.url },
		form: { question: 'q-cong-hai', 'q:q-cong-hai': 'c-x' }
	});
	expect(late.status()).toBe(409);
	expect((await late.json()).message).toContain('không sửa được');
	const [attempt] = app.query(`SELECT status, closed_by, percent, deadline_at, submitted_at FROM quiz_attempt`) as {
		status: string;
		closed_by: string;
		percent: number;
		deadline_at: number;
		submitted_at: number;
	}[];
	expect(attempt).toMatchObject({ status: 'submitted', closed_by: 'deadline', percent: 50 });
	expect(attempt!.submitted_at).toBeLessThanOrEqual(attempt!.deadline_at + 15_000);
});

test('a timed attempt left open is closed by the server, even with the page gone', async ({ page, app }) => {
	seedCohort(app, 'HY-THU', QUIZ_COURSE);
	await registerLearner(page, { code: 'HY-THU' });
	await startQuiz(page, TIMED_MODULE);
	await question(page, 'q-cong').getByLabel('Hai').check();
	await waitUntilSaved(page);
	const attemptUrl = page.url();
	await page.goto('/courses');
	// deadline (6 s) plus the grace period (15 s) pass with nobody on the page
	await page.waitForTimeout(22_000);
	await page.goto(attemptUrl);
	await expect(page.getByText('Bài được nộp tự động khi hết giờ')).toBeVisible();
	expect(app.query(`SELECT closed_by, percent FROM quiz_attempt`)).toEqual([{ closed_by: 'deadline', percent: 50 }]);
});

test('without JavaScript the quiz is one form that saves and submits', async ({ browser, app }) => {
	seedCohort(app, 'HY-THU', QUIZ_COURSE);
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled: false });
	const page = await context.newPage();
	await registerLearner(page, { code: 'HY-THU' });
	await startQuiz(page);
	await answerAllCorrectly(page);
	await page.getByRole('button', { name: 'Lưu, làm tiếp sau' }).click();
	await expect(page.getByText('Đã lưu các câu trả lời.')).toBeVisible();
	expect(app.query(`SELECT count(*) AS n FROM quiz_response`)).toEqual([{ n: 6 }]);
	// two steps given the same position: a message beside the question, nothing submitted
	await question(page, 'q-sapxep').getByLabel('Tiếp nhận').selectOption({ label: 'Vị trí 2' });
	await page.getByRole('button', { name: 'Nộp bài' }).click();
	await expect(page.getByText('Mỗi vị trí chỉ dùng cho một bước.')).toBeVisible();
	expect(app.query(`SELECT status FROM quiz_attempt`)).toEqual([{ status: 'open' }]);
	await question(page, 'q-sapxep').getByLabel('Tiếp nhận').selectOption({ label: 'Vị trí 1' });
	await question(page, 'q-sapxep').getByLabel('Đánh giá').selectOption({ label: 'Vị trí 2' });
	await question(page, 'q-sapxep').getByLabel('Lập kế hoạch').selectOption({ label: 'Vị trí 3' });
	await submitQuiz(page);
	await expect(page.getByText('Điểm: 100% (7/7 điểm)')).toBeVisible();
	await context.close();
});

test('without JavaScript a timed attempt still shows the time left and the deadline', async ({ browser, app }) => {
	seedCohort(app, 'HY-THU', QUIZ_COURSE);
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled: false });
	const page = await context.newPage();
	await registerLearner(page, { code: 'HY-THU' });
	await startQuiz(page, TIMED_MODULE);
	await expect(page.locator('.countdown')).toHaveText(/Thời gian còn lại:\s*0:0\d/);
	await expect(page.getByText(/^Hạn nộp: /)).toBeVisible();
	await context.close();
});

test('ordering: a position another step holds swaps the two, and the swap is saved', async ({ page, app }) => {
	seedCohort(app, 'HY-THU', QUIZ_COURSE);
	await registerLearner(page, { code: 'HY-THU' });
	await startQuiz(page);
	const order = question(page, 'q-sapxep');
	await order.getByLabel('Tiếp nhận').selectOption({ label: 'Vị trí 1' });
	await order.getByLabel('Đánh giá').selectOption({ label: 'Vị trí 2' });
	await order.getByLabel('Lập kế hoạch').selectOption({ label: 'Vị trí 3' });
	await order.getByLabel('Lập kế hoạch').selectOption({ label: 'Vị trí 1' });
	await expect(order.getByLabel('Tiếp nhận')).toHaveValue('3');
	await expect(order.getByLabel('Đánh giá')).toHaveValue('2');
	await waitUntilSaved(page);
	await page.reload();
	await expect(order.getByLabel('Lập kế hoạch')).toHaveValue('1');
	await expect(order.getByLabel('Tiếp nhận')).toHaveValue('3');
	// a step given a taken position before any of its own leaves the other one blank
	await order.getByLabel('Đánh giá').selectOption('');
	await order.getByLabel('Đánh giá').selectOption({ label: 'Vị trí 1' });
	await expect(order.getByLabel('Lập kế hoạch')).toHaveValue('');
});

test('a quiz can be taken with the keyboard alone', async ({ page, app }) => {
	seedCohort(app, 'HY-THU', QUIZ_COURSE);
	await registerLearner(page, { code: 'HY-THU' });
	await startQuiz(page, TIMED_MODULE);
	await question(page, 'q-cong').getByLabel('Hai').focus();
	await page.keyboard.press('Space');
	await page.keyboard.press('Tab');
	// the next group's first radio takes focus; arrows move within it
	await page.keyboard.press('Space');
	await expect(question(page, 'q-cong-hai').getByLabel('Bốn')).toBeChecked();
	await page.getByRole('button', { name: 'Nộp bài' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByText('Điểm: 100% (2/2 điểm)')).toBeVisible();
});

test('bad answers are refused with a clear status and change nothing', async ({ page, app }) => {
	seedCohort(app, 'HY-THU', QUIZ_COURSE);
	await registerLearner(page, { code: 'HY-THU' });
	await startQuiz(page);
	await question(page, 'q-don').getByLabel('Hà Nội').check();
	await waitUntilSaved(page);
	const url = `${page.url()}/answers`;
	const post = (form: Record<string, string>) => page.request.post(url, { headers: { origin: app.url }, form });
	const before = app.query(`SELECT question_id, response FROM quiz_response`);

	const unknownQuestion = await post({ question: 'q-khong-co', 'q:q-khong-co': 'x' });
	expect(unknownQuestion.status()).toBe(400);
	expect((await unknownQuestion.json()).message).toContain('không hợp lệ');
	expect((await post({ question: 'q-don', 'q:q-don': 'c-khongco' })).status()).toBe(400);
	const huge = await page.request.post(url, {
		headers: { origin: app.url },
		form: { question: 'q-ngan', 'q:q-ngan': 'x'.repeat(70_000) }
	});
	expect(huge.status()).toBe(413);
	expect(app.query(`SELECT question_id, response FROM quiz_response`)).toEqual(before);

	// another learner cannot reach this attempt at all
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await registerLearner(page, { code: 'HY-THU', username: 'tranvanminh', name: 'Trần Văn Minh' });
	const theirs = await page.goto(url.replace('/answers', ''));
	expect(theirs?.status()).toBe(404);
	expect((await post({ question: 'q-don', 'q:q-don': 'x' })).status()).toBe(404);
	expect(app.query(`SELECT question_id, response FROM quiz_response`)).toEqual(before);
});
