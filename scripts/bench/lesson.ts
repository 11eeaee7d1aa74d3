// Scenario 1: the longest lesson, read by signed-in learners (a different session on each
// request) at several numbers of connections; side by side, in the same run, the same response
// bytes served from memory by a minimal node:http server with as many processes: the floor.
// Between the two, the app's own floor: its health check through every hook with the same
// sessions, the least any page of this app can cost before its route does anything.
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpuMs, freePort, load, rawGet, ROOT, startServer, watchMemory } from './harness';
import { BROWSER_HEADERS, hammer, type LoadResult } from './load';
import { memoryTarget, type ScenarioReport } from './report';
import { count, ms, table } from './stats';
import { COURSE, type World } from './world';

export interface LessonOptions {
	connections: number[];
	seconds: number;
	workers: number;
}

/** The module whose lesson page is the largest, as a learner receives it. */
export async function longestLesson(url: string, world: World): Promise<{ slug: string; bytes: number }> {
	const slugs = readdirSync(join(world.coursesDir, COURSE)).flatMap((name) => /^\d+-(.+)$/.exec(name)?.[1] ?? []);
	let longest = { slug: '', bytes: 0 };
	for (const slug of slugs) {
		const page = await rawGet(`${url}/courses/${COURSE}/${slug}`, { ...BROWSER_HEADERS, 'accept-encoding': 'identity', cookie: world.learners[0]!.cookie });
		if (page.status === 200 && page.body.byteLength > longest.bytes) longest = { slug, bytes: page.body.byteLength };
	}
	return longest;
}

/** Starts the floor server on one captured response; resolves once it answers. */
async function startFloor(dir: string, response: { headers: Record<string, string>; body: Buffer }, workers: number) {
	const file = join(dir, 'floor-response.json');
	const skip = new Set(['set-cookie', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
	const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !skip.has(name)));
	writeFileSync(file, JSON.stringify({ headers, body: response.body.toString('base64') }));
	const port = await freePort();
	const child = spawn(process.execPath, [join(ROOT, 'scripts', 'bench', 'static-floor.js')], {
		env: { ...process.env, RESPONSE: file, PORT: String(port), WORKERS: String(workers) },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const url = `http://127.0.0.1:${port}/`;
	for (let i = 0; i < 100; i++) {
		if (await fetch(url).then((r) => r.ok, () => false)) break;
		await new Promise((r) => setTimeout(r, 50));
	}
	return { url, stop: () => new Promise<void>((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill()))) };
}

const failed = (r: LoadResult) => r.errors + Object.values(r.refused).reduce((a, b) => a + b, 0);

export async function lessonScenario(world: World, options: LessonOptions): Promise<ScenarioReport> {
	const server = await startServer(world.scratch, { workers: options.workers });
	const problems: string[] = [];
	const rows: (string | number)[][] = [];
	const results: { app: LoadResult; floor: LoadResult; appFloor: LoadResult }[] = [];
	let memory: ReturnType<ReturnType<typeof watchMemory>['stop']> = { peakTotalKb: 0, peakProcessKb: 0 };
	let lesson = { slug: '', bytes: 0 };
	try {
		lesson = await longestLesson(server.url, world);
		const path = `${server.url}/courses/${COURSE}/${lesson.slug}`;
		const sample = await rawGet(path, { ...BROWSER_HEADERS, cookie: world.learners[1]!.cookie });
		if (sample.status !== 200) throw new Error(`${path}: ${sample.status}`);
		const floor = await startFloor(world.scratch.dir, sample, options.workers);
		const cookies = world.learners.map((l) => l.cookie);
		const watch = watchMemory(server);
		try {
			for (const connections of options.connections) {
				console.error(`lesson page: ${connections} connections (load ${load()})`);
				// warm-up: compiled code paths, connections, page cache
				await hammer({ url: path, connections, seconds: 2, cookies });
				const cpuBefore = cpuMs(server);
				const app = await hammer({ url: path, connections, seconds: options.seconds, cookies });
				const cpuPerRequest = (cpuMs(server) - cpuBefore) / app.requests;
				const loadAfterApp = load();
				const appFloor = await hammer({ url: `${server.url}/healthz`, connections, seconds: options.seconds, cookies });
				await hammer({ url: floor.url, connections, seconds: 1 });
				const base = await hammer({ url: floor.url, connections, seconds: options.seconds });
				results.push({ app, floor: base, appFloor });
				if (failed(app)) problems.push(`lesson page, ${connections} connections: ${app.errors} errors, refused ${JSON.stringify(app.refused)}`);
				rows.push([
					connections,
					count(app.perSecond),
					ms(app.latency.p50),
					ms(app.latency.p95),
					ms(app.latency.p99),
					ms(cpuPerRequest),
					count(appFloor.perSecond),
					ms(appFloor.latency.p95),
					count(base.perSecond),
					ms(base.latency.p95),
					`${((100 * app.perSecond) / base.perSecond).toFixed(0)} %`,
					`${((100 * appFloor.perSecond) / base.perSecond).toFixed(0)} %`,
					failed(app),
					loadAfterApp
				]);
			}
		} finally {
			memory = watch.stop();
			await floor.stop();
		}
	} finally {
		await server.stop();
	}
	const at50 = results.find((r) => r.app.connections === 50) ?? results.at(-1)!;
	const peak = memoryTarget('lesson page', memory);
	const markdown = [
		`Lesson page \`/courses/${COURSE}/${lesson.slug}\` (the longest: ${count(lesson.bytes)} bytes of HTML, ${count(results[0]?.app.bytesPerResponse ?? 0)} as sent compressed), ${count(world.learners.length)} learners' sessions taken in turn, ${options.seconds} s per run after a 2 s warm-up, ${options.workers} worker process(es). App floor: \`/healthz\` on the same server with the same sessions (every hook, session check included, and a one-line JSON answer), run right after each. Floor: the same response bytes and headers from memory, minimal node:http server, ${options.workers} process(es), run after that.`,
		'',
		table(
			['connections', 'app req/s', 'p50', 'p95', 'p99', 'server CPU per request', 'app floor req/s', 'app floor p95', 'floor req/s', 'floor p95', 'app / floor', 'app floor / floor', 'errors', 'load / CPU pressure'],
			rows
		),
		'',
		peak.line
	].join('\n');
	return {
		title: 'Lesson page',
		markdown,
		problems,
		targets: [
			{ what: `Lesson page p95, ${at50.app.connections} connections`, target: '≤ 50 ms', measured: `${ms(at50.app.latency.p95)} (app floor: ${ms(at50.appFloor.latency.p95)})`, met: at50.app.latency.p95 <= 50 },
			{
				what: `Lesson page throughput against the static floor, ${at50.app.connections} connections`,
				target: '≥ 25 %',
				measured: `${((100 * at50.app.perSecond) / at50.floor.perSecond).toFixed(0)} % (${count(at50.app.perSecond)} of ${count(at50.floor.perSecond)} req/s; app floor: ${((100 * at50.appFloor.perSecond) / at50.floor.perSecond).toFixed(0)} %)`,
				met: at50.app.perSecond >= at50.floor.perSecond / 4
			},
			peak.target
		]
	};
}
