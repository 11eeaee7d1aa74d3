// The mechanism, not its timing: while another connection holds the write lock, BEGIN IMMEDIATE
// is retried after short pauses (never left to SQLite's busy handler, which sleeps ever longer),
// the transaction's own work runs once, and everything else keeps busy_timeout.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './open';
import { waitBrieflyForWriteLock } from './write-lock';

let dir: string;
let path: string;
let holder: Db;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'taphuan-write-lock-'));
	path = join(dir, 'test.db');
	holder = new Database(path);
	holder.pragma('journal_mode = WAL');
	holder.exec('CREATE TABLE t (x INTEGER)');
});

afterEach(() => {
	holder.close();
	rmSync(dir, { recursive: true, force: true });
});

/** A second connection whose pauses are recorded; `onPause` runs in each (here: the holder lets go). */
function waiter(onPause: (pauses: number[]) => void, now?: () => number) {
	const db = new Database(path);
	db.pragma('busy_timeout = 5000');
	const pauses: number[] = [];
	waitBrieflyForWriteLock(db, {
		now,
		pause: (ms) => {
			pauses.push(ms);
			onPause(pauses);
		}
	});
	return { db, pauses };
}

const busyTimeout = (db: Db) => db.pragma('busy_timeout', { simple: true });

describe('waitBrieflyForWriteLock', () => {
	it('retries BEGIN IMMEDIATE after short pauses until the other writer commits, then runs the work once', () => {
		holder.exec('BEGIN IMMEDIATE; INSERT INTO t VALUES (1)');
		// with SQLite's busy handler the first BEGIN would sleep here, and the holder (same
		// thread) could never commit: the test would hang for the whole busy_timeout
		const { db, pauses } = waiter((pauses) => {
			if (pauses.length === 3) holder.exec('COMMIT');
		});
		let runs = 0;
		const total = db
			.transaction(() => {
				runs++;
				// inside, the usual busy_timeout is back
				expect(busyTimeout(db)).toBe(5000);
				db.prepare('INSERT INTO t VALUES (2)').run();
				return db.prepare('SELECT sum(x) FROM t').pluck().get();
			})
			.immediate();
		expect(total).toBe(3);
		expect(runs).toBe(1);
		expect(pauses).toEqual([0.1, 0.2, 0.4]);
		expect(busyTimeout(db)).toBe(5000);
		db.close();
	});

	it('pauses at most a millisecond at a time', () => {
		holder.exec('BEGIN IMMEDIATE');
		const { db, pauses } = waiter((pauses) => {
			if (pauses.length === 8) holder.exec('COMMIT');
		});
		db.transaction(() => db.prepare('INSERT INTO t VALUES (1)').run()).immediate();
		expect(pauses).toEqual([0.1, 0.2, 0.4, 0.8, 1, 1, 1, 1]);
		db.close();
	});

	it('gives up with SQLITE_BUSY once the time is up, and keeps busy_timeout for the rest', () => {
		holder.exec('BEGIN IMMEDIATE');
		let clock = 0;
		const { db, pauses } = waiter(() => (clock += 2000), () => clock);
		expect(() => db.transaction(() => db.prepare('INSERT INTO t VALUES (1)').run()).immediate()).toThrow(
			expect.objectContaining({ code: 'SQLITE_BUSY' })
		);
		expect(pauses).toHaveLength(3);
		expect(busyTimeout(db)).toBe(5000);
		holder.exec('ROLLBACK');
		db.close();
	});

	it('does not retry the work when it fails, whatever the error', () => {
		const { db, pauses } = waiter(() => {});
		let runs = 0;
		const busy = Object.assign(new Error('busy inside'), { code: 'SQLITE_BUSY' });
		expect(() =>
			db
				.transaction(() => {
					runs++;
					db.prepare('INSERT INTO t VALUES (1)').run();
					throw busy;
				})
				.immediate()
		).toThrow(busy);
		expect(runs).toBe(1);
		expect(pauses).toEqual([]);
		expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
		expect(busyTimeout(db)).toBe(5000);
		db.close();
	});

	it('runs a nested transaction as a savepoint of the outer one', () => {
		const { db } = waiter(() => {});
		const inner = db.transaction(() => db.prepare('INSERT INTO t VALUES (1)').run());
		const outer = db.transaction(() => {
			inner.immediate();
			try {
				db.transaction(() => {
					db.prepare('INSERT INTO t VALUES (10)').run();
					throw new Error('undo this part');
				}).immediate();
			} catch {
				// the savepoint is rolled back, the outer transaction goes on
			}
			return db.prepare('SELECT sum(x) FROM t').pluck().get();
		});
		expect(outer.immediate()).toBe(1);
		expect(db.inTransaction).toBe(false);
		db.close();
	});
});
