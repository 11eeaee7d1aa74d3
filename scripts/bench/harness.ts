// What every benchmark needs: a scratch database seeded through the project's own CLIs, the
// production server started on it, a signed-in session, and timings summarised as percentiles.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

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

function freePort(): Promise<number> {
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
	stop: () => Promise<void>;
}

export interface ServerOptions {
	/** run as this user and group (a test of file permissions needs one that root's bypass does not cover) */
	uid?: number;
	gid?: number;
	/** a bash command run first, in the same process: `ulimit -f 40` caps each file it writes at 40 KB */
	shellPrefix?: string;
}

export async function startServer(scratch: Scratch, options: ServerOptions = {}): Promise<RunningServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const [command, args] = options.shellPrefix
		? ['/bin/bash', ['-c', `${options.shellPrefix} && exec "$0" "$1"`, process.execPath, join(BUILD, 'index.js')]]
		: [process.execPath, [join(BUILD, 'index.js')]];
	const child = spawn(command, args, {
		env: { ...scratch.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url },
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
		stop: () =>
			new Promise((done) => {
				if (child.exitCode !== null || child.signalCode !== null) return done();
				child.once('exit', () => done());
				child.kill();
			})
	};
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

/** Signs in through the real form and returns the session cookie. */
export async function signIn(url: string, username: string, password: string): Promise<string> {
	const response = await postForm(`${url}/login`, { username, password });
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('taphuan_session='));
	if (!cookie) throw new Error(`sign-in as ${username} failed: ${response.status}`);
	return cookie.split(';')[0]!;
}

export interface Timing {
	p50: number;
	p95: number;
	max: number;
	runs: number;
}

export function summarise(samples: number[]): Timing {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
	return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]!, runs: sorted.length };
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

export const machine = () => `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`;

export const ms = (value: number) => `${value.toFixed(0)} ms`;
