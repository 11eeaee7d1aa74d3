// What every benchmark needs: a scratch database seeded through the project's own CLIs, the
// production server started on it, a signed-in session, and timings summarised as percentiles.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { send } from './client';
import { cpuTicksOf, memoryOf, proportionalKbOf, summarise, type Timing } from './stats';

export { summarise, type Timing };

/** The nearest folder above this module with a package.json: bundled, it may sit in build/cli/assets/. */
function projectRoot(dir: string): string {
	if (existsSync(join(dir, 'package.json'))) return dir;
	if (dirname(dir) === dir) throw new Error('no package.json above the benchmark scripts');
	return projectRoot(dirname(dir));
}

export const ROOT = projectRoot(import.meta.dirname);
const BUILD = join(ROOT, 'build');

export interface Scratch {
	dir: string;
	env: NodeJS.ProcessEnv;
	cli: (tool: 'admin' | 'demo', ...args: string[]) => string;
	/** the same, without blocking this process meanwhile (a test's requests keep going) */
	cliAsync: (tool: 'admin' | 'demo', ...args: string[]) => Promise<string>;
	remove: () => void;
}

export function scratchDatabase(coursesDir = join(ROOT, 'courses')): Scratch {
	const dir = mkdtempSync(join(tmpdir(), 'taphuan-bench-'));
	const env = { ...process.env, DATABASE_PATH: join(dir, 'taphuan.db'), COURSES_DIR: coursesDir, TAPHUAN_LANG: 'en' };
	return {
		dir,
		env,
		cli: (tool, ...args) => execFileSync(process.execPath, [join(BUILD, 'cli', `${tool}.js`), ...args], { env, encoding: 'utf8' }),
		cliAsync: (tool, ...args) =>
			new Promise((done, reject) =>
				execFile(process.execPath, [join(BUILD, 'cli', `${tool}.js`), ...args], { env, encoding: 'utf8' }, (error, stdout, stderr) =>
					error ? reject(new Error(`${tool} ${args[0]}: ${stderr || error.message}`)) : done(stdout)
				)
			),
		remove: () => rmSync(dir, { recursive: true, force: true })
	};
}

export function freePort(): Promise<number> {
	return new Promise((done, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? done(address.port) : reject(new Error('no port'))));
		});
	});
}

export interface RunningServer {
	url: string;
	child: ChildProcess;
	/** the server's processes: with workers, the cluster's primary and each worker */
	pids: () => number[];
	stop: () => Promise<void>;
}

export interface ServerOptions {
	/** serve with node:cluster (scripts/cluster.js, `npm run start:cluster`) and this many worker
	 * processes; without, one process as `npm start` runs it (scripts/start.js) */
	workers?: number;
	/** more environment for the server */
	env?: NodeJS.ProcessEnv;
	/** run as this user and group (a test of file permissions needs one that root's bypass does not cover) */
	uid?: number;
	gid?: number;
	/** a bash command run first, in the same process: `ulimit -f 40` caps each file it writes at 40 KB */
	shellPrefix?: string;
}

export async function startServer(scratch: Scratch, options: ServerOptions = {}): Promise<RunningServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const entry = join(ROOT, 'scripts', options.workers ? 'cluster.js' : 'start.js');
	// BENCH_PROFILE=<folder>: every server process writes a CPU profile there when it stops
	// (cluster workers inherit the flags)
	const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
	const [command, args] = options.shellPrefix
		? ['/bin/bash', ['-c', `${options.shellPrefix} && exec "$0" "$1"`, process.execPath, entry]]
		: [process.execPath, [...profile, entry]];
	const child = spawn(command, args, {
		cwd: ROOT,
		env: { ...scratch.env, ...options.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, WORKERS: String(options.workers ?? 1) },
		stdio: ['ignore', 'ignore', 'inherit'],
		uid: options.uid,
		gid: options.gid
	});
	for (let i = 0; i < 200; i++) {
		try {
			if ((await fetch(`${url}/healthz`)).ok) break;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		child,
		pids: () => (child.pid === undefined ? [] : [child.pid, ...childrenOf(child.pid)]),
		stop: () =>
			new Promise((done) => {
				if (child.exitCode !== null || child.signalCode !== null) return done();
				child.once('exit', () => done());
				child.kill();
			})
	};
}

/** Processes whose parent is `pid` (a cluster's workers). */
function childrenOf(pid: number): number[] {
	const children: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// pid (comm) state ppid …: the name may hold spaces, so read after its closing bracket
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
		} catch {
			// the process ended meanwhile
		}
	}
	return children;
}

export interface MemoryWatch {
	/** in kB: the highest memory of all the server's processes together (the sum of their
	 * proportional set sizes: pages they share counted once), and the largest peak resident
	 * memory of one process (VmHWM) */
	stop: () => { peakTotalKb: number; peakProcessKb: number };
}

/** Samples the memory of the server's processes every `everyMs`. */
export function watchMemory(server: RunningServer, everyMs = 100): MemoryWatch {
	let peakTotalKb = 0;
	const peaks = new Map<number, number>();
	const sample = () => {
		let total = 0;
		for (const pid of server.pids()) {
			try {
				total += proportionalKbOf(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
				peaks.set(pid, memoryOf(readFileSync(`/proc/${pid}/status`, 'utf8')).peakKb);
			} catch {
				// a worker restarting
			}
		}
		peakTotalKb = Math.max(peakTotalKb, total);
	};
	sample();
	const timer = setInterval(sample, everyMs);
	return {
		stop: () => {
			clearInterval(timer);
			sample();
			return { peakTotalKb, peakProcessKb: Math.max(0, ...peaks.values()) };
		}
	};
}

/** CPU time the server's processes have used so far, in milliseconds (Linux counts 100 ticks a second). */
export function cpuMs(server: RunningServer): number {
	let ticks = 0;
	for (const pid of server.pids()) {
		try {
			ticks += cpuTicksOf(readFileSync(`/proc/${pid}/stat`, 'utf8'));
		} catch {
			// ended meanwhile
		}
	}
	return ticks * 10;
}

/**
 * Has every worker load and compile the code of these pages before anything is timed, as on a
 * server that has been up for a while (each worker loads a route's code on its first request).
 */
export async function warmUp(server: RunningServer, person: { cookie: string }, paths: string[], rounds = 20): Promise<void> {
	for (let i = 0; i < rounds; i++) await Promise.all(paths.map((path) => request(server.url, person, path)));
}

/** Posts a form as a browser without JavaScript would (same origin, no redirects followed). */
export function postForm(url: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
	return fetch(url, {
		method: 'POST',
		headers: { origin: new URL(url).origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...(cookie ? { cookie } : {}) },
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

/** Registers a learner through the real form with the cohort's enrolment code; returns their session cookie. */
export async function registerLearner(url: string, enrolCode: string, username: string, password: string): Promise<string> {
	const response = await postForm(`${url}/register`, {
		enrolCode,
		displayName: 'Nguyễn Thị Lan',
		organisation: 'Hội LHPN xã Tân Hưng',
		commune: 'xã Tân Hưng',
		province: 'Hưng Yên',
		username,
		password,
		passwordConfirm: password
	});
	if (response.status !== 303) throw new Error(`registration of ${username}: ${response.status}`);
	return signIn(url, username, password);
}

/** Signs in through the real form and returns the session cookie. */
export async function signIn(url: string, username: string, password: string): Promise<string> {
	const response = await postForm(`${url}/login`, { username, password });
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('taphuan_session='));
	if (!cookie) throw new Error(`sign-in as ${username} failed: ${response.status}`);
	return cookie.split(';')[0]!;
}

/** Times `runs` sequential GETs (after `warm` untimed ones); fails on any non-200 answer. */
export async function timeGets(url: string, cookie: string, runs = 30, warm = 3): Promise<Timing> {
	const samples: number[] = [];
	for (let i = 0; i < warm + runs; i++) {
		const started = performance.now();
		const response = await fetch(url, { headers: { cookie, accept: 'text/html' } });
		await response.arrayBuffer();
		if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
		if (i >= warm) samples.push(performance.now() - started);
	}
	return summarise(samples);
}

export interface Answer {
	status: number;
	location: string | null;
	text: string;
	/** from sending to the last byte of the body */
	ms: number;
}

/**
 * One request as a browser sends it for a signed-in person: the session cookie, the Origin a
 * form post carries, redirects not followed. A form (URLSearchParams) as without JavaScript,
 * FormData as the pages' scripts send it.
 */
export async function request(
	url: string,
	person: { cookie: string },
	path: string,
	body?: FormData | URLSearchParams
): Promise<Answer | { error: string }> {
	const started = performance.now();
	try {
		const answer = await send(`${url}${path}`, body ? 'POST' : 'GET', { cookie: person.cookie, origin: url, accept: body instanceof FormData ? '*/*' : 'text/html' }, body);
		const location = answer.headers.location ?? null;
		return { status: answer.status, location, text: answer.text, ms: performance.now() - started };
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return { error: `${(error as Error).message}${code ? ` (${code})` : ''}` };
	}
}

export interface RawResponse {
	status: number;
	headers: Record<string, string>;
	/** the body as sent: still compressed when the server compressed it */
	body: Buffer;
}

/** A GET whose answer is kept byte for byte (fetch would decompress it). */
export function rawGet(url: string, headers: Record<string, string>): Promise<RawResponse> {
	return new Promise((done, reject) => {
		get(url, { headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () =>
				done({
					status: response.statusCode ?? 0,
					headers: Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)])),
					body: Buffer.concat(chunks)
				})
			);
		}).on('error', reject);
	});
}

export const machine = () => `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`;

/**
 * How busy the machine is, to print beside each figure (the machines are shared): the 1-minute
 * load average and the share of the last minute in which some runnable task waited for a CPU
 * (Linux pressure stall information).
 */
export function load(): string {
	let pressure = '';
	try {
		pressure = ` / ${Number(/^some .*avg60=([\d.]+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1]).toFixed(0)} %`;
	} catch {
		// no pressure information on this kernel
	}
	return `${loadavg()[0]!.toFixed(1)}${pressure}`;
}
