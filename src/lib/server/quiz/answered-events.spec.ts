// Grading no longer logs one 'answered' event per question (issue 21): the answer, its score and
// whether it was right are in quiz_response, the questions shown in quiz_attempt_question. Proven
// on demo data: the same demo built by the code before (fixtures/attempts-with-answered-events.ts) and by
// today's gives identical reports and stored attempts, and every 'answered' event the old code
// logged can be read back, field for field, from what today's code stores.
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { buildCatalog, findCourse } from '../courses/catalog';
import { migrate, migrations } from '../db/migrate';
import { reusePreparedStatements, type Db } from '../db/open';
import { generateDemo } from '../demo/generate';
import { DAY } from '../demo/plan';
import { everyReport, plain } from './fixtures/every-report';

// attempts.ts is the code before the change while `legacy` is set, today's otherwise
const mode = vi.hoisted(() => ({ legacy: true }));
vi.mock('./attempts', async (importOriginal) =>
	(await import('./fixtures/switched')).switchedModule(await importOriginal(), await import('./fixtures/attempts-with-answered-events'), mode)
);

// so is the trainers' quiz report: the old code's demo is built at the schema before 022 (which
// changed how answers are stored), then migrated
vi.mock('../reports/quiz-results', async (importOriginal) =>
	(await import('./fixtures/switched')).switchedModule(await importOriginal(), await import('./fixtures/quiz-results-before-022'), mode)
);

const COURSES = new URL('../../../../courses', import.meta.url).pathname;
const NOW = Date.UTC(2026, 2, 2, 3);

function demo(legacy: boolean) {
	mode.legacy = legacy;
	const db: Db = new Database(':memory:');
	db.pragma('foreign_keys = ON');
	migrate(db, legacy ? migrations.filter((m) => m.version < 22) : migrations);
	reusePreparedStatements(db);
	const catalog = buildCatalog(db, COURSES, NOW - 40 * DAY);
	const course = findCourse(catalog, 'phong-chong-mai-dam')!;
	const summary = generateDemo(db, catalog, course, {
		learners: 80,
		cohorts: 2,
		codePrefix: 'DEMO',
		days: 28,
		seed: 'answered-events',
		now: NOW,
		passwordHash: '$argon2id$not-a-real-hash',
		trainerId: null
	});
	return { db, catalog, course, summary };
}

const rows = (db: Db, sql: string) => db.prepare(sql).raw().all();

/** The stored attempts, table by table (sessions aside: their tokens are random). */
function attemptTables(db: Db) {
	return {
		attempts: rows(db, 'SELECT * FROM quiz_attempt ORDER BY id'),
		shown: rows(db, 'SELECT * FROM quiz_attempt_question ORDER BY attempt_id, position'),
		questions: rows(db, 'SELECT * FROM quiz_question ORDER BY id'),
		responses: rows(db, 'SELECT * FROM quiz_response ORDER BY attempt_id, question_id'),
		answers: rows(db, 'SELECT * FROM quiz_answer ORDER BY attempt_id, position'),
		tracking: rows(db, 'SELECT * FROM tracking ORDER BY user_id, activity_id'),
		days: rows(db, 'SELECT * FROM learner_day ORDER BY user_id, course_id, day')
	};
}

/** Every event but 'answered', without its id (fewer rows come before it now). */
const otherEvents = (db: Db) =>
	rows(db, `SELECT user_id, activity_id, verb, result, created_at FROM learning_event WHERE verb != 'answered' ORDER BY id`);

/** What an 'answered' event held, read from today's tables: each question shown in a graded
 * attempt, its answer (null: none, scored 0), at the time of the attempt's passed/failed event. */
function answersAsEvents(db: Db) {
	return rows(
		db,
		`SELECT a.user_id, a.activity_id, 'answered',
		   json_object('attempt', a.number, 'question', s.question_id, 'response', json(r.response),
		     'correct', json(iif(coalesce(r.correct, 0), 'true', 'false')), 'score', coalesce(r.score, 0)),
		   (SELECT e.created_at FROM learning_event e WHERE e.user_id = a.user_id AND e.activity_id = a.activity_id
		      AND e.verb IN ('passed', 'failed') AND e.result ->> 'attempt' = a.number)
		 FROM quiz_attempt a JOIN quiz_attempt_question aq ON aq.attempt_id = a.id JOIN quiz_question s ON s.id = aq.question
		 LEFT JOIN quiz_response r ON r.attempt_id = a.id AND r.question_id = s.question_id
		 WHERE a.status = 'submitted'
		 ORDER BY a.submitted_at, a.id, aq.position`
	);
}

describe("grading without per-question 'answered' events", () => {
	it('keeps every report and stored attempt identical, and every answer the events held', { timeout: 120_000 }, () => {
		const before = demo(true);
		const after = demo(false);
		// the same demo, less the 'answered' events (counted below)
		expect({ ...after.summary, events: 0 }).toEqual({ ...before.summary, events: 0 });
		expect(before.summary.attempts).toBeGreaterThan(100);

		// the old code's reports on its own tables, then its tables migrated to today's
		mode.legacy = true;
		const reportsBefore = everyReport(before.db, before.catalog, before.course, NOW);
		mode.legacy = false;
		expect(migrate(before.db)).toEqual([22]);
		const reportsAfter = everyReport(after.db, after.catalog, after.course, NOW);
		expect(reportsAfter.attempts.length).toBe(before.summary.attempts);
		expect(plain(reportsAfter)).toEqual(plain(reportsBefore));
		expect(attemptTables(after.db)).toEqual(attemptTables(before.db));
		expect(otherEvents(after.db)).toEqual(otherEvents(before.db));

		const logged = rows(
			before.db,
			`SELECT user_id, activity_id, verb, result, created_at FROM learning_event WHERE verb = 'answered' ORDER BY id`
		) as unknown[][];
		expect(logged.length).toBeGreaterThan(1000);
		expect(rows(after.db, `SELECT count(*) FROM learning_event WHERE verb = 'answered'`)).toEqual([[0]]);
		expect(after.summary.events).toBe(before.summary.events - logged.length);
		// field for field, key order aside; events of attempts graded at the same moment in any order
		const parse = (row: unknown[]) => [row[0], row[1], row[2], JSON.parse(row[3] as string), row[4]];
		const key = (row: unknown[]) => JSON.stringify(row);
		const sorted = (list: unknown[][]) => list.map(parse).sort((a, b) => (key(a) < key(b) ? -1 : 1));
		expect(sorted(answersAsEvents(after.db) as unknown[][])).toEqual(sorted(logged));

		const size = (db: Db) => (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
		expect(size(after.db)).toBeLessThan(size(before.db));
		before.db.close();
		after.db.close();
	});
});
