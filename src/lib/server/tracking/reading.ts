// Reading a lesson: when opening the page is a new visit, and how much time a heartbeat credits.
// Time on task is measured by the server and capped, so an idle or forgotten tab adds nothing.
// Writes go through the door (record.ts).
import type { Db } from '../db/open';
import { REPLAY_WINDOW_MS } from './operations';
import { applyResult, openAttempt } from './record';
import { getTracking, logEvent, type Tracking } from './service';

/** The client sends a heartbeat every HEARTBEAT_INTERVAL_MS while the page is visible and used. */
export const HEARTBEAT_INTERVAL_MS = 30_000;
/**
 * No single heartbeat credits more than this. Beats normally carry about 30 s; a larger claim
 * comes from reading while offline, which the browser keeps and sends when the network returns.
 */
export const MAX_HEARTBEAT_CREDIT_MS = 10 * 60_000;

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
	return openAttempt(db, userId, activityId, { countsAsAttempt: false }, now);
}

export interface Heartbeat {
	/** milliseconds the learner was active on the page since the last heartbeat, as the browser saw it */
	activeMs: number;
	/** the section now in view, already checked against the lesson's sections */
	location: string | null;
	/** the learner has reached the end of the lesson */
	reachedEnd: boolean;
	/**
	 * For a beat the browser queued while offline: how long ago, by the browser's own clock, it
	 * was taken (a duration, so the phone's wrong date does not matter). 0 or absent: just now.
	 */
	queuedForMs?: number;
}

/** A queued beat older than this is taken as this old: a phone left offline for weeks. */
export const MAX_QUEUED_AGE_MS = REPLAY_WINDOW_MS;

/**
 * Credits time as the smaller of what the browser reports, the time since the server last
 * credited this learner on this activity (or since the launch, for the first beat), and
 * MAX_HEARTBEAT_CREDIT_MS. Two open tabs therefore cannot double the time. The browser sends
 * beats only while the page is visible and in use, so an idle tab adds nothing.
 *
 * A queued beat (read offline, sent later) is placed when it was taken, not when it arrived:
 * replayed one after another, each credits the time since the one before it, as it would have
 * online, and never time already credited (credited spans never overlap and never end after now,
 * so the total stays within the wall clock). The first credit of a lesson read only offline has
 * no earlier credit to start from; the per-beat cap bounds it.
 */
export function recordHeartbeat(db: Db, userId: number, activityId: number, beat: Heartbeat, now = Date.now()): Tracking {
	return db
		.transaction(() => {
			const queuedFor = Math.min(Math.max(0, Math.floor(beat.queuedForMs ?? 0)), MAX_QUEUED_AGE_MS);
			const current = getTracking(db, userId, activityId) ?? openAttempt(db, userId, activityId, { countsAsAttempt: false }, now);
			const takenAt = now - queuedFor;
			// a page opened again to send the queue is no launch to start counting from
			const anchor = queuedFor > 0 ? (current.lastHeartbeatAt ?? takenAt - beat.activeMs) : (current.lastHeartbeatAt ?? current.lastAccessedAt ?? now);
			const credit = Math.max(0, Math.min(Math.floor(beat.activeMs), Math.max(0, takenAt - anchor), MAX_HEARTBEAT_CREDIT_MS));
			if (beat.location && beat.location !== current.location) {
				logEvent(db, userId, activityId, 'progressed', { location: beat.location }, now);
			}
			return applyResult(
				db,
				userId,
				activityId,
				{
					addTimeMs: credit,
					location: beat.location ?? current.location,
					heartbeatAt: takenAt,
					completion: beat.reachedEnd ? 'completed' : undefined
				},
				now
			).after;
		})
		.immediate();
}
