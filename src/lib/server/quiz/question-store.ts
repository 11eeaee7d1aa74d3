// Questions shown in quiz attempts are stored once by content (quiz_question, migration 015, with
// their id, type and points beside the body since 022): an attempt keeps, per position, which
// stored question it showed and the order it showed the choices, matching items and steps in (its
// draw). Starting an attempt writes a few hundred bytes
// instead of a copy of every rendered question; an edited question is a new stored question, so a
// finished attempt keeps exactly what it showed.
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../db/open';
import type { SnapshotQuestion } from './snapshot';
import type { Question } from './types';

/** A question as every attempt that shows it has it: choices in id order, no display orders. */
interface StoredForm {
	hash: string;
	body: string;
}

/** One attempt's display orders of a question, as positions in the stored question's lists
 * (comma-separated; null for an empty list): choices, right-hand matching items, steps. */
export interface QuestionOrder {
	choices: string | null;
	rights: string | null;
	steps: string | null;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const rightIds = (q: Question) => [...q.pairs.map((p) => p.right.id), ...q.distractors.map((d) => d.id)];
const stepIds = (q: Question) => q.steps.map((s) => s.id);

function storedFormOf(question: Question | SnapshotQuestion): StoredForm {
	// every key but the display orders, in the question's own key order: a question parsed now
	// and the same question read back from an older attempt give the same bytes, hence one row
	const { rightOrder: _rights, stepOrder: _steps, ...rest } = question as Question & Partial<SnapshotQuestion>;
	const body = JSON.stringify({ ...rest, choices: [...question.choices].sort(byId) });
	return { hash: createHash('sha256').update(body).digest('hex'), body };
}

/** Stored forms of the quiz files' questions, computed once per parsed question (the catalogue
 * keeps them for the life of the process). */
const formsOfParsed = new WeakMap<Question, StoredForm>();

function positions(shown: string[], listed: string[]): string | null {
	if (shown.length === 0) return null;
	const at = new Map(listed.map((id, i) => [id, i]));
	return shown
		.map((id) => {
			const i = at.get(id);
			if (i === undefined) throw new Error(`shown item ${id} is not one of the question's`);
			return i;
		})
		.join(',');
}

function pick<T>(items: T[], order: string | null): T[] {
	if (order === null) return [];
	return order.split(',').map((i) => items[Number(i)]!);
}

/** Splits a question as one attempt shows it into its stored form and the attempt's orders. */
export function splitQuestion(shown: SnapshotQuestion, parsed?: Question): StoredForm & { order: QuestionOrder } {
	let form = parsed && formsOfParsed.get(parsed);
	if (!form) {
		form = storedFormOf(parsed ?? shown);
		if (parsed) formsOfParsed.set(parsed, form);
	}
	return {
		...form,
		order: {
			choices: positions(
				shown.choices.map((c) => c.id),
				shown.choices.map((c) => c.id).sort()
			),
			rights: positions(shown.rightOrder, rightIds(shown)),
			steps: positions(shown.stepOrder, stepIds(shown))
		}
	};
}

/** The question as the attempt showed it, from its stored form and the attempt's orders. */
export function joinQuestion(stored: Question, order: QuestionOrder): SnapshotQuestion {
	return {
		...stored,
		choices: pick(stored.choices, order.choices),
		rightOrder: pick(rightIds(stored), order.rights),
		stepOrder: pick(stepIds(stored), order.steps)
	};
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}

/** Parsed stored questions by hash. Content-addressed, so an entry is never stale, whatever the
 * database or process; frozen, because every attempt showing the question shares it. Bounded:
 * the oldest entry goes first (a course has a few hundred questions). */
const parsedByHash = new Map<string, Question>();
export const PARSED_QUESTIONS_KEPT = 2_000;

function parsedBody(hash: string, body: () => string): Question {
	let question = parsedByHash.get(hash);
	if (!question) {
		question = deepFreeze(JSON.parse(body()) as Question);
		if (parsedByHash.size >= PARSED_QUESTIONS_KEPT) parsedByHash.delete(parsedByHash.keys().next().value!);
		parsedByHash.set(hash, question);
	}
	return question;
}

/** How many parsed questions the process holds: for tests of the bound. */
export const parsedQuestionsHeld = () => parsedByHash.size;

/**
 * Records the questions an attempt shows, in order: each stored question once (usually it is
 * already there, from the first learner who was shown it), then the attempt's row per question.
 * `quiz` gives the parsed questions, whose stored forms are computed once per process.
 */
export function recordAttemptQuestions(db: Db, attemptId: number, shown: SnapshotQuestion[], parsed: Question[] = []): void {
	const parsedById = new Map(parsed.map((q) => [q.id, q]));
	const find = db.prepare('SELECT id FROM quiz_question WHERE hash = ?').pluck();
	const store = db.prepare('INSERT INTO quiz_question (hash, question_id, type, points, body) VALUES (?, ?, ?, ?, ?)');
	const list = db.prepare(
		`INSERT INTO quiz_attempt_question (attempt_id, position, question, choice_order, right_order, step_order)
		 VALUES (?, ?, ?, ?, ?, ?)`
	);
	shown.forEach((question, i) => {
		const split = splitQuestion(question, parsedById.get(question.id));
		const id =
			(find.get(split.hash) as number | undefined) ??
			Number(store.run(split.hash, question.id, question.type, question.points, split.body).lastInsertRowid);
		list.run(attemptId, i + 1, id, split.order.choices, split.order.rights, split.order.steps);
	});
}

interface ShownRow {
	hash: string;
	question: number;
	choice_order: string | null;
	right_order: string | null;
	step_order: string | null;
}

const SHOWN = `SELECT q.hash, a.question, a.choice_order, a.right_order, a.step_order
	FROM quiz_attempt_question a JOIN quiz_question q ON q.id = a.question`;

function toShown(db: Db, rows: ShownRow[]): SnapshotQuestion[] {
	const body = db.prepare('SELECT body FROM quiz_question WHERE id = ?').pluck();
	return rows.map((row) =>
		joinQuestion(
			parsedBody(row.hash, () => body.get(row.question) as string),
			{ choices: row.choice_order, rights: row.right_order, steps: row.step_order }
		)
	);
}

/** Every question an attempt showed, in its order. */
export function attemptQuestions(db: Db, attemptId: number): SnapshotQuestion[] {
	const rows = db.prepare(`${SHOWN} WHERE a.attempt_id = ? ORDER BY a.position`).all(attemptId) as ShownRow[];
	return toShown(db, rows);
}

/** Some questions of an attempt, in its order; ids it does not have are absent. */
export function someAttemptQuestions(db: Db, attemptId: number, ids: string[]): SnapshotQuestion[] {
	// the stored questions of these ids first (by their index), then the attempt's rows showing them
	const rows = db
		.prepare(
			`SELECT q.hash, a.question, a.choice_order, a.right_order, a.step_order
			 FROM quiz_question q CROSS JOIN quiz_attempt_question a
			 WHERE q.question_id IN (SELECT value FROM json_each(?)) AND a.attempt_id = ? AND a.question = q.id ORDER BY a.position`
		)
		.all(JSON.stringify(ids), attemptId) as ShownRow[];
	return toShown(db, rows);
}

// Migration 015 converts each attempt's snapshot (one question of it at a time) with these.
// Consecutive calls get the same question, so the last conversion is kept.
let lastConverted: { json: string; split: ReturnType<typeof splitQuestion> } | null = null;

/**
 * A snapshot question (JSON, as attempts stored it before migration 015) split for storage.
 * Throws, stopping the migration with nothing changed, unless the stored form and orders give
 * back exactly the question the attempt stored.
 */
export function convertSnapshotQuestion(json: string): StoredForm & { order: QuestionOrder } {
	if (lastConverted?.json === json) return lastConverted.split;
	const shown = JSON.parse(json) as SnapshotQuestion;
	const split = splitQuestion(shown);
	if (!isDeepStrictEqual(joinQuestion(JSON.parse(split.body) as Question, split.order), shown)) {
		throw new Error(`question ${shown.id} of an attempt cannot be stored without changing it`);
	}
	lastConverted = { json, split };
	return split;
}
