import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import {
	ACCOUNT_POLICY,
	ADDRESS_POLICY,
	clearFailures,
	recordFailure,
	retryAfterMs,
	type ThrottlePolicy
} from './throttle';

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 0, 1);
const POLICY: ThrottlePolicy = {
	maxFailures: 3,
	windowMs: 10 * MINUTE,
	lockMs: MINUTE,
	maxLockMs: 4 * MINUTE
};

interface ThrottleRow {
	key: string;
	failures: number;
	window_started_at: number;
	locked_until: number;
}

function row(db: Db, key: string): ThrottleRow | undefined {
	return db.prepare('SELECT * FROM throttle WHERE key = ?').get(key) as ThrottleRow | undefined;
}

let db: Db;
beforeEach(() => {
	db = openDatabase(':memory:');
});

describe('throttle', () => {
	it('lets a key try freely below maxFailures', () => {
		recordFailure(db, 'k', POLICY, T0);
		recordFailure(db, 'k', POLICY, T0 + 1000);
		expect(retryAfterMs(db, ['k'], T0 + 1000)).toBe(0);
		expect(row(db, 'k')).toEqual({ key: 'k', failures: 2, window_started_at: T0, locked_until: 0 });
	});

	it('locks the key for lockMs at maxFailures within the window', () => {
		recordFailure(db, 'k', POLICY, T0);
		recordFailure(db, 'k', POLICY, T0 + 1000);
		recordFailure(db, 'k', POLICY, T0 + 2000);
		expect(row(db, 'k')!.locked_until).toBe(T0 + 2000 + MINUTE);
		expect(retryAfterMs(db, ['k'], T0 + 2000)).toBe(MINUTE);
		expect(retryAfterMs(db, ['k'], T0 + 2000 + MINUTE - 1)).toBe(1);
		expect(retryAfterMs(db, ['k'], T0 + 2000 + MINUTE)).toBe(0);
	});

	it('doubles the lock with each further failure, up to maxLockMs', () => {
		let now = T0;
		const locks: number[] = [];
		for (let i = 1; i <= 6; i++) {
			recordFailure(db, 'k', POLICY, now);
			locks.push(retryAfterMs(db, ['k'], now));
			// the next attempt comes when the lock has run out
			now += Math.max(locks.at(-1)!, 1000);
		}
		expect(locks).toEqual([0, 0, MINUTE, 2 * MINUTE, 4 * MINUTE, 4 * MINUTE]);
		expect(row(db, 'k')!.failures).toBe(6);
	});

	it('starts counting afresh once the window has passed', () => {
		recordFailure(db, 'k', POLICY, T0);
		recordFailure(db, 'k', POLICY, T0 + MINUTE);
		const later = T0 + POLICY.windowMs + 1;
		recordFailure(db, 'k', POLICY, later);
		expect(row(db, 'k')).toEqual({ key: 'k', failures: 1, window_started_at: later, locked_until: 0 });
		recordFailure(db, 'k', POLICY, later + 1000);
		expect(retryAfterMs(db, ['k'], later + 1000)).toBe(0);
		recordFailure(db, 'k', POLICY, later + 2000);
		expect(retryAfterMs(db, ['k'], later + 2000)).toBe(MINUTE);
	});

	it('forgets an old lock when a new window starts', () => {
		for (let i = 0; i < 3; i++) recordFailure(db, 'k', POLICY, T0);
		const later = T0 + POLICY.windowMs + 1;
		recordFailure(db, 'k', POLICY, later);
		expect(row(db, 'k')!.locked_until).toBe(0);
	});

	it('clearFailures removes the key’s record', () => {
		for (let i = 0; i < 3; i++) recordFailure(db, 'k', POLICY, T0);
		recordFailure(db, 'other', POLICY, T0);
		clearFailures(db, 'k');
		expect(row(db, 'k')).toBeUndefined();
		expect(retryAfterMs(db, ['k'], T0)).toBe(0);
		expect(row(db, 'other')!.failures).toBe(1);
		// counting starts from one again
		recordFailure(db, 'k', POLICY, T0 + 1000);
		expect(row(db, 'k')!.failures).toBe(1);
	});

	it('keeps keys apart and reports the longest wait among several', () => {
		for (let i = 0; i < 3; i++) recordFailure(db, 'a', POLICY, T0);
		for (let i = 0; i < 4; i++) recordFailure(db, 'b', POLICY, T0);
		expect(retryAfterMs(db, ['a'], T0)).toBe(MINUTE);
		expect(retryAfterMs(db, ['b'], T0)).toBe(2 * MINUTE);
		expect(retryAfterMs(db, ['a', 'b', 'unknown'], T0)).toBe(2 * MINUTE);
		expect(retryAfterMs(db, ['unknown'], T0)).toBe(0);
	});

	it('has stricter limits per account than per address', () => {
		expect(ACCOUNT_POLICY.maxFailures).toBe(5);
		expect(ADDRESS_POLICY.maxFailures).toBe(100);
		for (const policy of [ACCOUNT_POLICY, ADDRESS_POLICY]) {
			expect(policy.lockMs).toBeLessThanOrEqual(policy.maxLockMs);
		}
	});
});
