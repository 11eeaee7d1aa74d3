// `npm run bench:weight`: bytes on the wire for each page type (HTML, CSS, JS, fonts, images),
// opened in headless Chromium with nothing cached, then Lighthouse (mobile) on the lesson and
// quiz pages. Prints Markdown tables for docs/BENCHMARKS.md; the budgets are tested in
// tests/e2e/page-weight.e2e.ts. Options: --runs N (Lighthouse runs per page, median; default 5),
// --no-lighthouse, --chunks (each page's scripts and their sizes, on stderr).
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { machine, postForm, registerLearner, scratchDatabase, signIn, startServer } from './harness';
import { KIND_LABELS, KINDS, kb, pageTypes, weigh, type PageType } from './weigh';

const { values } = parseArgs({
	options: {
		runs: { type: 'string', default: '5' },
		'no-lighthouse': { type: 'boolean', default: false },
		chunks: { type: 'boolean', default: false }
	}
});
const CHROMIUM = '/usr/bin/chromium';
const COURSE = 'phong-chong-mai-dam';
const QUIZ_MODULE = 'tinh-hinh-va-khung-phap-ly';
const LONGEST_LESSON = 'long-ghep-chuong-trinh';
const PASSWORD = 'bench-password-2026';
const LEARNER = 'bench.hocvien';

/** Posts a form the server answers with a redirect; returns where to. */
async function redirectOf(url: string, fields: Record<string, string>, cookie?: string): Promise<string> {
	const response = await postForm(url, fields, cookie);
	const location = response.headers.get('location');
	if (response.status !== 303 || !location) throw new Error(`POST ${url}: ${response.status}`);
	return location;
}

/** A learner who just joined, with a quiz attempt open and a thread started; the cohort's trainer. */
async function seedPages(url: string) {
	const learner = await registerLearner(url, 'BENCH', LEARNER, PASSWORD);
	const attempt = await redirectOf(`${url}/courses/${COURSE}/${QUIZ_MODULE}/quiz?/start`, {}, learner);
	const thread = await redirectOf(
		`${url}/courses/${COURSE}/${QUIZ_MODULE}/discussions`,
		{
			title: 'Kinh nghiệm lồng ghép ở xã',
			body: 'Xã chúng tôi đưa nội dung phòng, chống mại dâm vào họp tổ dân phố hằng quý. Các anh chị làm thế nào?'
		},
		learner
	);
	const trainer = await signIn(url, 'bench.trainer', PASSWORD);
	return { cookies: { none: null, learner, trainer }, pages: pageTypes({ course: COURSE, module: QUIZ_MODULE, lesson: LONGEST_LESSON, attempt, thread, cohortId: 1 }) };
}

async function printWeights(url: string, pages: PageType[], cookies: Record<PageType['as'], string | null>) {
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
	try {
		console.log(`Page weight: KB transferred (compressed bodies plus response headers), nothing cached, pages in Vietnamese; ${machine()}; ${new Date().toISOString().slice(0, 10)}`);
		console.log('');
		console.log(`| Page | ${KINDS.map((kind) => KIND_LABELS[kind]).join(' | ')} | Total | Requests |`);
		console.log(`| --- | ${KINDS.map(() => '---:').join(' | ')} | ---: | ---: |`);
		for (const { name, path, as, readyWhen } of pages) {
			const cookie = cookies[as];
			const context = await browser.newContext({ baseURL: url, extraHTTPHeaders: cookie ? { cookie } : {} });
			const weight = await weigh(await context.newPage(), path, readyWhen);
			await context.close();
			console.log(`| ${name} | ${KINDS.map((kind) => kb(weight.bytes[kind])).join(' | ')} | ${kb(weight.total)} | ${weight.requests} |`);
			if (weight.origins.some((origin) => origin !== url)) console.error(`${name} loads from other origins: ${weight.origins.join(', ')}`);
			if (values.chunks) console.error(`${name}: ${weight.scripts.map((s) => `${s.url.split('/').pop()} ${kb(s.bytes)}`).join(', ')}`);
		}
		console.log('');
	} finally {
		await browser.close();
	}
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

async function printLighthouse(url: string, pages: PageType[], cookie: string, runs: number) {
	const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
	try {
		console.log(`Lighthouse 12.2.3, mobile emulation (simulated slow 4G, 4× CPU slowdown), median of ${runs} runs; load average ${loadavg()[0]!.toFixed(1)} at the start`);
		console.log('');
		console.log('| Page | Performance | Accessibility | Performance, each run | Total blocking time (median) |');
		console.log('| --- | ---: | ---: | --- | ---: |');
		for (const { name, path } of pages.filter((page) => page.lighthouse)) {
			const performance: number[] = [];
			const accessibility: number[] = [];
			const blocking: number[] = [];
			for (let run = 0; run < runs; run++) {
				const result = await lighthouse(`${url}${path}`, {
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: ['performance', 'accessibility'],
					extraHeaders: { cookie }
				});
				if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
				const { categories, audits } = result.lhr;
				performance.push(Math.round((categories.performance?.score ?? 0) * 100));
				accessibility.push(Math.round((categories.accessibility?.score ?? 0) * 100));
				blocking.push(audits['total-blocking-time']?.numericValue ?? 0);
				for (const audit of Object.values(audits)) {
					if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative') {
						console.error(`${name}, run ${run + 1}: ${audit.id} ${audit.displayValue ?? audit.score}`);
					}
				}
			}
			console.log(`| ${name} | ${median(performance)} | ${median(accessibility)} | ${performance.join(', ')} | ${median(blocking).toFixed(0)} ms |`);
		}
	} finally {
		chrome.kill();
	}
}

const scratch = scratchDatabase();
try {
	scratch.cli('admin', 'create-user', '--username', 'bench.trainer', '--name', 'Bench', '--role', 'trainer', '--password', PASSWORD);
	// a cohort with a history, so the trainer's report has charts to draw
	scratch.cli('demo', '--learners', '100', '--cohorts', '1', '--code', 'BENCH', '--trainer', 'bench.trainer');
	const server = await startServer(scratch);
	try {
		const { cookies, pages } = await seedPages(server.url);
		await printWeights(server.url, pages, cookies);
		if (!values['no-lighthouse']) await printLighthouse(server.url, pages, cookies.learner, Number(values.runs));
	} finally {
		await server.stop();
	}
} finally {
	scratch.remove();
}
