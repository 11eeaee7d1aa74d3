// `npm run bench:offline`: how long a learner waits for a module, and for the whole course, to be
// stored for offline study on throttled mobile data. A learner signs in to the real course in
// headless Chromium; the course page is throttled with the DevTools Protocol to Chrome's own 3G
// presets; the page's own buttons start the downloads and their status lines say when they end.
// The service worker leaves a download's requests to the network, so every byte is throttled.
// Prints a Markdown table for docs/BENCHMARKS.md. Option: --runs N (each measurement, median; default 1).
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { load, machine, registerLearner, scratchDatabase, startServer } from './harness';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' } } });
const RUNS = Math.max(1, Number(values.runs) || 1);
const CHROMIUM = '/usr/bin/chromium';
const COURSE = 'phong-chong-mai-dam';
const MODULE = 'tinh-hinh-va-khung-phap-ly';
const PASSWORD = 'bench-password-2026';
const LEARNER = 'bench.hocvien';
const MINUTE = 60_000;

/** Chrome DevTools' presets (as Puppeteer's PredefinedNetworkConditions): bytes per second, ms. */
const PROFILES = {
	'Slow 3G': { downloadThroughput: ((500 * 1000) / 8) * 0.8, uploadThroughput: ((500 * 1000) / 8) * 0.8, latency: 400 * 5 },
	'Fast 3G': { downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9, uploadThroughput: ((750 * 1000) / 8) * 0.9, latency: 150 * 3.75 }
} as const;
type Profile = keyof typeof PROFILES;
const UNTHROTTLED = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

/** The course page with its service worker in control, nothing downloaded yet. */
async function freshCoursePage(page: Page, url: string) {
	await page.goto(`${url}/courses/${COURSE}`);
	await page.waitForFunction(async () => !!(await navigator.serviceWorker.ready).active && !!navigator.serviceWorker.controller);
	await page.evaluate(async () => {
		for (const name of await caches.keys()) if (name.startsWith('taphuan-module')) await caches.delete(name);
	});
	await page.reload();
}

interface Download {
	/** where the button and its status line are: a module's card, or the whole page */
	scope: string;
	button: string;
	done: RegExp;
}

/** Seconds from the press of the download's button until its status line says it is done. */
async function timedDownload(context: BrowserContext, page: Page, profile: Profile, { scope, button, done }: Download) {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILES[profile] });
	const started = Date.now();
	await page.locator(scope).getByRole('button', { name: button }).click();
	const status = page.locator(scope).getByRole('status').filter({ hasText: done });
	await status.waitFor({ timeout: 10 * MINUTE });
	const seconds = (Date.now() - started) / 1000;
	const shown = (await status.textContent())?.trim() ?? '';
	await cdp.send('Network.emulateNetworkConditions', UNTHROTTLED);
	await cdp.detach();
	return { seconds, shown };
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

const scratch = scratchDatabase();
try {
	scratch.cli('admin', 'create-user', '--username', 'bench.trainer', '--name', 'Bench', '--role', 'trainer', '--password', PASSWORD);
	scratch.cli('demo', '--learners', '1', '--cohorts', '1', '--code', 'BENCH', '--trainer', 'bench.trainer');
	const server = await startServer(scratch);
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
	try {
		const [name, value] = (await registerLearner(server.url, 'BENCH', LEARNER, PASSWORD)).split('=') as [string, string];
		const context = await browser.newContext({ locale: 'vi-VN' });
		await context.addCookies([{ name, value, url: server.url }]);
		const page = await context.newPage();
		const measure = async (what: string, profile: Profile, download: Download) => {
			const seconds: number[] = [];
			let shown = '';
			for (let run = 0; run < RUNS; run++) {
				await freshCoursePage(page, server.url);
				const result = await timedDownload(context, page, profile, download);
				seconds.push(result.seconds);
				shown = result.shown;
			}
			const each = RUNS > 1 ? ` (${seconds.map((s) => s.toFixed(1)).join(', ')})` : '';
			return `| ${what} on ${profile} | ${median(seconds).toFixed(1)} s${each} | ${shown} |`;
		};
		const module1: Download = {
			scope: `.module-list > li:has(a[href="/courses/${COURSE}/${MODULE}"])`,
			button: 'Tải về để học khi không có mạng',
			done: /^Đã tải về máy/
		};
		const course: Download = {
			scope: '[data-offline-course]',
			button: 'Tải cả khoá học về để học khi không có mạng',
			done: /^Cả khoá học đã được tải về máy/
		};
		const rows = [await measure('module 1', 'Slow 3G', module1), await measure('module 1', 'Fast 3G', module1), await measure('whole course', 'Fast 3G', course)];
		console.log(`Offline download on throttled 3G, ${RUNS === 1 ? 'one run' : `median of ${RUNS} runs`} each; ${machine()}; load average / CPU pressure ${load()}; ${new Date().toISOString().slice(0, 10)}`);
		console.log('');
		console.log('| what | time | the page then says |');
		console.log('| --- | ---: | --- |');
		for (const row of rows) console.log(row);
	} finally {
		await browser.close();
		await server.stop();
	}
} finally {
	scratch.remove();
}
