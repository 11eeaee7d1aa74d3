// Slows down password guessing. Failures are counted per key (an account, an address) in SQLite,
// so the limit holds across restarts and across server processes.
import type { Db } from '../db/open';

export interface ThrottlePolicy {
	/** failures allowed inside the window before the key is locked */
	maxFailures: number;
	windowMs: number;
	/** first lock length; doubles with each further failure, up to maxLockMs */
	lockMs: number;
	maxLockMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = {
	maxFailures: 5,
	windowMs: 15 * 60_000,
	lockMs: 60_000,
	maxLockMs: 15 * 60_000
};

// Generous: a training hall or a commune office puts many people behind one address, and a
// reverse proxy without ADDRESS_HEADER puts everyone behind one. Accounts are the real guard.
export const ADDRESS_POLICY: ThrottlePolicy = {
	maxFailures: 100,
	windowMs: 15 * 60_000,
	lockMs: 5 * 60_000,
	maxLockMs: 30 * 60_000
};

interface ThrottleRow {
	failures: number;
	window_started_at: number;
	locked_until: number;
}

/** Milliseconds until the first of these keys may try again; 0 when none is locked. */
export function retryAfterMs(db: Db, keys: string[], now = Date.now()): number {
	let wait = 0;
	const select = db.prepare('SELECT locked_until FROM throttle WHERE key = ?');
	for (const key of keys) {
		const row = select.get(key) as { locked_until: number } | undefined;
		if (row && row.locked_until > now) wait = Math.max(wait, row.locked_until - now);
	}
	return wait;
}

export function recordFailure(db: Db, key: string, policy: ThrottlePolicy, now = Date.now()): void {
	db.transaction(() => {
		const row = db
			.prepare('SELECT failures, window_started_at, locked_until FROM throttle WHERE key = ?')
			.get(key) as ThrottleRow | undefined;
		const fresh = !row || now - row.window_started_at > policy.windowMs;
		const failures = fresh ? 1 : row.failures + 1;
		const windowStart = fresh ? now : row.window_started_at;
		let lockedUntil = fresh ? 0 : row.locked_until;
		if (failures >= policy.maxFailures) {
			const doublings = failures - policy.maxFailures;
			lockedUntil = now + Math.min(policy.lockMs * 2 ** doublings, policy.maxLockMs);
		}
		db.prepare(
			`INSERT INTO throttle (key, failures, window_started_at, locked_until) VALUES (?, ?, ?, ?)
			 ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,
			   window_started_at = excluded.window_started_at, locked_until = excluded.locked_until`
		).run(key, failures, windowStart, lockedUntil);
	}).immediate();
}

/** Takes back one failure recorded in advance for an attempt that turned out to succeed. */
export function forgiveFailure(db: Db, key: string, policy: ThrottlePolicy): void {
	db.prepare(
		`UPDATE throttle SET failures = max(failures - 1, 0),
		   locked_until = CASE WHEN failures - 1 < ? THEN 0 ELSE locked_until END
		 WHERE key = ?`
	).run(policy.maxFailures, key);
}

export function clearFailures(db: Db, key: string): void {
	db.prepare('DELETE FROM throttle WHERE key = ?').run(key);
}
