// A cohort's submitted attempts at one quiz, with every question each attempt showed and what
// the learner answered: the rows item analysis and the attempts export are computed from.
import type { Db } from '../db/open';
import { decodeAnswer } from '../quiz/answers';
import type { QuestionType, Response } from '../quiz/types';

export type AttemptFilter = 'first' | 'best' | 'all';
export const ATTEMPT_FILTERS: readonly AttemptFilter[] = ['first', 'best', 'all'];

export interface AttemptResult {
	id: number;
	userId: number;
	number: number;
	startedAt: number;
	submittedAt: number;
	percent: number;
	passed: boolean;
	/** question id → the learner's answer (null: left unanswered) and the points earned */
	questions: Map<string, QuestionResult>;
}

export interface QuestionResult {
	points: number;
	score: number;
	response: Response | null;
	position: number;
}

interface AttemptRow {
	id: number;
	user_id: number;
	number: number;
	started_at: number;
	submitted_at: number;
	percent: number;
	passed: number;
}

/** Keeps each learner's first attempt, their best (earliest among equals), or all of them. */
function pick(rows: AttemptRow[], filter: AttemptFilter): AttemptRow[] {
	if (filter === 'all') return rows;
	const chosen = new Map<number, AttemptRow>();
	for (const row of rows) {
		const current = chosen.get(row.user_id);
		const better =
			!current ||
			(filter === 'first' ? row.number < current.number : row.percent > current.percent || (row.percent === current.percent && row.number < current.number));
		if (better) chosen.set(row.user_id, row);
	}
	return [...chosen.values()];
}

export function cohortQuizResults(db: Db, cohortId: number, quizActivityId: number, filter: AttemptFilter): AttemptResult[] {
	const attempts = pick(
		db
			.prepare(
				`SELECT a.id, a.user_id, a.number, a.started_at, a.submitted_at, a.percent, a.passed
				 FROM cohort_member m JOIN quiz_attempt a ON a.user_id = m.user_id
				 WHERE m.cohort_id = ? AND m.role = 'learner' AND a.activity_id = ? AND a.status = 'submitted'
				 ORDER BY a.user_id, a.number`
			)
			.all(cohortId, quizActivityId) as AttemptRow[],
		filter
	);
	const results = new Map<number, AttemptResult>(
		attempts.map((a) => [
			a.id,
			{
				id: a.id,
				userId: a.user_id,
				number: a.number,
				startedAt: a.started_at,
				submittedAt: a.submitted_at,
				percent: a.percent,
				passed: a.passed === 1,
				questions: new Map()
			}
		])
	);
	// answers are stored by position (quiz/answers.ts); the few stored questions the attempts
	// showed give each position its question's id, type and points
	const rows = db
		.prepare(
			`SELECT aq.attempt_id, aq.question, aq.position, r.answer, r.score
			 FROM quiz_attempt_question aq
			 LEFT JOIN quiz_answer r ON r.attempt_id = aq.attempt_id AND r.position = aq.position
			 WHERE aq.attempt_id IN (SELECT value FROM json_each(?))`
		)
		.all(JSON.stringify([...results.keys()])) as {
		attempt_id: number;
		question: number;
		position: number;
		answer: string | null;
		score: number | null;
	}[];
	const stored = new Map(
		(
			db
				.prepare('SELECT id, question_id, type, points FROM quiz_question WHERE id IN (SELECT value FROM json_each(?))')
				.all(JSON.stringify([...new Set(rows.map((r) => r.question))])) as { id: number; question_id: string; type: QuestionType; points: number }[]
		).map((q) => [q.id, q])
	);
	// each attempt's questions in id order, as before 022 (the attempts export lists questions no
	// longer in the quiz in the order it meets them)
	const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	const perAttempt = new Map<number, { id: string; answer: QuestionResult }[]>();
	for (const row of rows) {
		const question = stored.get(row.question)!;
		let list = perAttempt.get(row.attempt_id);
		if (!list) perAttempt.set(row.attempt_id, (list = []));
		list.push({
			id: question.question_id,
			answer: {
				points: question.points,
				score: row.score ?? 0,
				response: row.answer === null ? null : decodeAnswer(question.type, row.answer),
				position: row.position
			}
		});
	}
	for (const [attemptId, list] of perAttempt) {
		const questions = results.get(attemptId)!.questions;
		for (const { id, answer } of list.sort(byId)) questions.set(id, answer);
	}
	return [...results.values()];
}

/**
 * The attempts export's order: by learner name, each learner's attempts together and in order.
 * Names are not unique (two "Nguyễn Thị Lan" in one cohort is common), so the username, which
 * is, breaks the tie; sorting by name and attempt number alone interleaved such namesakes.
 */
export function orderByLearner<R extends Pick<AttemptResult, 'userId' | 'number'>>(
	results: R[],
	learners: ReadonlyMap<number, { displayName: string; username: string }>
): R[] {
	const name = (r: R) => learners.get(r.userId)?.displayName ?? '';
	const username = (r: R) => learners.get(r.userId)?.username ?? '';
	return [...results].sort(
		(a, b) =>
			name(a).localeCompare(name(b), 'vi') ||
			username(a).localeCompare(username(b), 'vi') ||
			a.userId - b.userId ||
			a.number - b.number
	);
}
