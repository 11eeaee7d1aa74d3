import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { addMember, createCohort, type Cohort } from '../cohorts/service';
import { lessonActivityId, syncCatalog, type Catalog } from '../courses/catalog';
import type { Course } from '../courses/loader';
import { lessonModule, testCourse } from '../courses/test-courses';
import { openDatabase, type Db } from '../db/open';
import { insertUser, type User } from '../users/service';
import { evaluateCourse, listMilestones, recordMissedMilestones, useCatalog } from '../tracking/completion';
import { applyResult } from '../tracking/record';
import { getTracking } from '../tracking/service';
import { CHECKIN_GRACE_MS, CHECKIN_POLICY, checkIn, searchKey, createSession, deleteSession, listLearnerSessions, setAttendance, type ClassSession } from './service';
import { vietnamDateTime, vietnamInstant } from './time';

const T0 = Date.UTC(2026, 11, 6, 1, 0); // 08:00 in Viet Nam
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let passwordHash: string;
beforeAll(async () => {
	passwordHash = await hashPassword('hoa sen trong đầm');
});

let db: Db;
let lan: User;
let minh: User;
let trainer: User;
let cohort: Cohort;
let course: Course;
let catalog: Catalog;
let session: ClassSession;

/** The course needs its one module and, by its rule, `sessions` in-person sessions. */
function load(sessions: number) {
	const base = testCourse([lessonModule('mot', 1)]);
	course = { ...base, completion: { ...base.completion, sessions } };
	catalog = { courses: [course], errors: [], loadedAt: T0, activityIds: syncCatalog(db, [course], T0), scorm: new Map(), scormRevision: '' };
}

function courseCompletedEvents(userId: number): number {
	return db.prepare("SELECT count(*) FROM learning_event WHERE user_id = ? AND verb = 'course_completed'").pluck().get(userId) as number;
}

beforeEach(() => {
	db = openDatabase(':memory:');
	lan = insertUser(db, { username: 'lan', displayName: 'Lan', password: '', role: 'learner' }, passwordHash);
	minh = insertUser(db, { username: 'minh', displayName: 'Minh', password: '', role: 'learner' }, passwordHash);
	trainer = insertUser(db, { username: 'gv', displayName: 'Giảng viên', password: '', role: 'trainer' }, passwordHash);
	load(1);
	useCatalog(db, () => catalog);
	cohort = createCohort(db, { name: 'Lớp xã', enrolCode: 'LOPXA', courseIds: ['khoa-thu'], trainerIds: [trainer.id], createdBy: trainer.id }, T0);
	addMember(db, cohort.id, lan.id, 'learner', T0);
	session = createSession(
		db,
		cohort.id,
		{ courseId: 'khoa-thu', title: 'Buổi 1', place: 'Hội trường UBND xã', startsAt: T0 + HOUR, endsAt: T0 + 3 * HOUR, hours: 2 },
		trainer.id,
		T0
	);
});

describe('checking in with the code', () => {
	it('is accepted during the window (with the grace before and after), whatever the case and spaces', () => {
		const code = session.checkinCode;
		expect(code).toMatch(/^[A-Z2-9]{6}$/);
		expect(checkIn(db, lan.id, ` ${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`, T0 + HOUR - CHECKIN_GRACE_MS)).toMatchObject({ ok: true });
		expect(getTracking(db, lan.id, session.activityId)).toMatchObject({ completionStatus: 'completed', completedAt: T0 + HOUR - CHECKIN_GRACE_MS });
	});

	it('is refused before the window and after it, and records nothing', () => {
		expect(checkIn(db, lan.id, session.checkinCode, T0 + HOUR - CHECKIN_GRACE_MS - 1)).toMatchObject({ ok: false, reason: 'notYet' });
		expect(checkIn(db, lan.id, session.checkinCode, T0 + 3 * HOUR + CHECKIN_GRACE_MS + 1)).toMatchObject({ ok: false, reason: 'over' });
		expect(getTracking(db, lan.id, session.activityId)).toBeNull();
	});

	it('counts once: a second check-in is refused with the time of the first', () => {
		checkIn(db, lan.id, session.checkinCode, T0 + HOUR);
		expect(checkIn(db, lan.id, session.checkinCode, T0 + 2 * HOUR)).toMatchObject({ ok: false, reason: 'already', attendedAt: T0 + HOUR });
		expect(db.prepare("SELECT count(*) FROM learning_event WHERE activity_id = ? AND verb = 'completed'").pluck().get(session.activityId)).toBe(1);
	});

	it('refuses a wrong code, and the code of a cohort the learner is not in, alike', () => {
		expect(checkIn(db, lan.id, 'ZZZZZZ', T0 + HOUR)).toEqual({ ok: false, reason: 'unknownCode' });
		expect(checkIn(db, minh.id, session.checkinCode, T0 + HOUR)).toEqual({ ok: false, reason: 'unknownCode' });
		expect(getTracking(db, minh.id, session.activityId)).toBeNull();
	});

	it('stops an account trying code after code, even with the right code, then lets it in', () => {
		for (let i = 0; i < CHECKIN_POLICY.maxFailures; i++) checkIn(db, lan.id, `ZZZZ${i}Z`, T0 + HOUR + i);
		expect(checkIn(db, lan.id, session.checkinCode, T0 + HOUR + 20)).toEqual({ ok: false, reason: 'throttled', retryAfterMs: CHECKIN_POLICY.lockMs - 11 });
		expect(getTracking(db, lan.id, session.activityId)).toBeNull();
		// someone else in the room is not held up
		expect(checkIn(db, minh.id, 'ZZZZZZ', T0 + HOUR + 20)).toEqual({ ok: false, reason: 'unknownCode' });
		expect(checkIn(db, lan.id, session.checkinCode, T0 + HOUR + CHECKIN_POLICY.lockMs + 10)).toMatchObject({ ok: true });
	});
});

describe('attendance and course completion', () => {
	it('completes the course when the rule is met, through the tracking door, with exactly one course_completed', () => {
		applyResult(db, lan.id, lessonActivityId(catalog, course, course.modules[0]!), { completion: 'completed' }, T0);
		expect(evaluateCourse(db, catalog, course, lan.id).left).toEqual([{ kind: 'sessions', required: 1, attended: 0, done: false }]);
		expect(listMilestones(db, lan.id).map((m) => m.moduleSlug)).toEqual(['mot']);

		checkIn(db, lan.id, session.checkinCode, T0 + 2 * HOUR);
		expect(evaluateCourse(db, catalog, course, lan.id)).toMatchObject({ complete: true, left: [] });
		expect(listMilestones(db, lan.id)).toContainEqual({ courseId: 'khoa-thu', moduleSlug: null, achievedAt: T0 + 2 * HOUR });
		// corrected away and ticked again: still one completion
		setAttendance(db, session, [lan.id], new Set(), trainer.id, T0 + 4 * HOUR);
		setAttendance(db, session, [lan.id], new Set([lan.id]), trainer.id, T0 + 5 * HOUR);
		expect(courseCompletedEvents(lan.id)).toBe(1);
		expect(recordMissedMilestones(db, catalog)).toBe(0);
	});

	it('the trainer ticks and unticks only the learners the form showed; an untick is a logged correction', () => {
		addMember(db, cohort.id, minh.id, 'learner', T0);
		setAttendance(db, session, [lan.id, minh.id], new Set([lan.id, minh.id]), trainer.id, T0 + HOUR);
		// a search showed only Lan: Minh stays present
		expect(setAttendance(db, session, [lan.id], new Set(), trainer.id, T0 + 2 * HOUR)).toBe(1);
		expect(listLearnerSessions(db, lan.id, 'khoa-thu')[0]!.attendedAt).toBeNull();
		expect(listLearnerSessions(db, minh.id, 'khoa-thu')[0]!.attendedAt).toBe(T0 + HOUR);
		expect(getTracking(db, lan.id, session.activityId)).toMatchObject({ completionStatus: 'incomplete', completedAt: null });
		expect(db.prepare("SELECT verb FROM learning_event WHERE user_id = ? AND activity_id = ? ORDER BY id").pluck().all(lan.id, session.activityId)).toEqual([
			'launched',
			'completed',
			'completion_withdrawn'
		]);
		// a learner who is not in the cohort cannot be ticked
		const other = insertUser(db, { username: 'x', displayName: 'X', password: '', role: 'learner' }, passwordHash);
		expect(setAttendance(db, session, [other.id], new Set([other.id]), trainer.id, T0)).toBe(0);
	});

	it('recordMissedMilestones follows the rule: attendance recorded before the course asked for it completes the course once', () => {
		load(2);
		applyResult(db, lan.id, lessonActivityId(catalog, course, course.modules[0]!), { completion: 'completed' }, T0);
		checkIn(db, lan.id, session.checkinCode, T0 + HOUR);
		expect(listMilestones(db, lan.id).some((m) => m.moduleSlug === null)).toBe(false);
		expect(recordMissedMilestones(db, catalog)).toBe(0);
		load(1); // the author lowers the rule to one session
		expect(recordMissedMilestones(db, catalog)).toBe(1);
		expect(listMilestones(db, lan.id)).toContainEqual({ courseId: 'khoa-thu', moduleSlug: null, achievedAt: T0 + HOUR });
		expect(courseCompletedEvents(lan.id)).toBe(1);
	});

	it('deletes a session nobody attended, never one somebody did', () => {
		checkIn(db, lan.id, session.checkinCode, T0 + HOUR);
		expect(deleteSession(db, session)).toBe('hasAttendance');
		setAttendance(db, session, [lan.id], new Set(), trainer.id, T0 + 2 * HOUR);
		expect(deleteSession(db, session)).toBe('deleted');
		expect(listLearnerSessions(db, lan.id, 'khoa-thu')).toEqual([]);
	});
});

describe('the roster search', () => {
	it('ignores case, tone marks and đ', () => {
		expect(searchKey('Nguyễn Thị Thu Hường')).toContain(searchKey('huong'));
		expect(searchKey('Đặng Quốc Huy')).toContain('dang quoc');
	});
});

describe('session times', () => {
	it('are read in Viet Nam time and written back the same', () => {
		expect(vietnamInstant('2026-12-06', '08:00')).toBe(T0);
		expect(vietnamDateTime(T0)).toEqual({ date: '2026-12-06', time: '08:00' });
		expect(vietnamInstant('2026-02-30', '08:00')).toBeNull();
		expect(vietnamInstant('2026-12-06', '24:00')).toBeNull();
	});
});
