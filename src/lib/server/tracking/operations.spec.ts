import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { activityKey, syncCatalog } from '../courses/catalog';
import { lessonModule, testCourse } from '../courses/test-courses';
import { openDatabase, type Db } from '../db/open';
import { hashPassword } from '../auth/password';
import { insertUser, type User } from '../users/service';
import { z } from 'zod';
import { applyOnce, isOwnOperation, OPERATION_ID, pruneAppliedOperations, queuedFields, REPLAY_WINDOW_MS } from './operations';
import { MAX_HEARTBEAT_CREDIT_MS, recordHeartbeat, type Heartbeat } from './reading';
import { openAttempt } from './record';
import { getTracking } from './service';

const T0 = Date.UTC(2025, 2, 1, 8);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

let passwordHash: string;
beforeAll(async () => {
	passwordHash = await hashPassword('hoa sen trong đầm');
});

let db: Db;
let lan: User;
let hoa: User;
let activity: number;

beforeEach(() => {
	db = openDatabase(':memory:');
	lan = insertUser(db, { username: 'lan', displayName: 'Lan', password: '', role: 'learner' }, passwordHash);
	hoa = insertUser(db, { username: 'hoa', displayName: 'Hoa', password: '', role: 'learner' }, passwordHash);
	const ids = syncCatalog(db, [testCourse([lessonModule('mot', 1)])], T0);
	activity = ids.get(activityKey('khoa-thu', 'mot', 'lesson'))!;
});

const beat = (partial: Partial<Heartbeat>): Heartbeat => ({ activeMs: 0, location: null, reachedEnd: false, ...partial });

/** A queued beat delivered through applyOnce, as the heartbeat endpoint does. */
function deliver(user: User, op: string, partial: Partial<Heartbeat>, now: number) {
	return applyOnce(db, user.id, op, 'heartbeat', () => recordHeartbeat(db, user.id, activity, beat(partial), now).totalTimeMs, now);
}

describe('applyOnce', () => {
	it('applies an operation once; a second delivery returns the first answer and writes nothing', () => {
		let runs = 0;
		const first = applyOnce(db, lan.id, 'op-00000001', 'test', () => ({ n: ++runs }), T0);
		const again = applyOnce(db, lan.id, 'op-00000001', 'test', () => ({ n: ++runs }), T0 + SECOND);
		expect(first).toEqual({ result: { n: 1 }, replayed: false });
		expect(again).toEqual({ result: { n: 1 }, replayed: true });
		expect(runs).toBe(1);
		expect(db.prepare('SELECT count(*) AS n FROM applied_operation').get()).toEqual({ n: 1 });
	});

	it("keeps learners' ids apart", () => {
		applyOnce(db, lan.id, 'op-00000001', 'test', () => 'lan', T0);
		expect(applyOnce(db, hoa.id, 'op-00000001', 'test', () => 'hoa', T0)).toEqual({ result: 'hoa', replayed: false });
	});

	it('records nothing when the change fails, so the next delivery applies it', () => {
		expect(() =>
			applyOnce(db, lan.id, 'op-00000001', 'test', () => {
				openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
				throw new Error('disk full');
			})
		).toThrow('disk full');
		expect(getTracking(db, lan.id, activity)).toBeNull();
		expect(applyOnce(db, lan.id, 'op-00000001', 'test', () => 'applied', T0).replayed).toBe(false);
	});

	it('accepts the ids browsers make and nothing odd', () => {
		expect(OPERATION_ID.test(crypto.randomUUID())).toBe(true);
		expect(OPERATION_ID.test('short')).toBe(false);
		expect(OPERATION_ID.test("x'; DROP TABLE user; --")).toBe(false);
	});
});

describe('whose operation', () => {
	it('a queued operation is applied only as the learner who made it; a live request has no owner to check', () => {
		expect(isOwnOperation('lan', { op: 'op-00000001', learner: 'lan' })).toBe(true);
		expect(isOwnOperation('lan', { op: 'op-00000001', learner: 'hoa' })).toBe(false);
		// an operation that does not say whose it is is nobody's
		expect(isOwnOperation('lan', { op: 'op-00000001' })).toBe(false);
		expect(isOwnOperation('lan', {})).toBe(true);
	});
});

describe('the replay window', () => {
	it('forgets operations applied more than 30 days ago and keeps the rest', () => {
		applyOnce(db, lan.id, 'op-00000001', 'test', () => 'old', T0);
		applyOnce(db, lan.id, 'op-00000002', 'test', () => 'recent', T0 + 20 * 24 * 60 * MINUTE);
		expect(pruneAppliedOperations(db, T0 + REPLAY_WINDOW_MS + SECOND)).toBe(1);
		const left = db.prepare('SELECT op_id FROM applied_operation').all();
		expect(left).toEqual([{ op_id: 'op-00000002' }]);
	});

	it('refuses an operation queued longer than the window, so a pruned one cannot be applied twice', () => {
		const schema = z.object(queuedFields);
		expect(schema.safeParse({ op: 'op-00000001', learner: 'lan', queuedForMs: REPLAY_WINDOW_MS }).success).toBe(true);
		expect(schema.safeParse({ op: 'op-00000001', learner: 'lan', queuedForMs: REPLAY_WINDOW_MS + 1 }).success).toBe(false);
	});
});

describe('queued heartbeats', () => {
	it('a beat delivered twice credits its time once', () => {
		openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
		recordHeartbeat(db, lan.id, activity, beat({ activeMs: 30 * SECOND }), T0 + 30 * SECOND);
		const first = deliver(lan, 'beat-0000001', { activeMs: 30 * SECOND, queuedForMs: 5 * MINUTE }, T0 + 10 * MINUTE);
		const again = deliver(lan, 'beat-0000001', { activeMs: 30 * SECOND, queuedForMs: 5 * MINUTE }, T0 + 11 * MINUTE);
		expect(first.result).toBe(60 * SECOND);
		expect(again).toEqual({ result: 60 * SECOND, replayed: true });
		expect(getTracking(db, lan.id, activity)!.totalTimeMs).toBe(60 * SECOND);
	});

	it('beats read offline and replayed together each credit their own time, within the wall clock', () => {
		openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
		recordHeartbeat(db, lan.id, activity, beat({ activeMs: 30 * SECOND }), T0 + 30 * SECOND);
		// offline from T0 + 30 s: a beat every 30 s for 20 minutes, sent at T0 + 1 h in one burst
		const arrival = T0 + 60 * MINUTE;
		for (let i = 1; i <= 40; i++) {
			const takenAt = T0 + 30 * SECOND + i * 30 * SECOND;
			recordHeartbeat(db, lan.id, activity, beat({ activeMs: 30 * SECOND, queuedForMs: arrival - takenAt }), arrival + i);
		}
		expect(getTracking(db, lan.id, activity)!.totalTimeMs).toBe(30 * SECOND + 20 * MINUTE);
	});

	it('a queued beat claiming more than the time since the previous one gets only that time', () => {
		openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
		recordHeartbeat(db, lan.id, activity, beat({ activeMs: 30 * SECOND }), T0 + 30 * SECOND);
		// taken at T0 + 40 s, claiming five minutes
		recordHeartbeat(db, lan.id, activity, beat({ activeMs: 5 * MINUTE, queuedForMs: 20 * MINUTE }), T0 + 40 * SECOND + 20 * MINUTE);
		expect(getTracking(db, lan.id, activity)!.totalTimeMs).toBe(40 * SECOND);
	});

	it('a queued beat older than time already credited credits nothing', () => {
		openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
		recordHeartbeat(db, lan.id, activity, beat({ activeMs: 30 * SECOND }), T0 + 10 * MINUTE);
		recordHeartbeat(db, lan.id, activity, beat({ activeMs: 30 * SECOND, queuedForMs: 5 * MINUTE }), T0 + 11 * MINUTE);
		const row = getTracking(db, lan.id, activity)!;
		expect(row.totalTimeMs).toBe(30 * SECOND);
		// and the credit anchor does not move back
		expect(row.lastHeartbeatAt).toBe(T0 + 10 * MINUTE);
	});

	it('a lesson read only offline (opened from the download) is credited, capped per beat', () => {
		recordHeartbeat(db, lan.id, activity, beat({ activeMs: 30 * SECOND, queuedForMs: 2 * MINUTE }), T0);
		recordHeartbeat(db, lan.id, activity, beat({ activeMs: MINUTE * 60, queuedForMs: MINUTE }), T0);
		// the second beat was taken one minute after the first: one minute, not an hour
		expect(getTracking(db, lan.id, activity)!.totalTimeMs).toBe(30 * SECOND + MINUTE);
		recordHeartbeat(db, hoa.id, activity, beat({ activeMs: 60 * MINUTE, queuedForMs: MINUTE }), T0);
		expect(getTracking(db, hoa.id, activity)!.totalTimeMs).toBe(MAX_HEARTBEAT_CREDIT_MS);
	});

	it('never credits time after now, whatever age the browser claims', () => {
		openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
		recordHeartbeat(db, lan.id, activity, beat({ activeMs: 30 * SECOND }), T0 + 30 * SECOND);
		recordHeartbeat(db, lan.id, activity, beat({ activeMs: 30 * SECOND, queuedForMs: -10 * MINUTE }), T0 + 40 * SECOND);
		expect(getTracking(db, lan.id, activity)!.totalTimeMs).toBe(40 * SECOND);
	});
});
