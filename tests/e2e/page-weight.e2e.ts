// Page weight for learners on mobile data (issue 8): each page type opened in a browser with
// nothing cached and weighed by kind of file. Bytes are deterministic, so the budgets are a test;
// `npm run bench:weight` weighs the same way (scripts/bench/weigh.ts) for docs/BENCHMARKS.md.
import type { Browser, BrowserContextOptions } from '@playwright/test';
import { kb, loadsChartJs, pageTypes, weigh, type Weight } from '../../scripts/bench/weigh';
import { COURSE, expect, MODULE, registerLearner, seedCohort, signIn, test, type App } from './fixtures';

const KB = 1024;
const LONGEST_MODULE = 'long-ghep-chuong-trinh';

/** A learner with an open quiz attempt and a thread of their own, and the cohort's trainer, each as saved sign-ins. */
async function seedPages(browser: Browser, baseURL: string) {
	const learner = await (await browser.newContext({ baseURL, locale: 'vi-VN' })).newPage();
	await registerLearner(learner);
	await learner.waitForURL(/\/courses$/);
	await learner.goto(`/courses/${COURSE}/${MODULE}/quiz`);
	await learner.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
	await learner.waitForURL(/\/quiz\/\d+$/);
	const attempt = new URL(learner.url()).pathname;
	await learner.goto(`/courses/${COURSE}/${MODULE}/discussions`);
	await learner.getByLabel('Tiêu đề').fill('Kinh nghiệm lồng ghép ở xã');
	await learner.getByLabel('Nội dung').fill('Xã chúng tôi đưa nội dung phòng, chống mại dâm vào họp tổ dân phố hằng quý.');
	await learner.getByRole('button', { name: 'Đăng chủ đề' }).click();
	await learner.waitForURL(/\/discussions\/\d+$/);
	const thread = new URL(learner.url()).pathname;
	const trainer = await (await browser.newContext({ baseURL, locale: 'vi-VN' })).newPage();
	await signIn(trainer, 'giangvien');
	return {
		pages: pageTypes({ course: COURSE, module: MODULE, lesson: LONGEST_MODULE, attempt, thread, cohortId: 1 }),
		states: { none: undefined, learner: await learner.context().storageState(), trainer: await trainer.context().storageState() }
	};
}

/** A page opened in a fresh context: nothing cached from the pages before it. */
async function weighFresh(
	browser: Browser,
	baseURL: string,
	path: string,
	storageState?: BrowserContextOptions['storageState'],
	readyWhen?: string
): Promise<Weight> {
	const context = await browser.newContext({ baseURL, locale: 'vi-VN', storageState });
	const weight = await weigh(await context.newPage(), path, readyWhen);
	await context.close();
	return weight;
}

async function weighLesson(browser: Browser, app: App): Promise<Weight> {
	seedCohort(app);
	const learner = await (await browser.newContext({ baseURL: app.url, locale: 'vi-VN' })).newPage();
	await registerLearner(learner);
	await learner.waitForURL(/\/courses$/);
	return weighFresh(browser, app.url, `/courses/${COURSE}/${LONGEST_MODULE}`, await learner.context().storageState());
}

/** A learner's open attempt at the module's exam, weighed fresh. */
async function weighAttempt(browser: Browser, app: App): Promise<Weight> {
	seedCohort(app);
	const learner = await (await browser.newContext({ baseURL: app.url, locale: 'vi-VN' })).newPage();
	await registerLearner(learner);
	await learner.waitForURL(/\/courses$/);
	await learner.goto(`/courses/${COURSE}/${MODULE}/quiz`);
	await learner.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
	await learner.waitForURL(/\/quiz\/\d+$/);
	return weighFresh(browser, app.url, new URL(learner.url()).pathname, await learner.context().storageState());
}

/** A learner's module board with one thread on it, and that thread, each weighed fresh. */
async function weighDiscussion(browser: Browser, app: App): Promise<{ board: Weight; thread: Weight }> {
	seedCohort(app);
	const learner = await (await browser.newContext({ baseURL: app.url, locale: 'vi-VN' })).newPage();
	await registerLearner(learner);
	await learner.waitForURL(/\/courses$/);
	const board = `/courses/${COURSE}/${MODULE}/discussions`;
	await learner.goto(board);
	await learner.getByLabel('Tiêu đề').fill('Kinh nghiệm lồng ghép ở xã');
	await learner.getByLabel('Nội dung').fill('Xã chúng tôi đưa nội dung phòng, chống mại dâm vào họp tổ dân phố hằng quý.');
	await learner.getByRole('button', { name: 'Đăng chủ đề' }).click();
	await learner.waitForURL(/\/discussions\/\d+$/);
	const state = await learner.context().storageState();
	return {
		board: await weighFresh(browser, app.url, board, state),
		thread: await weighFresh(browser, app.url, new URL(learner.url()).pathname, state)
	};
}

test('every page type loads only from this site, and learner pages never load chart.js', async ({ browser, app }) => {
	seedCohort(app);
	const { pages, states } = await seedPages(browser, app.url);
	const weighed = [];
	for (const page of pages) weighed.push({ ...page, weight: await weighFresh(browser, app.url, page.path, states[page.as], page.readyWhen) });
	for (const { name, weight } of weighed) expect(weight.origins, `${name}: origins`).toEqual([app.url]);
	expect(weighed.filter((page) => page.learner && loadsChartJs(page.weight)).map((page) => page.name)).toEqual([]);
	// the trainer's report does load it, so the check above can fail
	expect(weighed.filter((page) => !page.learner).every((page) => loadsChartJs(page.weight))).toBe(true);
});

test('the longest lesson opens within 60 KB in all', async ({ browser, app }) => {
	const lesson = await weighLesson(browser, app);
	expect(lesson.total, `lesson page: ${kb(lesson.total)} KB`).toBeLessThanOrEqual(60 * KB);
});

test('the longest lesson loads at most 30 KB of JavaScript', async ({ browser, app }) => {
	// The Svelte runtime and SvelteKit client alone are about 35 KB, so the lesson is served
	// without them (csr = false) and has one small script of its own (docs/BENCHMARKS.md).
	const lesson = await weighLesson(browser, app);
	expect(lesson.bytes.js, `lesson JavaScript: ${kb(lesson.bytes.js)} KB`).toBeLessThanOrEqual(30 * KB);
});

test('a quiz attempt loads only its own small script, not the SvelteKit client', async ({ browser, app }) => {
	// Served as a document (csr = false) like the lesson: a learner starting an exam on mobile
	// data downloads one script of a few KB instead of the ~51 KB client (docs/BENCHMARKS.md).
	const attempt = await weighAttempt(browser, app);
	expect(attempt.scripts.map((script) => new URL(script.url).pathname)).toEqual(['/quiz-attempt.js']);
	expect(attempt.bytes.js, `attempt JavaScript: ${kb(attempt.bytes.js)} KB`).toBeLessThanOrEqual(8 * KB);
	expect(attempt.total, `attempt page: ${kb(attempt.total)} KB`).toBeLessThanOrEqual(40 * KB);
});

test('a discussion board and a thread load only their own small script, not the SvelteKit client', async ({ browser, app }) => {
	// Served as documents (csr = false) like the lesson and the attempt: a learner following a board
	// on mobile data downloads one script of about a kilobyte instead of the ~49 KB client.
	const { board, thread } = await weighDiscussion(browser, app);
	for (const [name, weight] of [['board', board], ['thread', thread]] as const) {
		expect(weight.scripts.map((script) => new URL(script.url).pathname), `${name} scripts`).toEqual(['/discussions.js']);
		expect(weight.bytes.js, `${name} JavaScript: ${kb(weight.bytes.js)} KB`).toBeLessThanOrEqual(4 * KB);
		expect(weight.total, `${name} page: ${kb(weight.total)} KB`).toBeLessThanOrEqual(20 * KB);
	}
});
