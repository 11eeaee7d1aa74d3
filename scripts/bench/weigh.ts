// What a page costs on the wire when it opens in a browser with nothing cached: bytes by kind of
// file, where each came from, and the scripts' text. Shared by the page-weight test and the
// `bench:weight` table, so both measure the same thing.
import type { Page, Request } from '@playwright/test';

export const KINDS = ['html', 'css', 'js', 'font', 'image', 'other'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_LABELS: Record<Kind, string> = { html: 'HTML', css: 'CSS', js: 'JS', font: 'Fonts', image: 'Images', other: 'Other' };

export interface Weight {
	/** bytes transferred: compressed bodies plus response headers */
	bytes: Record<Kind, number>;
	total: number;
	requests: number;
	/** every origin a request went to */
	origins: string[];
	scripts: { url: string; bytes: number; text: string }[];
}

const KIND_OF_RESOURCE: Record<string, Kind> = {
	document: 'html',
	stylesheet: 'css',
	script: 'js',
	font: 'font',
	image: 'image'
};

/**
 * Opens `path` (relative to the page's base URL), waits for `readyWhen` (a selector for what the
 * page draws after loading, such as a chart whose library it fetches on demand) and then until
 * the network is idle, and weighs it.
 */
export async function weigh(page: Page, path: string, readyWhen?: string): Promise<Weight> {
	const requests: Request[] = [];
	const origins = new Set<string>();
	// every request the page makes counts for its origin, even one that never completes
	const attempt = (request: Request) => origins.add(new URL(request.url()).origin);
	const record = (request: Request) => requests.push(request);
	page.on('request', attempt);
	page.on('requestfinished', record);
	const response = await page.goto(path);
	if (!response?.ok()) throw new Error(`${path}: ${response?.status()}`);
	if (readyWhen) await page.locator(readyWhen).first().waitFor({ state: 'attached', timeout: 30_000 });
	await page.waitForLoadState('networkidle');
	page.off('request', attempt);
	page.off('requestfinished', record);

	const bytes = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
	const scripts: Weight['scripts'] = [];
	for (const request of requests) {
		const sizes = await request.sizes();
		const size = sizes.responseBodySize + sizes.responseHeadersSize;
		const kind = KIND_OF_RESOURCE[request.resourceType()] ?? 'other';
		bytes[kind] += size;
		if (kind === 'js') scripts.push({ url: request.url(), bytes: size, text: (await (await request.response())?.text()) ?? '' });
	}
	return { bytes, total: KINDS.reduce((sum, kind) => sum + bytes[kind], 0), requests: requests.length, origins: [...origins], scripts };
}

/** A property name chart.js's code uses (it survives minifying) and ours never does. */
const CHART_JS_MARK = '_chartjs';

export const loadsChartJs = (weight: Weight) => weight.scripts.some((script) => script.text.includes(CHART_JS_MARK));

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export interface PageType {
	name: string;
	path: string;
	/** who opens it */
	as: 'none' | 'learner' | 'trainer';
	/** learner pages must not load chart.js */
	learner: boolean;
	/** measured with Lighthouse too */
	lighthouse?: boolean;
	/** what the page draws once loaded, waited for before weighing */
	readyWhen?: string;
}

/**
 * The six page types of issue 8 and the other pages a learner opens on the way (course, quiz
 * start, discussion board): given a course, the module whose quiz and board are used, the
 * longest lesson's module, a learner's open quiz attempt and thread, and the report's cohort.
 */
export function pageTypes(at: { course: string; module: string; lesson: string; attempt: string; thread: string; cohortId: number }): PageType[] {
	const course = `/courses/${at.course}`;
	return [
		{ name: 'Sign-in', path: '/login', as: 'none', learner: true },
		{ name: 'Course list', path: '/courses', as: 'learner', learner: true },
		{ name: 'Course', path: course, as: 'learner', learner: true },
		{ name: 'Lesson (longest)', path: `${course}/${at.lesson}`, as: 'learner', learner: true, lighthouse: true },
		{ name: 'Quiz, start page', path: `${course}/${at.module}/quiz`, as: 'learner', learner: true },
		{ name: 'Quiz attempt', path: at.attempt, as: 'learner', learner: true, lighthouse: true },
		{ name: 'Discussion board', path: `${course}/${at.module}/discussions`, as: 'learner', learner: true },
		{ name: 'Discussion thread', path: at.thread, as: 'learner', learner: true },
		{ name: 'Trainer report', path: `/manage/cohorts/${at.cohortId}${course}`, as: 'trainer', learner: false, readyWhen: 'figure[data-chart-drawn]' }
	];
}
