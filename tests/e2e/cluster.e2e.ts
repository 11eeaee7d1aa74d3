// Serving with every core (scripts/cluster.js, docs/operations.md#several-cores), against the
// built server; no browser.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, scratchDatabase, startServer } from '../../scripts/bench/harness';

const commandLine = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');

/**
 * Starts a two-worker cluster once for each environment, waits for its three processes, checks that
 * it answers, and hands the processes to `check`; stops it whatever happens.
 */
async function withEachCluster(envs: NodeJS.ProcessEnv[], check: (i: number, p: { url: string; primary: number; workers: number[] }) => Promise<void>) {
	const scratch = scratchDatabase();
	try {
		for (const [i, env] of envs.entries()) {
			const server = await startServer(scratch, { workers: 2, env });
			try {
				// the second worker starts once the first listens
				await expect.poll(() => server.pids().length, { timeout: 10_000 }).toBe(3);
				const [primary, ...workers] = server.pids();
				const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${server.url}/healthz`)));
				expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
				await check(i, { url: server.url, primary: primary!, workers });
			} finally {
				await server.stop();
			}
		}
	} finally {
		scratch.remove();
	}
}

test('two workers share the port, each with the heap growth limit unless HEAP_GROWTH_PERCENT=0', async () => {
	test.setTimeout(60_000);
	const flags = ['--heap-growing-percent=25', null];
	await withEachCluster([{}, { HEAP_GROWTH_PERCENT: '0' }], async (i, { primary, workers }) => {
		for (const pid of workers) {
			const args = commandLine(pid);
			if (flags[i]) expect(args).toContain(flags[i]);
			else expect(args.some((a) => a.startsWith('--heap-growing-percent'))).toBe(false);
		}
		expect(commandLine(primary).some((a) => a.startsWith('--heap-growing-percent'))).toBe(false);
	});
});

/** The processes holding the socket that listens on `port` (from /proc/net/tcp and each one's open files). */
function listeners(port: number, pids: number[]): number[] {
	const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
	const inodes = new Set(
		readFileSync('/proc/net/tcp', 'utf8')
			.split('\n')
			.slice(1)
			.map((line) => line.trim().split(/\s+/))
			// local address ip:port, state 0A = LISTEN, inode in the tenth column
			.filter((cols) => cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A')
			.map((cols) => `socket:[${cols[9]}]`)
	);
	return pids.filter((pid) => readdirSync(`/proc/${pid}/fd`).some((fd) => inodes.has(readlinkOrEmpty(`/proc/${pid}/fd/${fd}`))));
}

function readlinkOrEmpty(path: string): string {
	try {
		return readlinkSync(path);
	} catch {
		return ''; // closed meanwhile
	}
}

test('each worker accepts its own connections from the shared socket unless NODE_CLUSTER_SCHED_POLICY=rr', async () => {
	test.setTimeout(60_000);
	await withEachCluster([{}, { NODE_CLUSTER_SCHED_POLICY: 'rr' }], async (i, { url, primary, workers }) => {
		const port = Number(new URL(url).port);
		// polled: the second worker is given the socket once its server starts listening;
		// round robin: only the primary accepts, then passes each connection on
		await expect
			.poll(() => listeners(port, [primary, ...workers]).sort(), { timeout: 10_000 })
			.toEqual((i === 0 ? [primary, ...workers] : [primary]).sort());
	});
});

test('a wrong HEAP_GROWTH_PERCENT or WORKERS stops the start with a message', () => {
	for (const env of [{ HEAP_GROWTH_PERCENT: 'nhiều' }, { WORKERS: '0' }]) {
		const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'cluster.js')], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 10_000 });
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/HEAP_GROWTH_PERCENT|WORKERS/);
	}
});
