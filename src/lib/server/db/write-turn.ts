// A request's write, run when the database's write lock is free, without stopping the process
// while another process holds it. With several server processes (the cluster), a transaction
// that finds the lock taken waits for it (./write-lock.ts) inside the one thread that serves
// every request of its process: while the other process writes, or is descheduled holding the
// lock, nothing else of this process moves. On exam day both write hundreds of times a second;
// with the turn, the cluster's submissions (p95, 1,000 within 3 s) had a median of 176 ms over
// seven runs against 293 ms over three before: a modest gain (docs/BENCHMARKS.md, "Exam day,
// fourth part"). Per write it costs what the wait in ./write-lock.ts costs (about 28 µs).
//
// `inWriteTurn` takes the lock first: BEGIN IMMEDIATE is tried without waiting and, while another
// connection writes, tried again after the event loop has run (every millisecond): the process
// renders pages and reads answers meanwhile. Once the lock is held, the work runs synchronously
// and commits, as any transaction here does; the services' own transactions inside it become
// savepoints of this one (better-sqlite3 nests them), so they keep their all-or-nothing.
import type { Db } from './open';

export interface WriteTurnOptions {
	/** resolves after about `ms`, letting the event loop run meanwhile */
	wait?: (ms: number) => Promise<void>;
	/** a clock in milliseconds */
	now?: () => number;
}

const RETRY_MS = 1;

const nextTry = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** The connection's busy_timeout, read once: the limit of a turn's wait, as of every other wait. */
const busyTimeouts = new WeakMap<Db, number>();

function busyTimeoutOf(db: Db): number {
	let ms = busyTimeouts.get(db);
	if (ms === undefined) busyTimeouts.set(db, (ms = db.pragma('busy_timeout', { simple: true }) as number));
	return ms;
}

/** BEGIN IMMEDIATE without SQLite's busy handler (which would sleep, blocking the thread):
 * true when the lock is now held; the BUSY error when another connection holds it. */
function tryBegin(db: Db, busyTimeoutMs: number): true | Error {
	// PRAGMA busy_timeout takes effect when compiled, so it goes through exec (./write-lock.ts)
	db.exec('PRAGMA busy_timeout = 0');
	try {
		db.exec('BEGIN IMMEDIATE');
		return true;
	} catch (error) {
		if ((error as { code?: string }).code === 'SQLITE_BUSY') return error as Error;
		throw error;
	} finally {
		db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
	}
}

/**
 * Runs `work` (synchronous) as one write transaction once the write lock is this connection's,
 * waiting for it without blocking the event loop, at most the connection's busy_timeout; then
 * the SQLITE_BUSY error is thrown, which the server answers "busy, try again" (./errors.ts).
 * A failure of `work` or of COMMIT rolls everything back and is thrown.
 */
export async function inWriteTurn<T>(db: Db, work: () => T, { wait = nextTry, now = () => performance.now() }: WriteTurnOptions = {}): Promise<T> {
	// inside a transaction already (a test's, or a caller's): the work is part of it
	if (db.inTransaction) return work();
	const busyTimeoutMs = busyTimeoutOf(db);
	const giveUpAt = now() + busyTimeoutMs;
	for (;;) {
		const begun = tryBegin(db, busyTimeoutMs);
		if (begun === true) break;
		if (now() >= giveUpAt) throw begun;
		await wait(RETRY_MS);
	}
	try {
		const result = work();
		if (result instanceof Promise) throw new Error('the work of a write turn must be synchronous: the lock is not held across an await');
		db.exec('COMMIT');
		return result;
	} catch (error) {
		if (db.inTransaction) db.exec('ROLLBACK');
		throw error;
	}
}
