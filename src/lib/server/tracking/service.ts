// SCORM-style tracking: one row per learner and activity (the read model) plus the append-only
// learning_event log. This file reads them and appends to the log; only record.ts writes the rows.
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
