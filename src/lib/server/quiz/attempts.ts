// The life of a quiz attempt: start (questions drawn once), autosave, submit or expire, grade.
// Every read-then-write runs in an IMMEDIATE transaction, so double clicks, retries, two tabs
// and many connections at once still give exactly one attempt in progress, one grading per
// attempt, and never more attempts than the quiz allows.
import type { Db } from '../db/open';
import { applyResult, openAttempt } from '../tracking/record';
import { logEvent } from '../tracking/service';
import { ATTEMPT_QUESTION_PLACES, decodeAnswer, encodeAnswer } from './answers';
import { gradeAttempt, keptPercent } from './grade';
import { attemptQuestions, recordAttemptQuestions, someAttemptQuestions } from './question-store';
import { drawSnapshot, type Random, type SnapshotQuestion } from './snapshot';
import type { GradingMethod, QuestionType, Quiz, Response } from './types';
import { ALWAYS_OPEN, windowState, type QuizWindow } from './window';

/** Saves and submissions that reach the server this long after the deadline still count:
 * they were sent in time over a slow connection. */
export const DEADLINE_GRACE_MS = 15_000;
/** The page's countdown may submit this much before the deadline (its clock runs from the
 * server's, give or take a request's travel) and still count as closed by time being up. */
export const COUNTDOWN_EARLY_MS = 2_000;
/** Time on task credited for one attempt when the quiz is untimed: a forgotten tab is not study. */
export const UNTIMED_ATTEMPT_TIME_CAP_MS = 90 * 60_000;

export interface Attempt {
	id: number;
	userId: number;
	activityId: number;
	number: number;
	status: 'open' | 'submitted';
	startedAt: number;
	deadlineAt: number | null;
	submittedAt: number | null;
	closedBy: 'learner' | 'deadline' | null;
	questions: SnapshotQuestion[];
	passPercent: number;
	grading: GradingMethod;
	score: number | null;
	maxScore: number | null;
	percent: number | null;
	passed: boolean | null;
}

interface AttemptRow {
	id: number;
	user_id: number;
	activity_id: number;
	number: number;
	status: 'open' | 'submitted';
	started_at: number;
	deadline_at: number | null;
	submitted_at: number | null;
	closed_by: 'learner' | 'deadline' | null;
	pass_percent: number;
	grading: GradingMethod;
	score: number | null;
	max_score: number | null;
	percent: number | null;
	passed: number | null;
}

/** The attempt of a row, with the questions it showed (question-store.ts). */
function toAttempt(db: Db, row: AttemptRow): Attempt {
	return {
		id: row.id,
		userId: row.user_id,
		activityId: row.activity_id,
		number: row.number,
		status: row.status,
		startedAt: row.started_at,
		deadlineAt: row.deadline_at,
		submittedAt: row.submitted_at,
		closedBy: row.closed_by,
		questions: attemptQuestions(db, row.id),
		passPercent: row.pass_percent,
		grading: row.grading,
		score: row.score,
		maxScore: row.max_score,
		percent: row.percent,
		passed: row.passed === null ? null : row.passed === 1
	};
}

export function getAttempt(db: Db, id: number): Attempt | null {
	const row = db.prepare('SELECT * FROM quiz_attempt WHERE id = ?').get(id) as AttemptRow | undefined;
	return row ? toAttempt(db, row) : null;
}

/**
 * Some questions of an attempt, in its order: what an autosave of one question needs, without
 * reading the others. Ids the attempt does not have are simply absent.
 */
export function getAttemptQuestions(db: Db, attemptId: number, ids: Iterable<string>): SnapshotQuestion[] {
	const wanted = [...new Set(ids)];
	if (wanted.length === 0) return [];
	return someAttemptQuestions(db, attemptId, wanted);
}

/** Attempts without their questions, newest first: for history lists. */
export interface AttemptSummary {
	id: number;
	number: number;
	status: 'open' | 'submitted';
	startedAt: number;
	deadlineAt: number | null;
	submittedAt: number | null;
	closedBy: 'learner' | 'deadline' | null;
	percent: number | null;
	passed: boolean | null;
}

export function listAttempts(db: Db, userId: number, activityId: number): AttemptSummary[] {
	const rows = db
		.prepare(
			`SELECT id, number, status, started_at, deadline_at, submitted_at, closed_by, percent, passed
			 FROM quiz_attempt WHERE user_id = ? AND activity_id = ? ORDER BY number DESC`
		)
		.all(userId, activityId) as Omit<AttemptRow, 'user_id' | 'activity_id'>[];
	return rows.map((r) => ({
		id: r.id,
		number: r.number,
		status: r.status,
		startedAt: r.started_at,
		deadlineAt: r.deadline_at,
		submittedAt: r.submitted_at,
		closedBy: r.closed_by,
		percent: r.percent,
		passed: r.passed === null ? null : r.passed === 1
	}));
}

/** An attempt's questions: each one's id, type and position (answers are stored by position). */
function questionPlaces(db: Db, attemptId: number): Map<string, { position: number; type: QuestionType }> {
	const rows = db.prepare(ATTEMPT_QUESTION_PLACES).all(attemptId) as { question_id: string; type: QuestionType; position: number }[];
	return new Map(rows.map((r) => [r.question_id, { position: r.position, type: r.type }]));
}

/**
 * The answers saved in an attempt, by question id (in id order). `questions` are the attempt's, in
 * its order, when the caller has them: answers are stored by position (answers.ts), so they are
 * then not read again.
 */
export function savedResponses(db: Db, attemptId: number, questions?: readonly Pick<SnapshotQuestion, 'id' | 'type'>[]): Map<string, Response> {
	const shown = questions ?? [...questionPlaces(db, attemptId)].sort((a, b) => a[1].position - b[1].position).map(([id, q]) => ({ id, type: q.type }));
	const rows = db.prepare('SELECT position, answer FROM quiz_answer WHERE attempt_id = ?').all(attemptId) as { position: number; answer: string }[];
	const answers = rows.map((row): [string, Response] => {
		const question = shown[row.position - 1];
		if (!question) throw new Error(`attempt ${attemptId} has no question at position ${row.position}`);
		return [question.id, decodeAnswer(question.type, row.answer)];
	});
	return new Map(answers.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/** The deadline rule, in one place: saves and submissions count until the deadline plus its
 * grace; after that the attempt is graded on what was saved in time. */
export const isPastDeadline = (attempt: Pick<Attempt, 'deadlineAt'>, now: number) =>
	attempt.deadlineAt !== null && now > attempt.deadlineAt + DEADLINE_GRACE_MS;

/** Who closes an attempt submitted now: time, when the page says time is up and the server's
 * clock agrees; otherwise the learner. */
export function closedByAt(attempt: Pick<Attempt, 'deadlineAt'>, pageSaysTimeUp: boolean, now: number): 'learner' | 'deadline' {
	return pageSaysTimeUp && attempt.deadlineAt !== null && now >= attempt.deadlineAt - COUNTDOWN_EARLY_MS ? 'deadline' : 'learner';
}

export type StartResult =
	| { ok: true; attempt: Attempt; resumed: boolean }
	| { ok: false; reason: 'noAttemptsLeft' | 'notYetOpen' | 'closed' };

/**
 * Starts an attempt, or resumes the one in progress. Outside the learner's cohort window no new
 * attempt starts (one already started carries on); inside it, the deadline is the time limit or
 * the window's close, whichever comes first.
 */
export function startAttempt(
	db: Db,
	userId: number,
	activityId: number,
	quiz: Quiz,
	now = Date.now(),
	random: Random = Math.random,
	window: QuizWindow = ALWAYS_OPEN
): StartResult {
	return db
		.transaction((): StartResult => {
			const open = db
				.prepare(`SELECT * FROM quiz_attempt WHERE user_id = ? AND activity_id = ? AND status = 'open'`)
				.get(userId, activityId) as AttemptRow | undefined;
			if (open) {
				const attempt = toAttempt(db, open);
				if (!isPastDeadline(attempt, now)) return { ok: true, attempt, resumed: true };
				closeAttempt(db, attempt, 'deadline', now);
			}
			const { n } = db
				.prepare('SELECT count(*) AS n FROM quiz_attempt WHERE user_id = ? AND activity_id = ?')
				.get(userId, activityId) as { n: number };
			const max = quiz.settings.maxAttempts;
			if (max !== null && n >= max) return { ok: false, reason: 'noAttemptsLeft' };
			const state = windowState(window, now);
			if (state !== 'open') return { ok: false, reason: state };
			const limit = quiz.settings.timeLimitMinutes;
			const snapshot = drawSnapshot(quiz, random);
			const limitEnds = limit === null ? null : now + Math.round(limit * 60_000);
			const deadlineAt =
				window.closesAt === null ? limitEnds : limitEnds === null ? window.closesAt : Math.min(limitEnds, window.closesAt);
			const { lastInsertRowid } = db
				.prepare(
					`INSERT INTO quiz_attempt (user_id, activity_id, number, started_at, deadline_at,
					   quiz_hash, pass_percent, grading)
					 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(
					userId,
					activityId,
					n + 1,
					now,
					deadlineAt,
					quiz.contentHash,
					quiz.settings.passPercent,
					quiz.settings.grading
				);
			// the questions themselves are stored once for all attempts; this one adds its draw
			recordAttemptQuestions(db, Number(lastInsertRowid), snapshot, quiz.questions);
			// the quiz's tracking row: in progress, with the attempt counted (logs 'launched')
			openAttempt(db, userId, activityId, { countsAsAttempt: true, detail: { attempt: n + 1 } }, now);
			// the row as written, without reading back the questions just drawn
			const attempt: Attempt = {
				id: Number(lastInsertRowid),
				userId,
				activityId,
				number: n + 1,
				status: 'open',
				startedAt: now,
				deadlineAt,
				submittedAt: null,
				closedBy: null,
				questions: snapshot,
				passPercent: quiz.settings.passPercent,
				grading: quiz.settings.grading,
				score: null,
				maxScore: null,
				percent: null,
				passed: null
			};
			return { ok: true, attempt, resumed: false };
		})
		.immediate();
}

export type SaveResult =
	| { ok: true; savedAt: number; otherSignIn: boolean }
	| { ok: false; reason: 'closed' | 'expired' };

/**
 * Autosave: stores (or, for a blank answer, removes) the given answers of an open attempt. `from`
 * is the sign-in sending them (sign-in.ts); `otherSignIn` says the save before came from another
 * one (the attempt is open on another device too: per question, the last answer to arrive wins).
 */
export function saveResponses(
	db: Db,
	attemptId: number,
	responses: Map<string, Response | null>,
	now = Date.now(),
	from: number | null = null
): SaveResult {
	return db
		.transaction((): SaveResult => {
			const state = db.prepare('SELECT status, deadline_at AS deadlineAt, saved_from AS savedFrom FROM quiz_attempt WHERE id = ?').get(attemptId) as
				| { status: Attempt['status']; deadlineAt: number | null; savedFrom: number | null }
				| undefined;
			if (!state || state.status !== 'open') return { ok: false, reason: 'closed' };
			if (isPastDeadline(state, now)) {
				closeAttempt(db, getAttempt(db, attemptId)!, 'deadline', now);
				return { ok: false, reason: 'expired' };
			}
			const upsert = db.prepare(
				`INSERT INTO quiz_answer (attempt_id, position, answer, saved_at) VALUES (?, ?, ?, ?)
				 ON CONFLICT (attempt_id, position) DO UPDATE SET answer = excluded.answer, saved_at = excluded.saved_at`
			);
			const remove = db.prepare('DELETE FROM quiz_answer WHERE attempt_id = ? AND position = ?');
			// answers are stored by the question's position in the attempt (answers.ts); an autosave
			// looks up only its question (by the index on its id, not all of the attempt's)
			const place = db.prepare(
				`SELECT a.position, q.type FROM quiz_question q CROSS JOIN quiz_attempt_question a
				 WHERE q.question_id = ? AND a.attempt_id = ? AND a.question = q.id`
			);
			for (const [questionId, response] of responses) {
				const question = place.get(questionId, attemptId) as { position: number; type: QuestionType } | undefined;
				if (!question) throw new Error(`attempt ${attemptId} has no question ${questionId}`);
				if (response) upsert.run(attemptId, question.position, encodeAnswer(question.type, response), now);
				else remove.run(attemptId, question.position);
			}
			if (from === null) return { ok: true, savedAt: now, otherSignIn: false };
			if (state.savedFrom !== from) db.prepare('UPDATE quiz_attempt SET saved_from = ? WHERE id = ?').run(from, attemptId);
			return { ok: true, savedAt: now, otherSignIn: state.savedFrom !== null && state.savedFrom !== from };
		})
		.immediate();
}

export type SubmitResult =
	| { ok: true; attempt: Attempt; alreadySubmitted: boolean }
	| { ok: false; reason: 'expired'; attempt: Attempt };

/**
 * Submits an attempt: saves the answers sent with it (unless the deadline has passed), then
 * grades. Submitting an attempt already graded returns it unchanged: the call is idempotent.
 * Given the attempt the caller already read, its questions are not read again
 * (questions never change once drawn); its status is always read afresh inside the transaction.
 */
export function submitAttempt(
	db: Db,
	attemptOrId: Attempt | number,
	responses: Map<string, Response | null>,
	now = Date.now(),
	/** 'deadline' when the page's countdown submitted it and closedByAt agreed that time is up */
	closedBy: 'learner' | 'deadline' = 'learner'
): SubmitResult {
	const attemptId = typeof attemptOrId === 'number' ? attemptOrId : attemptOrId.id;
	return db
		.transaction((): SubmitResult => {
			const state = db.prepare('SELECT status FROM quiz_attempt WHERE id = ?').pluck().get(attemptId) as Attempt['status'] | undefined;
			if (state === undefined) throw new Error(`no quiz attempt ${attemptId}`);
			if (state === 'submitted') return { ok: true, attempt: getAttempt(db, attemptId)!, alreadySubmitted: true };
			const attempt = typeof attemptOrId === 'number' ? getAttempt(db, attemptId)! : { ...attemptOrId, status: state };
			if (isPastDeadline(attempt, now)) {
				// graded with what was saved in time; what came with this late request is not counted
				return { ok: false, reason: 'expired', attempt: closeAttempt(db, attempt, 'deadline', now) };
			}
			const saved = saveResponses(db, attemptId, responses, now);
			if (!saved.ok) throw new Error(`attempt ${attemptId} closed during submission`);
			return { ok: true, attempt: closeAttempt(db, attempt, closedBy, now), alreadySubmitted: false };
		})
		.immediate();
}

/** Grades an open attempt from its saved answers and records the outcome everywhere it counts. */
function closeAttempt(db: Db, attempt: Attempt, closedBy: 'learner' | 'deadline', now: number): Attempt {
	const responses = savedResponses(db, attempt.id, attempt.questions);
	const grade = gradeAttempt(attempt.questions, responses);
	const passed = grade.percent >= attempt.passPercent;
	// closed by the deadline: it ended at the deadline, not when someone noticed
	const submittedAt = closedBy === 'deadline' && attempt.deadlineAt !== null ? Math.min(now, attempt.deadlineAt) : now;
	db.prepare(
		`UPDATE quiz_attempt SET status = 'submitted', submitted_at = ?, closed_by = ?, score = ?,
		   max_score = ?, percent = ?, passed = ? WHERE id = ?`
	).run(submittedAt, closedBy, grade.score, grade.maxScore, grade.percent, passed ? 1 : 0, attempt.id);
	const mark = db.prepare('UPDATE quiz_answer SET score = ? WHERE attempt_id = ? AND position = ?');
	// Each answer, with its score, stays in quiz_answer (its maximum is the question's points, and
	// it is right when it earns them all: the view quiz_response shows both), and each question
	// shown in quiz_attempt_question (one without an answer scored 0): what reports, item analysis
	// and exports read. The event log no longer repeats them in one 'answered' event per question
	// (4.3 KB of 7.5 per submitted attempt, and 20 more rows in the grading's write): the 'passed' or
	// 'failed' event below marks when they were graded.
	attempt.questions.forEach((question, i) => {
		if (responses.has(question.id)) mark.run(grade.questions.get(question.id)!.score, attempt.id, i + 1);
	});
	logEvent(
		db,
		attempt.userId,
		attempt.activityId,
		passed ? 'passed' : 'failed',
		{ attempt: attempt.number, score: grade.score, maxScore: grade.maxScore, percent: grade.percent, closedBy },
		now
	);

	const graded = db
		.prepare(
			`SELECT number, percent FROM quiz_attempt
			 WHERE user_id = ? AND activity_id = ? AND status = 'submitted' ORDER BY number`
		)
		.all(attempt.userId, attempt.activityId) as { number: number; percent: number }[];
	// the quiz's row keeps the score its grading method keeps; a pass, once reached, stays (merge.ts)
	const kept = keptPercent(attempt.grading, graded)!;
	const spent = submittedAt - attempt.startedAt;
	applyResult(
		db,
		attempt.userId,
		attempt.activityId,
		{
			completion: 'completed',
			success: kept >= attempt.passPercent ? 'passed' : 'failed',
			score: { raw: kept, min: 0, max: 100, scaled: kept / 100 },
			addTimeMs: Math.max(0, attempt.deadlineAt === null ? Math.min(spent, UNTIMED_ATTEMPT_TIME_CAP_MS) : spent)
		},
		now
	);
	return {
		...attempt,
		status: 'submitted',
		submittedAt,
		closedBy,
		score: grade.score,
		maxScore: grade.maxScore,
		percent: grade.percent,
		passed
	};
}

/** Closes every attempt whose deadline (plus grace) has passed; run periodically by the server. */
export function closeExpiredAttempts(db: Db, now = Date.now()): number {
	const rows = db
		.prepare(`SELECT * FROM quiz_attempt WHERE status = 'open' AND deadline_at IS NOT NULL AND deadline_at < ?`)
		.all(now - DEADLINE_GRACE_MS) as AttemptRow[];
	let closed = 0;
	for (const row of rows) {
		db.transaction(() => {
			// another server process may have closed it meanwhile
			const attempt = getAttempt(db, row.id)!;
			if (attempt.status !== 'open') return;
			closeAttempt(db, attempt, 'deadline', now);
			closed++;
		}).immediate();
	}
	return closed;
}

/** Whether the attempt's last save came from a sign-in other than `from` (another device); with
 * no sign-in to compare (`null`), any recorded one is another. */
export function savedFromElsewhere(db: Db, attemptId: number, from: number | null): boolean {
	const savedFrom = db.prepare('SELECT saved_from FROM quiz_attempt WHERE id = ?').pluck().get(attemptId) as number | null | undefined;
	return savedFrom !== null && savedFrom !== undefined && savedFrom !== from;
}
