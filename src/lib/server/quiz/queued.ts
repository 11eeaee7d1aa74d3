// Quiz answers written without a network (issue 19): only for untimed attempts started online
// (the answer key never leaves the server; the page has only the questions). The phone queues
// each save as a whole snapshot of the form, numbered per attempt and phone, and the submission;
// each operation is applied once (tracking/operations applyOnce) and:
// - a save older than one already applied from the same phone changes nothing;
// - the submission grades the attempt (a second delivery answers the stored result);
// - an attempt closed meanwhile (deadline, trainer, submitted on another device) takes nothing:
//   the answers are kept as a late record the trainer sees, and the learner is told.
// Between phones, the newest answer per question by the server's order of arrival wins.
import type { Db } from '../db/open';
import { applyOnce } from '../tracking/operations';
import { getAttempt, isPastDeadline, saveResponses, submitAttempt, type Attempt } from './attempts';
import type { Response } from './types';

export interface QueuedAnswers {
	op: string;
	kind: 'save' | 'submit';
	/** the phone's own id (random, kept in its storage) and its number for this save */
	device: string;
	seq: number;
	responses: Map<string, Response | null>;
	/** when the phone saved them, by the server's clock (now − their age) */
	takenAt: number;
	/** the sign-in that sent them (sign-in.ts) */
	from?: number | null;
}

export type QueuedAnswersResult =
	| { saved: true }
	/** an older save than one already applied from this phone: nothing changed */
	| { stale: true }
	| { submitted: true; percent: number; passed: boolean }
	/** the attempt was closed before they arrived: kept for the trainer, not counted */
	| { late: true; closedBy: Attempt['closedBy'] };

/** Whether `seq` is newer than every save applied from `device`; if so it is recorded as the newest. */
function claimSequence(db: Db, attemptId: number, device: string, seq: number): boolean {
	const last = db.prepare('SELECT seq FROM quiz_queued_save WHERE attempt_id = ? AND device = ?').pluck().get(attemptId, device) as number | undefined;
	if (last !== undefined && seq <= last) return false;
	db.prepare(
		`INSERT INTO quiz_queued_save (attempt_id, device, seq) VALUES (?, ?, ?)
		 ON CONFLICT (attempt_id, device) DO UPDATE SET seq = excluded.seq`
	).run(attemptId, device, seq);
	return true;
}

function keepLate(db: Db, attempt: Attempt, answers: QueuedAnswers, now: number): QueuedAnswersResult {
	const responses = [...answers.responses].filter(([, response]) => response !== null);
	db.prepare('INSERT INTO quiz_late_answers (attempt_id, responses, taken_at, received_at) VALUES (?, ?, ?, ?)').run(
		attempt.id,
		JSON.stringify(responses),
		answers.takenAt,
		now
	);
	return { late: true, closedBy: attempt.closedBy };
}

export function applyQueuedAnswers(db: Db, userId: number, attemptId: number, answers: QueuedAnswers, now = Date.now()): QueuedAnswersResult {
	return applyOnce(
		db,
		userId,
		answers.op,
		`quiz-${answers.kind}`,
		(): QueuedAnswersResult => {
			let attempt = getAttempt(db, attemptId)!;
			if (attempt.status === 'open' && isPastDeadline(attempt, now)) attempt = submitAttempt(db, attempt, new Map(), now).attempt;
			if (attempt.status !== 'open') return keepLate(db, attempt, answers, now);
			const newest = claimSequence(db, attempt.id, answers.device, answers.seq);
			if (answers.kind === 'save') {
				if (!newest) return { stale: true };
				saveResponses(db, attempt.id, answers.responses, now, answers.from ?? null);
				return { saved: true };
			}
			// a submission older than a save already applied from this phone grades what is saved
			const result = submitAttempt(db, attempt, newest ? answers.responses : new Map(), now);
			return { submitted: true, percent: result.attempt.percent ?? 0, passed: result.attempt.passed ?? false };
		},
		now
	).result;
}

export interface LateAnswers {
	id: number;
	attemptId: number;
	responses: Map<string, Response>;
	takenAt: number;
	receivedAt: number;
}

/** The late records of `attemptIds`, oldest first, for the trainer's view of a learner. */
export function lateAnswers(db: Db, attemptIds: number[]): LateAnswers[] {
	if (attemptIds.length === 0) return [];
	const rows = db
		.prepare(
			`SELECT id, attempt_id AS attemptId, responses, taken_at AS takenAt, received_at AS receivedAt
			 FROM quiz_late_answers WHERE attempt_id IN (SELECT value FROM json_each(?)) ORDER BY received_at, id`
		)
		.all(JSON.stringify(attemptIds)) as { id: number; attemptId: number; responses: string; takenAt: number; receivedAt: number }[];
	return rows.map((row) => ({ ...row, responses: new Map(JSON.parse(row.responses) as [string, Response][]) }));
}

/**
 * The number of the learner's open untimed attempt at a quiz, if any: its page goes into the
 * module's download, so that it can be continued offline (the page holds the questions only).
 */
export function openUntimedAttempt(db: Db, userId: number, activityId: number): number | undefined {
	return db
		.prepare(`SELECT number FROM quiz_attempt WHERE user_id = ? AND activity_id = ? AND status = 'open' AND deadline_at IS NULL`)
		.pluck()
		.get(userId, activityId) as number | undefined;
}
