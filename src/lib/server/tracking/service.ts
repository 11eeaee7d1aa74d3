// SCORM-style tracking: one row per learner and activity (the read model) plus the append-only
// learning_event log. Time on task is measured by the server from heartbeats and capped, so an
// idle or forgotten tab adds nothing.
import type { Db } from '../db/open';

export type CompletionStatus = 'not attempted' | 'incomplete' | 'completed';
export type SuccessStatus = 'unknown' | 'passed' | 'failed';

export interface Tracking {
	userId: number;
	activityId: number;
	completionStatus: CompletionStatus;
	successStatus: SuccessStatus;
	scoreRaw: number | null;
	scoreMin: number | null;
	scoreMax: number | null;
	scoreScaled: number | null;
	totalTimeMs: number;
	location: string | null;
	suspendData: string | null;
	attempts: number;
	firstAccessedAt: number | null;
	lastAccessedAt: number | null;
	completedAt: number | null;
	lastHeartbeatAt: number | null;
}

/** The client sends a heartbeat every HEARTBEAT_INTERVAL_MS while the page is visible and used. */
export const HEARTBEAT_INTERVAL_MS = 30_000;
/**
 * No single heartbeat credits more than this. Beats normally carry about 30 s; a larger claim
 * comes from reading while offline, which the browser keeps and sends when the network returns.
 */
export const MAX_HEARTBEAT_CREDIT_MS = 10 * 60_000;

interface TrackingRow {
	user_id: number;
	activity_id: number;
	completion_status: CompletionStatus;
	success_status: SuccessStatus;
	score_raw: number | null;
	score_min: number | null;
	score_max: number | null;
	score_scaled: number | null;
	total_time_ms: number;
	location: string | null;
	suspend_data: string | null;
	attempts: number;
	first_accessed_at: number | null;
	last_accessed_at: number | null;
	completed_at: number | null;
	last_heartbeat_at: number | null;
}

function toTracking(row: TrackingRow): Tracking {
	return {
		userId: row.user_id,
		activityId: row.activity_id,
		completionStatus: row.completion_status,
		successStatus: row.success_status,
		scoreRaw: row.score_raw,
		scoreMin: row.score_min,
		scoreMax: row.score_max,
		scoreScaled: row.score_scaled,
		totalTimeMs: row.total_time_ms,
		location: row.location,
		suspendData: row.suspend_data,
		attempts: row.attempts,
		firstAccessedAt: row.first_accessed_at,
		lastAccessedAt: row.last_accessed_at,
		completedAt: row.completed_at,
		lastHeartbeatAt: row.last_heartbeat_at
	};
}

export function logEvent(
	db: Db,
	userId: number,
	activityId: number | null,
	verb: string,
	result: unknown = null,
	now = Date.now()
): void {
	db.prepare(
		'INSERT INTO learning_event (user_id, activity_id, verb, result, created_at) VALUES (?, ?, ?, ?, ?)'
	).run(userId, activityId, verb, result === null ? null : JSON.stringify(result), now);
}

export function getTracking(db: Db, userId: number, activityId: number): Tracking | null {
	const row = db
		.prepare('SELECT * FROM tracking WHERE user_id = ? AND activity_id = ?')
		.get(userId, activityId) as TrackingRow | undefined;
	return row ? toTracking(row) : null;
}

/** Tracking rows of one learner for the given activities, keyed by activity id. */
export function getTrackingFor(db: Db, userId: number, activityIds: number[]): Map<number, Tracking> {
	const result = new Map<number, Tracking>();
	if (activityIds.length === 0) return result;
	const rows = db
		.prepare(
			`SELECT * FROM tracking WHERE user_id = ? AND activity_id IN (SELECT value FROM json_each(?))`
		)
		.all(userId, JSON.stringify(activityIds)) as TrackingRow[];
	for (const row of rows) result.set(row.activity_id, toTracking(row));
	return result;
}

/** Tracking rows of a cohort's learners for the given activities: learner id → activity id → row.
 * Thousands of rows: read as arrays (half the cost of row objects in better-sqlite3). */
export function getCohortTracking(db: Db, cohortId: number, activityIds: number[]): Map<number, Map<number, Tracking>> {
	const result = new Map<number, Map<number, Tracking>>();
	if (activityIds.length === 0) return result;
	const rows = db
		.prepare(
			`SELECT t.user_id, t.activity_id, t.completion_status, t.success_status, t.score_raw, t.score_min,
			        t.score_max, t.score_scaled, t.total_time_ms, t.location, t.suspend_data, t.attempts,
			        t.first_accessed_at, t.last_accessed_at, t.completed_at, t.last_heartbeat_at
			 FROM cohort_member m JOIN tracking t ON t.user_id = m.user_id
			 WHERE m.cohort_id = ? AND m.role = 'learner'
			   AND t.activity_id IN (SELECT value FROM json_each(?))`
		)
		.raw()
		.all(cohortId, JSON.stringify(activityIds)) as unknown[][];
	for (const r of rows) {
		const row: Tracking = {
			userId: r[0] as number,
			activityId: r[1] as number,
			completionStatus: r[2] as CompletionStatus,
			successStatus: r[3] as SuccessStatus,
			scoreRaw: r[4] as number | null,
			scoreMin: r[5] as number | null,
			scoreMax: r[6] as number | null,
			scoreScaled: r[7] as number | null,
			totalTimeMs: r[8] as number,
			location: r[9] as string | null,
			suspendData: r[10] as string | null,
			attempts: r[11] as number,
			firstAccessedAt: r[12] as number | null,
			lastAccessedAt: r[13] as number | null,
			completedAt: r[14] as number | null,
			lastHeartbeatAt: r[15] as number | null
		};
		let mine = result.get(row.userId);
		if (!mine) result.set(row.userId, (mine = new Map()));
		mine.set(row.activityId, row);
	}
	return result;
}

/** Opening an activity: starts its first attempt, or touches the access time of the current one. */
export function recordLaunch(
	db: Db,
	userId: number,
	activityId: number,
	now = Date.now(),
	/** what the 'launched' event records, e.g. the quiz attempt's number */
	detail: unknown = null
): Tracking {
	return db.transaction(() => {
		db.prepare(
			`INSERT INTO tracking (user_id, activity_id, completion_status, attempts,
			   first_accessed_at, last_accessed_at)
			 VALUES (?, ?, 'incomplete', 1, ?, ?)
			 ON CONFLICT (user_id, activity_id) DO UPDATE SET
			   last_accessed_at = excluded.last_accessed_at,
			   completion_status = CASE WHEN completion_status = 'not attempted'
			     THEN 'incomplete' ELSE completion_status END,
			   attempts = max(attempts, 1),
			   first_accessed_at = coalesce(first_accessed_at, excluded.first_accessed_at)`
		).run(userId, activityId, now, now);
		logEvent(db, userId, activityId, 'launched', detail, now);
		return getTracking(db, userId, activityId)!;
	}).immediate();
}

/** Opening an activity again within this long of the learner's last access to it (a reload, the
 * back button, a second tab, returning from its quiz) continues the same visit. */
export const SAME_VISIT_MS = 10 * 60_000;

/**
 * Opening a lesson page: a launch, unless it continues a visit (SAME_VISIT_MS). Continuing writes
 * nothing: a page view stays a read, and the heartbeats of the visit keep the access time.
 */
export function recordVisit(db: Db, userId: number, activityId: number, now = Date.now()): Tracking {
	const current = getTracking(db, userId, activityId);
	const last = current?.lastAccessedAt ?? null;
	if (current && current.completionStatus !== 'not attempted' && last !== null && now - last >= 0 && now - last < SAME_VISIT_MS) {
		return current;
	}
	return recordLaunch(db, userId, activityId, now);
}

export interface Heartbeat {
	/** milliseconds the learner was active on the page since the last heartbeat, as the browser saw it */
	activeMs: number;
	/** the section now in view, already checked against the lesson's sections */
	location: string | null;
	/** the learner has reached the end of the lesson */
	reachedEnd: boolean;
}

/**
 * Credits time as the smaller of what the browser reports, the time since the server last
 * credited this learner on this activity (or since the launch, for the first beat), and
 * MAX_HEARTBEAT_CREDIT_MS. Two open tabs therefore cannot double the time. The browser sends
 * beats only while the page is visible and in use, so an idle tab adds nothing.
 */
export function recordHeartbeat(
	db: Db,
	userId: number,
	activityId: number,
	beat: Heartbeat,
	now = Date.now()
): Tracking {
	return db.transaction(() => {
		const current = getTracking(db, userId, activityId) ?? recordLaunch(db, userId, activityId, now);
		const anchor = current.lastHeartbeatAt ?? current.lastAccessedAt ?? now;
		const sinceLast = Math.max(0, now - anchor);
		const credit = Math.max(
			0,
			Math.min(Math.floor(beat.activeMs), sinceLast, MAX_HEARTBEAT_CREDIT_MS)
		);
		const location = beat.location ?? current.location;
		db.prepare(
			`UPDATE tracking SET total_time_ms = total_time_ms + ?, location = ?, last_accessed_at = ?,
			   last_heartbeat_at = max(coalesce(last_heartbeat_at, 0), ?)
			 WHERE user_id = ? AND activity_id = ?`
		).run(credit, location, now, now, userId, activityId);
		if (beat.location && beat.location !== current.location) {
			logEvent(db, userId, activityId, 'progressed', { location: beat.location }, now);
		}
		if (beat.reachedEnd) markCompleted(db, userId, activityId, now);
		return getTracking(db, userId, activityId)!;
	}).immediate();
}

/** Marks an activity completed once; later calls change nothing and log nothing. */
export function markCompleted(db: Db, userId: number, activityId: number, now = Date.now()): void {
	db.transaction(() => {
		if (!getTracking(db, userId, activityId)) recordLaunch(db, userId, activityId, now);
		const changed = db
			.prepare(
				`UPDATE tracking SET completion_status = 'completed', completed_at = ?, last_accessed_at = ?
				 WHERE user_id = ? AND activity_id = ? AND completion_status != 'completed'`
			)
			.run(now, now, userId, activityId).changes;
		if (changed) logEvent(db, userId, activityId, 'completed', null, now);
	}).immediate();
}

export interface QuizOutcome {
	/** the score the module keeps, per the quiz's grading method, 0–100 */
	percent: number;
	passed: boolean;
	/** submitted attempts so far */
	attempts: number;
	/** time spent on the attempt just closed */
	timeMs: number;
}

/** After an attempt is graded: the quiz's row holds the kept score and pass or fail. */
export function recordQuizOutcome(
	db: Db,
	userId: number,
	activityId: number,
	outcome: QuizOutcome,
	now = Date.now()
): void {
	db.transaction(() => {
		if (!getTracking(db, userId, activityId)) recordLaunch(db, userId, activityId, now);
		db.prepare(
			`UPDATE tracking SET completion_status = 'completed', completed_at = coalesce(completed_at, ?),
			   success_status = ?, score_raw = ?, score_min = 0, score_max = 100, score_scaled = ?,
			   attempts = ?, total_time_ms = total_time_ms + ?, last_accessed_at = ?
			 WHERE user_id = ? AND activity_id = ?`
		).run(
			now,
			outcome.passed ? 'passed' : 'failed',
			outcome.percent,
			outcome.percent / 100,
			outcome.attempts,
			outcome.timeMs,
			now,
			userId,
			activityId
		);
	}).immediate();
}
