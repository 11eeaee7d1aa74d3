// `npm run bench:sync`: what `PRAGMA synchronous = FULL` costs against NORMAL in WAL mode, per
// small write transaction (an autosave's size), on the disk that holds the temporary folder.
// Options: --commits N per round (default 2000), --rounds N (default 3; the settings alternate).
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machine, summarise } from './harness';

const { values } = parseArgs({ options: { commits: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '3' } } });
const commits = Number(values.commits);
const rounds = Number(values.rounds);
const SETTINGS = ['NORMAL', 'FULL'] as const;

/** Microseconds per commit of `commits` one-row upserts, each in its own IMMEDIATE transaction. */
function timeCommits(dir: string, synchronous: (typeof SETTINGS)[number], round: number): number[] {
	const db = new Database(join(dir, `${synchronous}-${round}.db`));
	db.pragma('journal_mode = WAL');
	db.pragma(`synchronous = ${synchronous}`);
	db.exec('CREATE TABLE answer (attempt_id INTEGER, question_id TEXT, response TEXT, saved_at INTEGER, PRIMARY KEY (attempt_id, question_id)) WITHOUT ROWID');
	const upsert = db.prepare(
		`INSERT INTO answer VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET response = excluded.response, saved_at = excluded.saved_at`
	);
	const save = db.transaction((i: number) => upsert.run(i % 500, `q-${i % 10}`, JSON.stringify({ choices: ['a', 'c'], text: 'x'.repeat(120) }), i));
	const samples: number[] = [];
	for (let i = 0; i < commits; i++) {
		const started = process.hrtime.bigint();
		save.immediate(i);
		samples.push(Number(process.hrtime.bigint() - started) / 1000);
	}
	db.close();
	return samples;
}

const dir = mkdtempSync(join(tmpdir(), 'taphuan-sync-'));
try {
	const samples: Record<string, number[]> = { NORMAL: [], FULL: [] };
	for (let round = 0; round < rounds; round++) {
		for (const setting of SETTINGS) samples[setting]!.push(...timeCommits(dir, setting, round));
	}
	console.log(`synchronous in WAL mode, ${rounds} × ${commits} one-row write transactions each; ${tmpdir()}; ${machine()}; ${new Date().toISOString().slice(0, 10)}`);
	console.log('');
	console.log('| synchronous | p50 per commit | p95 | max | commits/s |');
	console.log('| --- | ---: | ---: | ---: | ---: |');
	for (const setting of SETTINGS) {
		const all = samples[setting]!;
		const timing = summarise(all);
		const perSecond = (all.length / all.reduce((a, b) => a + b, 0)) * 1e6;
		const us = (v: number) => `${v.toFixed(0)} µs`;
		console.log(`| ${setting} | ${us(timing.p50)} | ${us(timing.p95)} | ${us(timing.max)} | ${perSecond.toFixed(0)} |`);
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}
