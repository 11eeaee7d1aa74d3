// The merge policy of the tracking row, written once for every kind of activity: what a new
// result changes and what it may never undo. Pure, so the rule is tested on its own.
import type { CompletionStatus, SuccessStatus, Tracking } from './service';

export interface Score {
	raw: number | null;
	min: number | null;
	max: number | null;
	scaled: number | null;
}

/** What an activity reports. Every field is optional: a missing field changes nothing. */
export interface ActivityResult {
	/** 'incomplete' never undoes 'completed' */
	completion?: 'incomplete' | 'completed';
	/** 'unknown' is no news: it never erases a pass or a fail */
	success?: SuccessStatus;
	/** the score the activity keeps per its own grading rule (a quiz's kept percent, a SCO's score) */
	score?: Score;
	/** time on task to add; time only grows */
	addTimeMs?: number;
	/** the bookmark; null clears it */
	location?: string | null;
	/** opaque resume state; null clears it */
	suspendData?: string | null;
	/** when this result credits reading time (lesson heartbeats): later credits start from here */
	heartbeatAt?: number;
}

export type TrackingState = Pick<
	Tracking,
	| 'completionStatus'
	| 'successStatus'
	| 'scoreRaw'
	| 'scoreMin'
	| 'scoreMax'
	| 'scoreScaled'
	| 'totalTimeMs'
	| 'location'
	| 'suspendData'
	| 'completedAt'
	| 'lastAccessedAt'
	| 'lastHeartbeatAt'
>;

/**
 * The row after a result. An achievement is never undone: completed stays completed (with the
 * time it was first completed), passed stays passed and keeps the score it passed with when a
 * later result would fail it; 'unknown' success never erases a result; time only grows.
 */
export function mergeResult(before: TrackingState, result: ActivityResult, now: number): TrackingState {
	const completionStatus: CompletionStatus =
		before.completionStatus === 'completed' || result.completion === 'completed'
			? 'completed'
			: result.completion === 'incomplete' || before.completionStatus === 'incomplete'
				? 'incomplete'
				: before.completionStatus;
	// once passed, only another pass may change the score
	const keepPass = before.successStatus === 'passed' && result.success !== 'passed';
	const successStatus: SuccessStatus =
		keepPass || result.success === undefined || result.success === 'unknown' ? before.successStatus : result.success;
	const score = result.score && !keepPass ? result.score : null;
	return {
		completionStatus,
		successStatus,
		scoreRaw: score ? score.raw : before.scoreRaw,
		scoreMin: score ? score.min : before.scoreMin,
		scoreMax: score ? score.max : before.scoreMax,
		scoreScaled: score ? score.scaled : before.scoreScaled,
		totalTimeMs: before.totalTimeMs + Math.max(0, Math.floor(result.addTimeMs ?? 0)),
		location: result.location !== undefined ? result.location : before.location,
		suspendData: result.suspendData !== undefined ? result.suspendData : before.suspendData,
		completedAt: before.completedAt ?? (completionStatus === 'completed' ? now : null),
		lastAccessedAt: now,
		lastHeartbeatAt:
			result.heartbeatAt === undefined ? before.lastHeartbeatAt : Math.max(before.lastHeartbeatAt ?? 0, result.heartbeatAt)
	};
}
