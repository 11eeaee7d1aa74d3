// Migration 022 on demo data: a database built by the code before it (answers stored whole by
// question id, each attempt's question rows with the question's id and points: the frozen copies
// in fixtures/), every report computed, the migration run, every report computed again by today's
// code: all identical; the old rows read back exactly through the view quiz_response; and the
// migrated tables identical to those today's code writes for the same demo.
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { buildCatalog, findCourse, findModule, quizActivityId } from '../courses/catalog';
import { migrate, migrations } from '../db/migrate';
import { reusePreparedStatements, type Db } from '../db/open';
import { generateDemo } from '../demo/generate';
import { DAY } from '../demo/plan';
import { seededRandom } from '../random';
import { insertUser } from '../users/service';
import { saveResponses, startAttempt, submitAttempt } from './attempts';
import { everyReport, plain } from './fixtures/every-report';
import type { SnapshotQuestion } from './snapshot';
import type { Response } from './types';

// attempts.ts and the quiz report are the code before 022 while `legacy` is set, today's
// afterwards: the demo generator and the reports call whichever is current
const mode = vi.hoisted(() => ({ legacy: true }));
vi.mock('./attempts', async (importOriginal) =>
	(await import('./fixtures/switched')).switchedModule(await importOriginal(), await import('./fixtures/attempts-before-022'), mode)
);
vi.mock('../reports/quiz-results', async (importOriginal) =>
	(await import('./fixtures/switched')).switchedModule(await importOriginal(), await import('./fixtures/quiz-results-before-022'), mode)
);

const COURSES = new URL('../../../../courses', import.meta.url).pathname;
const NOW = Date.UTC(2026, 2, 2, 3);
const BEFORE_022 = migrations.filter((m) => m.version < 22);

function demo(legacy: boolean, learners = 120) {
	mode.legacy = legacy;
	const db: Db = new Database(':memory:');
	db.pragma('foreign_keys = ON');
	migrate(db, legacy ? BEFORE_022 : migrations);
	reusePreparedStatements(db);
	const catalog = buildCatalog(db, COURSES, NOW - 40 * DAY);
	const course = findCourse(catalog, 'phong-chong-mai-dam')!;
	const summary = generateDemo(db, catalog, course, {
		learners,
		cohorts: 2,
		codePrefix: 'DEMO',
		days: 28,
		seed: 'migration-022',
		now: NOW,
		passwordHash: '$argon2id$not-a-real-hash',
		trainerId: null
	});
	return { db, catalog, course, summary };
}

const rows = (db: Db, sql: string) => db.prepare(sql).all();
/** The answers as the table held them before 022, and as the view gives them after. */
const responses = (db: Db) => rows(db, 'SELECT * FROM quiz_response ORDER BY attempt_id, question_id');
/** How SQLite holds each value of the answers' grading columns (a REAL 1.0 is not an INTEGER 1). */
const storageClasses = (db: Db) =>
	rows(db, 'SELECT typeof(saved_at), typeof(score), typeof(max_score), typeof(correct) FROM quiz_response ORDER BY attempt_id, question_id');
/** Each attempt's questions with their ids and points, before 022 and after. */
const shownBefore = (db: Db) =>
	rows(db, 'SELECT attempt_id, question_id, position, points, question, choice_order, right_order, step_order FROM quiz_attempt_question ORDER BY attempt_id, position');
const shownAfter = (db: Db) =>
	rows(
		db,
		`SELECT a.attempt_id, q.question_id, a.position, q.points, a.question, a.choice_order, a.right_order, a.step_order
		 FROM quiz_attempt_question a JOIN quiz_question q ON q.id = a.question ORDER BY a.attempt_id, a.position`
	);
const bytesOf = (db: Db, ...names: string[]) =>
	db.prepare(`SELECT sum(pgsize) FROM dbstat WHERE name IN (SELECT value FROM json_each(?))`).pluck().get(JSON.stringify(names)) as number;

describe('migration 022 on demo data', () => {
	it('keeps every report, review, attempt page, grade and stored answer identical', { timeout: 120_000 }, () => {
		const old = demo(true);
		expect(old.summary.attempts).toBeGreaterThan(200);
		expect(old.summary.openAttempts).toBeGreaterThan(0);
		// the old format indeed: whole answers by question id, in a table
		expect(rows(old.db, `SELECT type FROM sqlite_master WHERE name = 'quiz_response'`)).toEqual([{ type: 'table' }]);
		const before = everyReport(old.db, old.catalog, old.course, NOW);
		const answersBefore = responses(old.db);
		const shown = shownBefore(old.db);
		const types = new Set(answersBefore.map((r) => JSON.parse((r as { response: string }).response).type));
		// every type of answer, graded and not yet graded (open attempts)
		expect([...types].sort()).toEqual(['matching', 'multiple', 'ordering', 'short', 'single', 'truefalse']);
		expect(answersBefore.some((r) => (r as { score: number | null }).score === null)).toBe(true);
		const classesBefore = storageClasses(old.db);
		const bytesBefore = bytesOf(old.db, 'quiz_response', 'quiz_attempt_question');

		expect(migrate(old.db)).toEqual([22]);
		mode.legacy = false;
		expect(old.db.pragma('foreign_key_check')).toEqual([]);
		expect(old.db.pragma('freelist_count', { simple: true })).toBe(0);
		// the same rows, value for value and storage class for storage class
		expect(responses(old.db)).toStrictEqual(answersBefore);
		expect(storageClasses(old.db)).toStrictEqual(classesBefore);
		expect(shownAfter(old.db)).toStrictEqual(shown);
		const after = everyReport(old.db, old.catalog, old.course, NOW);
		expect(after.attempts.length).toBe(old.summary.attempts);
		for (let i = 0; i < before.attempts.length; i++) expect(after.attempts[i]).toStrictEqual(before.attempts[i]);
		expect(after.cohorts).toStrictEqual(before.cohorts);
		expect(plain(after)).toEqual(plain(before));
		// and as JSON, key order included: the attempts export lists questions no longer in the
		// quiz in the order it meets them in each attempt's results
		expect(JSON.stringify(plain(after))).toBe(JSON.stringify(plain(before)));
		// smaller: answers and question rows less than 60 % of what they took
		expect(bytesOf(old.db, 'quiz_answer', 'quiz_attempt_question')).toBeLessThan(0.6 * bytesBefore);

		// what today's code stores for the same demo is exactly what the migration made
		const today = demo(false);
		expect(today.summary).toEqual(old.summary);
		for (const table of ['quiz_question', 'quiz_attempt_question', 'quiz_answer', 'quiz_attempt']) {
			const sql = `SELECT * FROM ${table} ORDER BY 1, 2`;
			expect(rows(today.db, sql), table).toStrictEqual(rows(old.db, sql));
		}
		old.db.close();
		today.db.close();
	});

	it('stops, changing nothing, at an answer it could not give back exactly', () => {
		const old = demo(true, 20);
		// an answer whose JSON names its type after its value: stored by value, it would read back reordered
		old.db.exec(`UPDATE quiz_response SET response = json_object('choice', response ->> 'choice', 'type', response ->> 'type')
			WHERE (attempt_id, question_id) = (SELECT attempt_id, question_id FROM quiz_response WHERE response ->> 'type' = 'single' LIMIT 1)`);
		expect(() => migrate(old.db)).toThrow(/some answers cannot be stored without changing them/);
		expect(old.db.pragma('user_version', { simple: true })).toBe(BEFORE_022.at(-1)!.version);
		expect(rows(old.db, `SELECT type FROM sqlite_master WHERE name IN ('quiz_response', 'quiz_answer')`)).toEqual([{ type: 'table' }]);
		old.db.close();
	});

	it('stops, changing nothing, at an attempt whose question row differs from its stored question', () => {
		const old = demo(true, 20);
		old.db.exec('UPDATE quiz_attempt_question SET points = points + 1 WHERE (attempt_id, position) = (SELECT attempt_id, position FROM quiz_attempt_question LIMIT 1)');
		expect(() => migrate(old.db)).toThrow(/differs from its stored question/);
		expect(old.db.pragma('user_version', { simple: true })).toBe(BEFORE_022.at(-1)!.version);
		expect(rows(old.db, `SELECT name FROM pragma_table_info('quiz_attempt_question') WHERE name = 'question_id'`)).toHaveLength(1);
		old.db.close();
	});
});

/** An answer to a question as shown, some right and some wrong: what a form would carry. */
function answerTo(question: SnapshotQuestion, text: string): Response {
	switch (question.type) {
		case 'single':
		case 'truefalse':
			return { type: question.type, choice: question.choices[0]!.id };
		case 'multiple':
			return { type: 'multiple', choices: question.choices.slice(0, 2).map((c) => c.id) };
		case 'short':
			return { type: 'short', text };
		case 'matching':
			return { type: 'matching', pairs: Object.fromEntries(question.pairs.map((p, i) => [p.left.id, question.rightOrder[i]!])) };
		case 'ordering':
			return { type: 'ordering', order: question.stepOrder };
	}
}

/**
 * Database growth per submitted attempt of the final assessment (20 of 42 questions drawn), as
 * the exam-day bench measures it (pages in use, every table and index): the learners start
 * together, each autosaves 10 answers one at a time, their saves interleaved, then each submits
 * all 20. Bytes, not time: the same figure on any machine.
 */
function examGrowth(legacy: boolean, learners = 200): number {
	mode.legacy = legacy;
	const db: Db = new Database(':memory:');
	db.pragma('foreign_keys = ON');
	migrate(db, legacy ? BEFORE_022 : migrations);
	reusePreparedStatements(db);
	const catalog = buildCatalog(db, COURSES, NOW - DAY);
	const course = findCourse(catalog, 'phong-chong-mai-dam')!;
	const module = findModule(course, 'kiem-tra-cuoi-khoa')!;
	const activity = quizActivityId(catalog, course, module)!;
	const users = Array.from({ length: learners }, (_, i) =>
		insertUser(db, { username: `hv.${i}`, displayName: 'Học viên', password: '', role: 'learner' }, '$argon2id$not-a-real-hash').id
	);
	const used = () => db.prepare('SELECT sum(pgsize) FROM dbstat').pluck().get() as number;
	// the questions stored by the learners of an earlier exam, as on a server in use
	for (const [i, userId] of users.slice(0, 20).entries()) startAttempt(db, userId, activity, module.quiz!, NOW - DAY + i, seededRandom(`truoc-${i}`));
	const before = used();
	const attempts = users.map((userId, i) => {
		const started = startAttempt(db, userId, activity, { ...module.quiz!, settings: { ...module.quiz!.settings, maxAttempts: null } }, NOW + i, seededRandom(`thi-${i}`));
		if (!started.ok) throw new Error(started.reason);
		return started.attempt;
	});
	for (let save = 0; save < 10; save++) {
		for (const [i, attempt] of attempts.entries()) {
			const question = attempt.questions[save]!;
			const saved = saveResponses(db, attempt.id, new Map([[question.id, answerTo(question, `trả lời hv.${i} số ${save + 1}`)]]), NOW + 60_000 + save * 1000 + i);
			if (!saved.ok) throw new Error(saved.reason);
		}
	}
	for (const [i, attempt] of attempts.entries()) {
		const form = new Map(attempt.questions.map((q): [string, Response] => [q.id, answerTo(q, `nộp bài hv.${i}`)]));
		const submitted = submitAttempt(db, attempt.id, form, NOW + 120_000 + i);
		if (!submitted.ok) throw new Error(submitted.reason);
	}
	const growth = (used() - before) / attempts.length;
	db.close();
	return growth;
}

describe('database growth per submitted exam attempt (issue 21)', () => {
	it('is at most 3 KB (3.5 KB before 022)', { timeout: 120_000 }, () => {
		const before = examGrowth(true);
		const after = examGrowth(false);
		// the figures, for docs/BENCHMARKS.md
		console.log(`growth per submitted exam attempt: ${(before / 1024).toFixed(2)} KB before 022, ${(after / 1024).toFixed(2)} KB after`);
		expect(before).toBeGreaterThan(3 * 1024);
		expect(after).toBeLessThanOrEqual(3 * 1024);
	});
});
