// The mechanism, not its timing: while another connection holds the write lock, a write turn
// waits with the event loop running (timers fire, so the holder in this same thread can commit),
// runs its work once the lock is free, and keeps the all-or-nothing of the transactions inside.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storageTrouble } from './errors';
import type { Db } from './open';
import { waitBrieflyForWriteLock } from './write-lock';
import { inWriteTurn } from './write-turn';

let dir: string;
let holder: Db;
let db: Db;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'taphuan-write-turn-'));
	const path = join(dir, 'test.db');
	holder = new Database(path);
	holder.pragma('journal_mode = WAL');
	holder.exec('CREATE TABLE t (x INTEGER)');
	db = new Database(path);
	db.pragma('busy_timeout = 5000');
	// as the server's connection is opened (./open.ts): the services' transactions wait so
	waitBrieflyForWriteLock(db);
});

afterEach(() => {
	db.close();
	holder.close();
	rmSync(dir, { recursive: true, force: true });
});

const rows = () => holder.prepare('SELECT x FROM t ORDER BY x').pluck().all();
const busyTimeout = () => db.pragma('busy_timeout', { simple: true });

describe('inWriteTurn', () => {
	it('waits for the other writer with the event loop running, then runs the work once and commits', async () => {
		holder.exec('BEGIN IMMEDIATE; INSERT INTO t VALUES (1)');
		let runs = 0;
		const turn = inWriteTurn(db, () => {
			runs++;
			db.prepare('INSERT INTO t VALUES (2)').run();
			return 'saved';
		});
		// a wait that blocked the thread would never let this timer fire: the holder could not
		// commit, and the turn would give up after busy_timeout
		await new Promise((done) => setTimeout(done, 20));
		expect(runs).toBe(0);
		holder.exec('COMMIT');
		await expect(turn).resolves.toBe('saved');
		expect(runs).toBe(1);
		expect(rows()).toEqual([1, 2]);
		expect(db.inTransaction).toBe(false);
		expect(busyTimeout()).toBe(5000);
	});

	it("makes the services' own transactions part of it: a failure after them leaves nothing", async () => {
		const service = db.transaction(() => db.prepare('INSERT INTO t VALUES (3)').run());
		await expect(
			inWriteTurn(db, () => {
				service.immediate();
				expect(db.inTransaction).toBe(true);
				throw new Error('the grading failed');
			})
		).rejects.toThrow('the grading failed');
		expect(rows()).toEqual([]);
		expect(db.inTransaction).toBe(false);
		// and the connection writes as before
		await inWriteTurn(db, () => service.immediate());
		expect(rows()).toEqual([3]);
	});

	it('gives up after busy_timeout with the BUSY error the server answers 503, changing nothing', async () => {
		holder.exec('BEGIN IMMEDIATE; INSERT INTO t VALUES (1)');
		let clock = 0;
		const waits: number[] = [];
		const error = await inWriteTurn(db, () => db.prepare('INSERT INTO t VALUES (2)').run(), {
			now: () => clock,
			wait: async (ms) => {
				waits.push(ms);
				clock += 1000;
			}
		}).catch((e: unknown) => e);
		expect(storageTrouble(error)).toBe('busy');
		expect(waits).toEqual([1, 1, 1, 1, 1]);
		holder.exec('COMMIT');
		expect(rows()).toEqual([1]);
		expect(db.inTransaction).toBe(false);
		expect(busyTimeout()).toBe(5000);
	});

	it('inside a transaction already, the work simply runs in it', async () => {
		db.exec('BEGIN');
		await inWriteTurn(db, () => db.prepare('INSERT INTO t VALUES (4)').run());
		expect(db.inTransaction).toBe(true);
		db.exec('ROLLBACK');
		expect(rows()).toEqual([]);
	});
});
