// The one door to the tracking table: every kind of activity (lesson, quiz, SCO, discussion
// module) opens attempts and applies results through these two functions, and nothing else in
// the code base writes a tracking row. The merge policy is merge.ts; what a change of status
// completes is completion.ts, called here inside the same transaction.
import type { Db } from '../db/open';
import { noteStatusChange, noteTimeChange } from './completion';
import { mergeResult, type ActivityResult } from './merge';
import { getTracking, logEvent, type Tracking } from './service';

export interface OpenOptions {
	/**
	 * An attempt is what the activity itself calls a new try: a quiz attempt started, a SCO
	 * session. Opening a lesson again is a visit of its one attempt.
	 */
	countsAsAttempt: boolean;
	/** what the 'launched' event records, e.g. the quiz attempt's number or the SCO session */
	detail?: unknown;
}

/** Opening an activity: starts its first attempt, a new attempt when the activity says so, or
 * touches the access time of the current one. Logs 'launched'. Never undoes a completion. */
export function openAttempt(db: Db, userId: number, activityId: number, options: OpenOptions, now = Date.now()): Tracking {
	return db
		.transaction(() => {
			db.prepare(
				`INSERT INTO tracking (user_id, activity_id, completion_status, attempts, first_accessed_at, last_accessed_at)
				 VALUES (?, ?, 'incomplete', 1, ?, ?)
				 ON CONFLICT (user_id, activity_id) DO UPDATE SET
				   last_accessed_at = excluded.last_accessed_at,
				   completion_status = CASE WHEN completion_status = 'not attempted' THEN 'incomplete' ELSE completion_status END,
				   attempts = CASE WHEN ? THEN attempts + 1 ELSE max(attempts, 1) END,
				   first_accessed_at = coalesce(first_accessed_at, excluded.first_accessed_at)`
			).run(userId, activityId, now, now, options.countsAsAttempt ? 1 : 0);
			logEvent(db, userId, activityId, 'launched', options.detail ?? null, now);
			return getTracking(db, userId, activityId)!;
		})
		.immediate();
}

export interface Applied {
	before: Tracking;
	after: Tracking;
}

/**
 * Applies what an activity reports (merge.ts decides what may change). An activity never opened
 * is opened first. Logs 'completed' the first time it completes, and lets completion.ts see
 * every change of completion or success.
 */
export function applyResult(db: Db, userId: number, activityId: number, result: ActivityResult, now = Date.now()): Applied {
	return db
		.transaction((): Applied => {
			const before = getTracking(db, userId, activityId) ?? openAttempt(db, userId, activityId, { countsAsAttempt: false }, now);
			const merged = mergeResult(before, result, now);
			db.prepare(
				`UPDATE tracking SET completion_status = ?, success_status = ?, score_raw = ?, score_min = ?, score_max = ?,
				   score_scaled = ?, total_time_ms = ?, location = ?, suspend_data = ?, completed_at = ?, last_accessed_at = ?,
				   last_heartbeat_at = ?
				 WHERE user_id = ? AND activity_id = ?`
			).run(
				merged.completionStatus,
				merged.successStatus,
				merged.scoreRaw,
				merged.scoreMin,
				merged.scoreMax,
				merged.scoreScaled,
				merged.totalTimeMs,
				merged.location,
				merged.suspendData,
				merged.completedAt,
				merged.lastAccessedAt,
				merged.lastHeartbeatAt,
				userId,
				activityId
			);
			const after: Tracking = { ...before, ...merged };
			if (after.completionStatus === 'completed' && before.completionStatus !== 'completed') {
				logEvent(db, userId, activityId, 'completed', null, now);
			}
			if (after.completionStatus !== before.completionStatus || after.successStatus !== before.successStatus) {
				noteStatusChange(db, userId, activityId, now);
			} else if (after.totalTimeMs !== before.totalTimeMs) {
				noteTimeChange(db, userId, activityId, now);
			}
			return { before, after };
		})
		.immediate();
}

/**
 * A correction, not a result: the activity was recorded completed by mistake (a trainer
 * unticks a learner marked present at an in-person session). The merge policy never takes a
 * completion back, so this is the one way back to 'incomplete'; it is logged, and milestones
 * already reached stay (they are dated facts, see completion.ts).
 */
export function withdrawCompletion(db: Db, userId: number, activityId: number, detail: unknown, now = Date.now()): boolean {
	return db
		.transaction(() => {
			const changed = db
				.prepare(
					`UPDATE tracking SET completion_status = 'incomplete', completed_at = NULL, last_accessed_at = ?
					 WHERE user_id = ? AND activity_id = ? AND completion_status = 'completed'`
				)
				.run(now, userId, activityId).changes;
			if (changed) logEvent(db, userId, activityId, 'completion_withdrawn', detail ?? null, now);
			return changed > 0;
		})
		.immediate();
}
