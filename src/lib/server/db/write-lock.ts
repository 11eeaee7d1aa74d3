// Waiting for another process's write lock, briefly and often, instead of SQLite's way.
// With busy_timeout, a BEGIN IMMEDIATE that finds the lock taken sleeps 1, 2, 5, 10, 15, 20, 25,
// 25, 25, 50, 50, 100, 100… ms between tries, inside the one thread that serves every request. A
// server process's write transaction holds the lock for about a millisecond, so a second server
// process slept tens of milliseconds for a lock free after one, served nothing meanwhile, and
// often found it taken again when it woke: in the exam-day benchmark the cluster's submissions
// waited 1.5 s (p95) where one process answered in 85 ms (docs/BENCHMARKS.md, "Exam day").
// Here BEGIN IMMEDIATE is tried with busy_timeout 0 and, while another connection writes, tried
// again after a pause of a tenth of a millisecond, growing to a millisecond: a waiter gets the
// lock within about a millisecond of its release. Everything else (statements outside
// transactions, reads, COMMIT) keeps busy_timeout; the whole wait keeps its limit, after which
// the SQLITE_BUSY error reaches the user as "busy, try again" (./errors.ts).
import type { Db } from './open';

export interface WriteLockWait {
	/** blocks for about `ms` milliseconds */
	pause?: (ms: number) => void;
	/** a clock in milliseconds */
	now?: () => number;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Blocks the thread for `ms` (fractions allowed) without spinning the CPU. */
export const pauseThread = (ms: number) => void Atomics.wait(sleeper, 0, 0, ms);

const FIRST_PAUSE_MS = 0.1;
const LONGEST_PAUSE_MS = 1;

type AnyFunction = (...args: never[]) => unknown;

/**
 * Makes `db.transaction(fn).immediate(...)` wait for the write lock as described above, at most
 * the connection's busy_timeout (set before this is called). A nested
 * call is a savepoint of the transaction already holding the lock and runs as before; a failure
 * of `fn` itself (SQLITE_BUSY included) is never retried, since it may have done other work.
 */
export function waitBrieflyForWriteLock(db: Db, { pause = pauseThread, now = () => performance.now() }: WriteLockWait = {}): void {
	const transaction = db.transaction.bind(db);
	// the wait keeps the connection's limit, as set before this is called
	const timeoutMs = db.pragma('busy_timeout', { simple: true }) as number;
	const busyTimeout = `PRAGMA busy_timeout = ${timeoutMs}`;
	// PRAGMA busy_timeout takes effect when compiled, so it is run with exec (compiled each time),
	// never as a statement prepared once
	db.transaction = ((fn: AnyFunction) => {
		/** BEGIN IMMEDIATE is being tried with busy_timeout 0 */
		let trying = false;
		const inner = transaction(function (this: unknown, ...args: never[]) {
			if (trying) {
				trying = false;
				// the lock is ours: what follows waits as usual
				db.exec(busyTimeout);
			}
			return fn.apply(this, args);
		});
		const immediate = (...args: never[]) => {
			if (db.inTransaction) return inner.immediate(...args);
			const giveUpAt = now() + timeoutMs;
			let wait = FIRST_PAUSE_MS;
			trying = true;
			db.exec('PRAGMA busy_timeout = 0');
			try {
				for (;;) {
					try {
						return inner.immediate(...args);
					} catch (error) {
						// not BEGIN's failure, another error, or waited long enough
						if (!trying || (error as { code?: string }).code !== 'SQLITE_BUSY' || now() >= giveUpAt) throw error;
					}
					pause(wait);
					wait = Math.min(LONGEST_PAUSE_MS, wait * 2);
				}
			} finally {
				if (trying) {
					trying = false;
					db.exec(busyTimeout);
				}
			}
		};
		const wrapped = (...args: never[]) => inner(...args);
		// the other variants (and `database`) as better-sqlite3 gives them
		for (const variant of ['default', 'deferred', 'exclusive', 'database']) {
			Object.defineProperty(wrapped, variant, { value: (inner as unknown as Record<string, unknown>)[variant] });
		}
		Object.defineProperty(wrapped, 'immediate', { value: immediate });
		return wrapped;
	}) as Db['transaction'];
}
