// In-person sessions of a cohort (the blended part of a course) and their attendance. A session
// is an activity of kind 'session' of one course; attending it is that activity completed,
// written through the tracking door (record.ts), so completion, reports and milestones see it
// like any other activity.
import { randomInt, randomBytes } from 'node:crypto';
import { recordFailure, retryAfterMs, type ThrottlePolicy } from '../auth/throttle';
import type { Db } from '../db/open';
import { applyResult, openAttempt, withdrawCompletion } from '../tracking/record';
import { getTrackingFor } from '../tracking/service';

export interface SessionInput {
	courseId: string;
	title: string;
	place: string;
	startsAt: number;
	endsAt: number;
	hours: number;
}

export interface ClassSession extends SessionInput {
	id: number;
	cohortId: number;
	activityId: number;
	checkinCode: string;
}

/** Learners may check in this long before the start and after the end (a late bus, a slow phone). */
export const CHECKIN_GRACE_MS = 15 * 60_000;

// no 0/O, 1/I/L: read off a projector and typed on a phone
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 6;

function newCode(): string {
	let code = '';
	for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return code;
}

/** What learners type: spaces and case do not matter. */
export function normaliseCheckinCode(code: string): string {
	return code.replace(/[\s-]/g, '').toUpperCase();
}

interface SessionRow {
	id: number;
	cohort_id: number;
	course_id: string;
	activity_id: number;
	title: string;
	place: string;
	starts_at: number;
	ends_at: number;
	hours: number;
	checkin_code: string;
}

function toSession(r: SessionRow): ClassSession {
	return {
		id: r.id,
		cohortId: r.cohort_id,
		courseId: r.course_id,
		activityId: r.activity_id,
		title: r.title,
		place: r.place,
		startsAt: r.starts_at,
		endsAt: r.ends_at,
		hours: r.hours,
		checkinCode: r.checkin_code
	};
}

export function createSession(db: Db, cohortId: number, input: SessionInput, createdBy: number, now = Date.now()): ClassSession {
	return db
		.transaction(() => {
			// module_slug '': a session belongs to the course, not to a module; item: its own identity
			const activityId = db
				.prepare(
					`INSERT INTO activity (course_id, module_slug, kind, item, title, content_hash) VALUES (?, '', 'session', ?, ?, '') RETURNING id`
				)
				.pluck()
				.get(input.courseId, randomBytes(8).toString('hex'), input.title) as number;
			const insert = db.prepare(
				`INSERT OR IGNORE INTO class_session (cohort_id, course_id, activity_id, title, place, starts_at, ends_at, hours, checkin_code, created_by, created_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`
			);
			// a code already taken (one in a billion) is drawn again
			for (;;) {
				const id = insert
					.pluck()
					.get(cohortId, input.courseId, activityId, input.title, input.place, input.startsAt, input.endsAt, input.hours, newCode(), createdBy, now) as
					| number
					| undefined;
				if (id !== undefined) return getSession(db, id)!;
			}
		})
		.immediate();
}

export function getSession(db: Db, id: number): ClassSession | null {
	const row = db.prepare('SELECT * FROM class_session WHERE id = ?').get(id) as SessionRow | undefined;
	return row ? toSession(row) : null;
}

export function updateSession(db: Db, id: number, input: Omit<SessionInput, 'courseId'>): void {
	db.transaction(() => {
		db.prepare('UPDATE class_session SET title = ?, place = ?, starts_at = ?, ends_at = ?, hours = ? WHERE id = ?').run(
			input.title,
			input.place,
			input.startsAt,
			input.endsAt,
			input.hours,
			id
		);
		db.prepare('UPDATE activity SET title = ? WHERE id = (SELECT activity_id FROM class_session WHERE id = ?)').run(input.title, id);
	}).immediate();
}

/** Deletes a session nobody attended; one with attendance counts toward learners' courses and
 * stays (the trainer removes the attendance first if the session never took place). */
export function deleteSession(db: Db, session: ClassSession): 'deleted' | 'hasAttendance' {
	return db
		.transaction(() => {
			if (attendedCount(db, session) > 0) return 'hasAttendance' as const;
			db.prepare('DELETE FROM class_session WHERE id = ?').run(session.id);
			return 'deleted' as const;
		})
		.immediate();
}

function attendedCount(db: Db, session: ClassSession): number {
	return db
		.prepare("SELECT count(*) FROM tracking WHERE activity_id = ? AND completion_status = 'completed'")
		.pluck()
		.get(session.activityId) as number;
}

export interface SessionSummary extends ClassSession {
	attended: number;
}

/** The cohort's sessions, soonest first, with how many attended each. */
export function listCohortSessions(db: Db, cohortId: number): SessionSummary[] {
	const rows = db
		.prepare(
			`SELECT s.*, (SELECT count(*) FROM tracking t WHERE t.activity_id = s.activity_id AND t.completion_status = 'completed') AS attended
			 FROM class_session s WHERE s.cohort_id = ? ORDER BY s.starts_at, s.id`
		)
		.all(cohortId) as (SessionRow & { attended: number })[];
	return rows.map((r) => ({ ...toSession(r), attended: r.attended }));
}

export interface LearnerSession extends ClassSession {
	attendedAt: number | null;
}

/** The sessions of a course in the cohorts this learner belongs to, with their attendance. */
export function listLearnerSessions(db: Db, userId: number, courseId: string): LearnerSession[] {
	const rows = db
		.prepare(
			`SELECT s.* FROM class_session s JOIN cohort_member m ON m.cohort_id = s.cohort_id AND m.user_id = ? AND m.role = 'learner'
			 WHERE s.course_id = ? ORDER BY s.starts_at, s.id`
		)
		.all(userId, courseId) as SessionRow[];
	const sessions = rows.map(toSession);
	const tracking = getTrackingFor(db, userId, sessions.map((s) => s.activityId));
	return sessions.map((s) => {
		const row = tracking.get(s.activityId);
		return { ...s, attendedAt: row?.completionStatus === 'completed' ? row.completedAt : null };
	});
}

/** Attendance of every learner of the session's cohort: user id → when recorded. */
export function sessionAttendance(db: Db, session: ClassSession): Map<number, number> {
	const rows = db
		.prepare(
			`SELECT t.user_id, t.completed_at FROM tracking t JOIN cohort_member m ON m.user_id = t.user_id AND m.cohort_id = ? AND m.role = 'learner'
			 WHERE t.activity_id = ? AND t.completion_status = 'completed'`
		)
		.all(session.cohortId, session.activityId) as { user_id: number; completed_at: number }[];
	return new Map(rows.map((r) => [r.user_id, r.completed_at]));
}

function isCohortLearner(db: Db, cohortId: number, userId: number): boolean {
	return db.prepare("SELECT 1 FROM cohort_member WHERE cohort_id = ? AND user_id = ? AND role = 'learner'").get(cohortId, userId) !== undefined;
}

/** Records that a learner was there (how: 'code' or 'trainer'), through the tracking door. */
function recordPresence(db: Db, session: ClassSession, userId: number, detail: { by: 'code' | 'trainer'; recordedBy: number }, now: number): void {
	openAttempt(db, userId, session.activityId, { countsAsAttempt: false, detail: { session: session.id, ...detail } }, now);
	applyResult(db, userId, session.activityId, { completion: 'completed' }, now);
}

/**
 * The trainer's roster: sets who was present among `shown` (the learners the form listed; others,
 * hidden by a search, are left as they were). Returns how many changed.
 */
export function setAttendance(db: Db, session: ClassSession, shown: number[], present: Set<number>, trainerId: number, now = Date.now()): number {
	return db
		.transaction(() => {
			const attended = sessionAttendance(db, session);
			let changed = 0;
			for (const userId of shown) {
				if (!isCohortLearner(db, session.cohortId, userId)) continue;
				if (present.has(userId) && !attended.has(userId)) {
					recordPresence(db, session, userId, { by: 'trainer', recordedBy: trainerId }, now);
					changed++;
				} else if (!present.has(userId) && attended.has(userId)) {
					if (withdrawCompletion(db, userId, session.activityId, { session: session.id, by: 'trainer', recordedBy: trainerId }, now)) changed++;
				}
			}
			return changed;
		})
		.immediate();
}

/** Ten wrong codes in a quarter of an hour lock check-in for 5 minutes, then longer. A typo
 * or two, or a code read off the wrong screen, never comes near it. */
export const CHECKIN_POLICY: ThrottlePolicy = { maxFailures: 10, windowMs: 15 * 60_000, lockMs: 5 * 60_000, maxLockMs: 30 * 60_000 };

export type CheckInResult =
	| { ok: true; session: ClassSession }
	| { ok: false; reason: 'unknownCode' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number }
	| { ok: false; reason: 'notYet' | 'over'; session: ClassSession }
	| { ok: false; reason: 'already'; session: ClassSession; attendedAt: number };

/**
 * A learner checks in with the code the trainer shows: only a learner of the session's cohort,
 * only from CHECKIN_GRACE_MS before the start to as long after the end, and once.
 */
export function checkIn(db: Db, userId: number, code: string, now = Date.now()): CheckInResult {
	// codes are 6 of 32 characters, so guessing one is hopeless, but an account trying codes
	// in a loop is stopped after a few wrong ones all the same
	const throttleKey = `checkin:${userId}`;
	const wait = retryAfterMs(db, [throttleKey], now);
	if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };
	const result = db
		.transaction((): CheckInResult => {
			const row = db.prepare('SELECT * FROM class_session WHERE checkin_code = ?').get(normaliseCheckinCode(code)) as SessionRow | undefined;
			// a code of another cohort says no more than a wrong one
			if (!row || !isCohortLearner(db, row.cohort_id, userId)) return { ok: false, reason: 'unknownCode' };
			const session = toSession(row);
			const attendedAt = sessionAttendance(db, session).get(userId);
			if (attendedAt !== undefined) return { ok: false, reason: 'already', session, attendedAt };
			if (now < session.startsAt - CHECKIN_GRACE_MS) return { ok: false, reason: 'notYet', session };
			if (now > session.endsAt + CHECKIN_GRACE_MS) return { ok: false, reason: 'over', session };
			recordPresence(db, session, userId, { by: 'code', recordedBy: userId }, now);
			return { ok: true, session };
		})
		.immediate();
	if (!result.ok && result.reason === 'unknownCode') recordFailure(db, throttleKey, CHECKIN_POLICY, now);
	return result;
}

/** The learners who checked themselves in with the code (rather than ticked by the trainer). */
export function checkedInByCode(db: Db, session: ClassSession): Set<number> {
	const ids = db
		.prepare("SELECT DISTINCT user_id FROM learning_event WHERE activity_id = ? AND verb = 'launched' AND json_extract(result, '$.by') = 'code'")
		.pluck()
		.all(session.activityId) as number[];
	return new Set(ids);
}

/** For the roster's search box (shared with the service directory, ../text/search-key.ts). */
export { searchKey } from '../text/search-key';
