// `npm run bench:lock`: two processes write to one SQLite file in turns, as the cluster's two
// workers do during an exam's submissions, and each measures how long its BEGIN IMMEDIATE waited
// for the other's lock: with SQLite's busy handler (busy_timeout alone: sleeps of 1, 2, 5 … 100 ms)
// and with src/lib/server/db/write-lock.ts (tries again after 0.1 to 1 ms). The time waited is time
// the worker served nothing: its one thread is blocked.
//   --transactions N   per process (default 400)   --hold-ms N   the lock held per transaction (default 0.5)
//   --runs N           alternate runs of each way (default 3)
import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { waitBrieflyForWriteLock } from '$lib/server/db/write-lock';

type Way = 'sqlite' | 'short';
interface Waited {
	p50: number;
	p95: number;
	max: number;
	total: number;
}

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { transactions: { type: 'string', default: '400' }, 'hold-ms': { type: 'string', default: '0.5' }, runs: { type: 'string', default: '3' } }
});
const transactions = Number(values.transactions);
const holdMs = Number(values['hold-ms']);

/** Keeps the CPU busy for `ms`, as a transaction's own work does while it holds the lock. */
const work = (ms: number) => {
	const end = performance.now() + ms;
	while (performance.now() < end);
};

function writer(path: string, way: Way): Waited {
	const db = new Database(path);
	db.pragma('busy_timeout = 5000');
	db.pragma('synchronous = NORMAL');
	if (way === 'short') waitBrieflyForWriteLock(db);
	const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
	const waits: number[] = [];
	for (let i = 0; i < transactions; i++) {
		const asked = performance.now();
		let got = 0;
		db.transaction(() => {
			got = performance.now();
			insert.run(i);
			work(holdMs);
		}).immediate();
		waits.push(got - asked);
		// the rest of a request, outside the transaction
		work(Math.random() * 2 * holdMs);
	}
	db.close();
	waits.sort((a, b) => a - b);
	const at = (q: number) => waits[Math.min(waits.length - 1, Math.floor(q * waits.length))]!;
	return { p50: at(0.5), p95: at(0.95), max: at(1), total: waits.reduce((a, b) => a + b, 0) };
}

if (positionals[0] === 'writer') {
	process.send!(writer(positionals[1]!, positionals[2] as Way));
} else {
	const dir = mkdtempSync(join(tmpdir(), 'taphuan-lock-'));
	const rows: string[] = [];
	try {
		for (let run = 0; run < Number(values.runs); run++) {
			for (const way of ['sqlite', 'short'] as const) {
				const path = join(dir, `${way}-${run}.db`);
				const setup = new Database(path);
				setup.pragma('journal_mode = WAL');
				setup.exec('CREATE TABLE t (x INTEGER)');
				setup.close();
				const began = performance.now();
				const both = await Promise.all(
					[0, 1].map(
						() =>
							new Promise<Waited>((done, fail) => {
								const child = fork(process.argv[1]!, ['writer', path, way, ...process.argv.slice(2)]);
								child.once('message', (m) => done(m as Waited));
								child.once('error', fail);
							})
					)
				);
				const wall = performance.now() - began;
				const f = (ms: number) => ms.toFixed(ms < 10 ? 2 : 0);
				rows.push(
					`| ${run + 1} | ${way === 'sqlite' ? "SQLite's busy handler" : 'short pauses (write-lock.ts)'} | ${both.map((w) => f(w.p95)).join(' / ')} | ${both.map((w) => f(w.max)).join(' / ')} | ${f(both[0]!.total + both[1]!.total)} | ${f(wall)} |`
				);
			}
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	console.log(`Two processes, ${transactions} write transactions each holding the lock ${holdMs} ms; time each BEGIN IMMEDIATE waited (ms):`);
	console.log('');
	console.log('| run | waiting | p95 (each process) | longest (each) | waited in all | wall time |');
	console.log('| ---: | --- | ---: | ---: | ---: | ---: |');
	for (const row of rows) console.log(row);
}
