import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { activityKey, syncCatalog } from '../courses/catalog';
import type { Course } from '../courses/loader';
import { lessonModule, testCourse } from '../courses/test-courses';
import { openDatabase, type Db } from '../db/open';
import { hashPassword } from '../auth/password';
import { insertUser, type User } from '../users/service';
import { MAX_HEARTBEAT_CREDIT_MS, recordHeartbeat, recordVisit, SAME_VISIT_MS, type Heartbeat } from './reading';
import { applyResult, openAttempt } from './record';
import { getTracking, getTrackingFor } from './service';

const T0 = Date.UTC(2025, 2, 1, 8);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const COURSE: Course = testCourse([lessonModule('mot', 1), lessonModule('hai', 2)]);

interface EventRow {
	user_id: number;
	activity_id: number | null;
	verb: string;
	result: string | null;
	created_at: number;
}

function events(db: Db, userId: number, verb?: string): EventRow[] {
	const rows = db
		.prepare(
			'SELECT user_id, activity_id, verb, result, created_at FROM learning_event WHERE user_id = ? ORDER BY id'
		)
		.all(userId) as EventRow[];
	return verb ? rows.filter((row) => row.verb === verb) : rows;
}

function beat(partial: Partial<Heartbeat>): Heartbeat {
	return { activeMs: 0, location: null, reachedEnd: false, ...partial };
}

// One argon2 hash for the whole file: users are inserted with it, which keeps the tests fast.
let passwordHash: string;
beforeAll(async () => {
	passwordHash = await hashPassword('hoa sen trong đầm');
});

let db: Db;
let lan: User;
let activity: number;
let otherActivity: number;

beforeEach(() => {
	db = openDatabase(':memory:');
	lan = insertUser(db, { username: 'lan', displayName: 'Lan', password: '', role: 'learner' }, passwordHash);
	const ids = syncCatalog(db, [COURSE], T0);
	activity = ids.get(activityKey('khoa-thu', 'mot', 'lesson'))!;
	otherActivity = ids.get(activityKey('khoa-thu', 'hai', 'lesson'))!;
});

describe('openAttempt', () => {
	it('starts the first attempt: incomplete, attempts 1, first and last access now', () => {
		const tracking = openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
		expect(tracking).toMatchObject({
			userId: lan.id,
			activityId: activity,
			completionStatus: 'incomplete',
			successStatus: 'unknown',
			attempts: 1,
			totalTimeMs: 0,
			location: null,
			firstAccessedAt: T0,
			lastAccessedAt: T0,
			completedAt: null,
			lastHeartbeatAt: null
		});
		expect(getTracking(db, lan.id, activity)).toEqual(tracking);
		expect(getTracking(db, lan.id, otherActivity)).toBeNull();
		expect(events(db, lan.id)).toEqual([
			{ user_id: lan.id, activity_id: activity, verb: 'launched', result: null, created_at: T0 }
		]);
	});

	it('on a later visit touches only the last access time', () => {
		openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
		const again = openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0 + HOUR);
		expect(again).toMatchObject({
			completionStatus: 'incomplete',
			attempts: 1,
			firstAccessedAt: T0,
			lastAccessedAt: T0 + HOUR
		});
		expect(events(db, lan.id, 'launched')).toHaveLength(2);
	});

	it('does not undo a completion', () => {
		applyResult(db, lan.id, activity, { completion: 'completed' }, T0);
		const again = openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0 + HOUR);
		expect(again.completionStatus).toBe('completed');
		expect(again.completedAt).toBe(T0);
	});
});

describe('recordVisit', () => {
	it('launches on the first visit', () => {
		expect(recordVisit(db, lan.id, activity, T0)).toMatchObject({ completionStatus: 'incomplete', lastAccessedAt: T0 });
		expect(events(db, lan.id, 'launched')).toHaveLength(1);
	});

	it('writes nothing when the page is opened again during the same visit', () => {
		recordVisit(db, lan.id, activity, T0);
		recordHeartbeat(db, lan.id, activity, beat({ activeMs: 30 * SECOND }), T0 + 5 * MINUTE);
		const before = getTracking(db, lan.id, activity);
		expect(recordVisit(db, lan.id, activity, T0 + 5 * MINUTE + SAME_VISIT_MS - 1)).toEqual(before);
		expect(getTracking(db, lan.id, activity)).toEqual(before);
		expect(events(db, lan.id, 'launched')).toHaveLength(1);
	});

	it('launches again once the visit is over', () => {
		recordVisit(db, lan.id, activity, T0);
		expect(recordVisit(db, lan.id, activity, T0 + SAME_VISIT_MS)).toMatchObject({ lastAccessedAt: T0 + SAME_VISIT_MS });
		expect(events(db, lan.id, 'launched')).toHaveLength(2);
	});
});

describe('recordHeartbeat', () => {
	it('credits the active time the browser reports', () => {
		openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
		const tracking = recordHeartbeat(db, lan.id, activity, beat({ activeMs: 30 * SECOND }), T0 + 30 * SECOND);
		expect(tracking.totalTimeMs).toBe(30 * SECOND);
		expect(tracking.lastAccessedAt).toBe(T0 + 30 * SECOND);
	});

	it('credits at most MAX_HEARTBEAT_CREDIT_MS after an hour, however much the browser claims', () => {
		expect(MAX_HEARTBEAT_CREDIT_MS).toBe(10 * 60 * SECOND);
		openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
		const tracking = recordHeartbeat(db, lan.id, activity, beat({ activeMs: HOUR }), T0 + HOUR);
		expect(tracking.totalTimeMs).toBe(MAX_HEARTBEAT_CREDIT_MS);
		expect(getTracking(db, lan.id, activity)!.totalTimeMs).toBe(MAX_HEARTBEAT_CREDIT_MS);
	});

	it('credits time read offline when the browser sends it later', () => {
		openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
		recordHeartbeat(db, lan.id, activity, beat({ activeMs: 30 * SECOND }), T0 + 30 * SECOND);
		// five minutes of reading without a network, sent in one beat
		const tracking = recordHeartbeat(db, lan.id, activity, beat({ activeMs: 300 * SECOND }), T0 + 331 * SECOND);
		expect(tracking.totalTimeMs).toBe(330 * SECOND);
	});

	it('a reload or a click between beats does not shorten the next credit', () => {
		openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
		recordHeartbeat(db, lan.id, activity, beat({ activeMs: 30 * SECOND }), T0 + 30 * SECOND);
		openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0 + 55 * SECOND);
		applyResult(db, lan.id, activity, { completion: 'completed' }, T0 + 58 * SECOND);
		const tracking = recordHeartbeat(db, lan.id, activity, beat({ activeMs: 30 * SECOND }), T0 + 60 * SECOND);
		expect(tracking.totalTimeMs).toBe(60 * SECOND);
	});

	it('credits no more than the time since the last beat, whatever the browser claims', () => {
		openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
		recordHeartbeat(db, lan.id, activity, beat({ activeMs: 30 * SECOND }), T0 + 30 * SECOND);
		// a second tab reports 30 s one second later
		const tracking = recordHeartbeat(
			db,
			lan.id,
			activity,
			beat({ activeMs: 30 * SECOND }),
			T0 + 31 * SECOND
		);
		expect(tracking.totalTimeMs).toBe(31 * SECOND);
	});

	it('credits nothing for zero, negative or backwards-in-time beats', () => {
		openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
		recordHeartbeat(db, lan.id, activity, beat({ activeMs: 0 }), T0 + 10 * SECOND);
		recordHeartbeat(db, lan.id, activity, beat({ activeMs: -50 * SECOND }), T0 + 20 * SECOND);
		recordHeartbeat(db, lan.id, activity, beat({ activeMs: 5 * SECOND }), T0 + 10 * SECOND);
		expect(getTracking(db, lan.id, activity)!.totalTimeMs).toBe(0);
	});

	it('on an activity never launched starts it and credits nothing', () => {
		const tracking = recordHeartbeat(db, lan.id, activity, beat({ activeMs: 30 * SECOND }), T0);
		expect(tracking).toMatchObject({ completionStatus: 'incomplete', attempts: 1, totalTimeMs: 0 });
		expect(events(db, lan.id, 'launched')).toHaveLength(1);
	});

	it('stores the location as a bookmark and logs progress only when it changes', () => {
		openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
		recordHeartbeat(db, lan.id, activity, beat({ location: 'mo-dau' }), T0 + 1 * SECOND);
		recordHeartbeat(db, lan.id, activity, beat({ location: 'mo-dau' }), T0 + 2 * SECOND);
		recordHeartbeat(db, lan.id, activity, beat({ location: null }), T0 + 3 * SECOND);
		expect(getTracking(db, lan.id, activity)!.location).toBe('mo-dau');
		recordHeartbeat(db, lan.id, activity, beat({ location: 'ket-luan' }), T0 + 4 * SECOND);
		expect(getTracking(db, lan.id, activity)!.location).toBe('ket-luan');

		const progressed = events(db, lan.id, 'progressed');
		expect(progressed.map((e) => [JSON.parse(e.result!), e.created_at])).toEqual([
			[{ location: 'mo-dau' }, T0 + 1 * SECOND],
			[{ location: 'ket-luan' }, T0 + 4 * SECOND]
		]);
		expect(progressed.every((e) => e.activity_id === activity)).toBe(true);
	});

	it('completes the activity when the end is reached, logging it exactly once', () => {
		openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
		const first = recordHeartbeat(
			db,
			lan.id,
			activity,
			beat({ activeMs: 20 * SECOND, location: 'ket-luan', reachedEnd: true }),
			T0 + 20 * SECOND
		);
		expect(first).toMatchObject({
			completionStatus: 'completed',
			completedAt: T0 + 20 * SECOND,
			totalTimeMs: 20 * SECOND,
			location: 'ket-luan'
		});
		const second = recordHeartbeat(
			db,
			lan.id,
			activity,
			beat({ activeMs: 10 * SECOND, reachedEnd: true }),
			T0 + 30 * SECOND
		);
		expect(second).toMatchObject({
			completionStatus: 'completed',
			completedAt: T0 + 20 * SECOND,
			totalTimeMs: 30 * SECOND
		});
		expect(events(db, lan.id, 'completed')).toEqual([
			{ user_id: lan.id, activity_id: activity, verb: 'completed', result: null, created_at: T0 + 20 * SECOND }
		]);
	});
});

describe('applyResult: completion', () => {
	it('completes once; a second call keeps the first completion time and logs nothing', () => {
		openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
		applyResult(db, lan.id, activity, { completion: 'completed' }, T0 + HOUR);
		applyResult(db, lan.id, activity, { completion: 'completed' }, T0 + 2 * HOUR);
		expect(getTracking(db, lan.id, activity)).toMatchObject({
			completionStatus: 'completed',
			completedAt: T0 + HOUR,
			lastAccessedAt: T0 + 2 * HOUR
		});
		expect(events(db, lan.id, 'completed')).toHaveLength(1);
	});

	it('launches an activity never opened before completing it', () => {
		applyResult(db, lan.id, activity, { completion: 'completed' }, T0);
		expect(getTracking(db, lan.id, activity)).toMatchObject({
			completionStatus: 'completed',
			attempts: 1,
			firstAccessedAt: T0,
			completedAt: T0
		});
		expect(events(db, lan.id).map((e) => e.verb)).toEqual(['launched', 'completed']);
	});

	it('touches only this learner and this activity', () => {
		const minh = insertUser(
			db,
			{ username: 'minh', displayName: 'Minh', password: '', role: 'learner' },
			passwordHash
		);
		openAttempt(db, minh.id, activity, { countsAsAttempt: false }, T0);
		openAttempt(db, lan.id, otherActivity, { countsAsAttempt: false }, T0);
		applyResult(db, lan.id, activity, { completion: 'completed' }, T0 + SECOND);
		expect(getTracking(db, minh.id, activity)!.completionStatus).toBe('incomplete');
		expect(getTracking(db, lan.id, otherActivity)!.completionStatus).toBe('incomplete');
		expect(events(db, minh.id, 'completed')).toEqual([]);
	});
});

describe('getTrackingFor', () => {
	it('returns this learner’s rows for the asked activities, keyed by activity id', () => {
		const minh = insertUser(
			db,
			{ username: 'minh', displayName: 'Minh', password: '', role: 'learner' },
			passwordHash
		);
		openAttempt(db, lan.id, activity, { countsAsAttempt: false }, T0);
		openAttempt(db, minh.id, otherActivity, { countsAsAttempt: false }, T0);
		const rows = getTrackingFor(db, lan.id, [activity, otherActivity]);
		expect([...rows.keys()]).toEqual([activity]);
		expect(rows.get(activity)!.userId).toBe(lan.id);
		expect(getTrackingFor(db, lan.id, []).size).toBe(0);
	});
});
