// Scenario 5: cost as the work grows. The same demo history at several sizes, all learners in one
// cohort (the largest report a trainer can open): the lesson page under load and the trainer's
// report, learner table and item analysis, one request at a time. The lesson page should not
// care how many learners there are; the reports grow with the cohort, at most in proportion.
import { cpuMs, load, signIn, startServer, watchMemory } from './harness';
import { BROWSER_HEADERS, hammer } from './load';
import { longestLesson } from './lesson';
import { memoryTarget, type ScenarioReport, type Target } from './report';
import { count, mb, ms, table } from './stats';
import { KEY_PAGES, timePages, trainerPages } from './trainer';
import { COURSE, seedWorld, TRAINER } from './world';

export interface GrowthOptions {
	sizes: number[];
	workers: number;
	seconds: number;
	connections: number;
	runs: number;
}

interface Row {
	learners: number;
	seedSeconds: number;
	lessonPerSecond: number;
	lessonP50: number;
	lessonP95: number;
	cpuPerLesson: number;
	pages: Map<string, { p50: number; p95: number }>;
	memoryKb: number;
	refused: number;
	load: string;
}

export async function growthScenario(options: GrowthOptions): Promise<ScenarioReport> {
	const rows: Row[] = [];
	const targets: Target[] = [];
	const problems: string[] = [];
	for (const learners of options.sizes) {
		console.error(`growth: seeding ${learners} learners in one cohort…`);
		const world = seedWorld({ learners, cohorts: 1, code: 'GROW' });
		try {
			const server = await startServer(world.scratch, { workers: options.workers });
			const watch = watchMemory(server);
			try {
				const lesson = await longestLesson(server.url, world);
				const url = `${server.url}/courses/${COURSE}/${lesson.slug}`;
				const cookies = world.learners.map((l) => l.cookie);
				await hammer({ url, connections: options.connections, seconds: 2, cookies, headers: BROWSER_HEADERS });
				const cpuBefore = cpuMs(server);
				const run = await hammer({ url, connections: options.connections, seconds: options.seconds, cookies, headers: BROWSER_HEADERS });
				const cpuPerLesson = (cpuMs(server) - cpuBefore) / run.requests;
				const refused = run.errors + Object.values(run.refused).reduce((a, b) => a + b, 0);
				if (refused) problems.push(`lesson page at ${learners} learners: ${run.errors} errors, refused ${JSON.stringify(run.refused)}`);
				const cookie = await signIn(server.url, TRAINER.username, TRAINER.password);
				const pages = trainerPages(server.url, world.cohortIds[0]!).filter(([name]) => KEY_PAGES.includes(name));
				const timings = new Map((await timePages(pages, cookie, options.runs)).map(([name, t]) => [name, { p50: t.p50, p95: t.p95 }]));
				const memory = watch.stop();
				rows.push({
					learners,
					seedSeconds: world.seedSeconds,
					lessonPerSecond: run.perSecond,
					lessonP50: run.latency.p50,
					lessonP95: run.latency.p95,
					cpuPerLesson,
					pages: timings,
					memoryKb: memory.peakTotalKb,
					refused,
					load: load()
				});
				targets.push(memoryTarget(`cost as work grows, ${count(learners)} learners`, memory).target);
				if (learners === 1000) {
					const worst = Math.max(...[...timings.values()].map((t) => t.p95));
					targets.push({ what: 'Trainer pages p95 (report, learner table, item analysis), one cohort of 1,000', target: '≤ 200 ms', measured: `${ms(worst)} (slowest)`, met: worst <= 200 });
				}
			} finally {
				watch.stop();
				await server.stop();
			}
		} finally {
			world.scratch.remove();
		}
	}
	const first = rows[0]!;
	const times = (value: number, base: number) => `×${(value / base).toFixed(1)}`;
	const markdown = [
		`Fresh databases seeded by the demo generator with all learners in one cohort; the lesson page (the longest) at ${options.connections} connections for ${options.seconds} s after a 2 s warm-up, every learner's session in turn; then the trainer's three key pages of that cohort, ${options.runs} sequential requests each after 3 warm-up. ${options.workers} worker process(es). Growth factors (×) are against the ${count(first.learners)}-learner row.`,
		'',
		table(
			['learners', 'seeding', 'lesson req/s', 'lesson p50', 'lesson p95', 'CPU per lesson', ...KEY_PAGES.flatMap((name) => [`${name} p50`, 'p95']), 'peak memory', 'load / CPU pressure'],
			rows.map((r) => [
				count(r.learners),
				`${r.seedSeconds.toFixed(0)} s`,
				count(r.lessonPerSecond),
				ms(r.lessonP50),
				`${ms(r.lessonP95)} (${times(r.lessonP95, first.lessonP95)})`,
				ms(r.cpuPerLesson),
				...KEY_PAGES.flatMap((name) => {
					const t = r.pages.get(name)!;
					return [`${ms(t.p50)} (${times(t.p50, first.pages.get(name)!.p50)})`, ms(t.p95)];
				}),
				mb(r.memoryKb),
				r.load
			])
		)
	].join('\n');
	return { title: 'Cost as work grows', markdown, targets, problems };
}
