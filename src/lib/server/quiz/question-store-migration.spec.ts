// Migration 015 on demo data: a database built by the code before it (each attempt's whole
// snapshot in quiz_attempt.questions, written by the frozen copy in fixtures/), every report
// computed, the migration run, every report computed again by today's code: all identical.
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { buildCatalog, findCourse } from '../courses/catalog';
import { migrate, migrations } from '../db/migrate';
import { reusePreparedStatements, type Db } from '../db/open';
import { generateDemo } from '../demo/generate';
import { DAY } from '../demo/plan';
import { everyReport, plain } from './fixtures/every-report';

// attempts.ts is the code before 015 while `legacy` is set, today's afterwards: the demo
// generator and the reports call whichever is current
const mode = vi.hoisted(() => ({ legacy: true }));
vi.mock('./attempts', async (importOriginal) =>
	(await import('./fixtures/switched')).switchedModule(await importOriginal(), await import('./fixtures/attempts-before-015'), mode)
);

// so is the trainers' quiz report: the migrations after 015 (022) changed the tables it reads
vi.mock('../reports/quiz-results', async (importOriginal) =>
	(await import('./fixtures/switched')).switchedModule(await importOriginal(), await import('./fixtures/quiz-results-before-022'), mode)
);

const COURSES = new URL('../../../../courses', import.meta.url).pathname;
const NOW = Date.UTC(2026, 2, 2, 3);

/** A database at the schema before 015, opened as openDatabase opens one. */
function databaseBefore015(): Db {
	const db = new Database(':memory:');
	db.pragma('foreign_keys = ON');
	migrate(
		db,
		migrations.filter((m) => m.version < 15)
	);
	reusePreparedStatements(db);
	return db;
}

describe('migration 015 on demo data', () => {
	it('keeps every report, review, attempt page and grade identical', { timeout: 120_000 }, () => {
		mode.legacy = true;
		const db = databaseBefore015();
		const catalog = buildCatalog(db, COURSES, NOW - 40 * DAY);
		const course = findCourse(catalog, 'phong-chong-mai-dam')!;
		const summary = generateDemo(db, catalog, course, {
			learners: 120,
			cohorts: 2,
			codePrefix: 'DEMO',
			days: 28,
			seed: 'migration-015',
			now: NOW,
			passwordHash: '$argon2id$not-a-real-hash',
			trainerId: null
		});
		expect(summary.attempts).toBeGreaterThan(200);
		expect(summary.openAttempts).toBeGreaterThan(0);
		// the old format indeed: the whole snapshot in every attempt's row
		const snapshots = db.prepare('SELECT count(*) FROM quiz_attempt WHERE json_array_length(questions) > 0').pluck().get();
		expect(snapshots).toBe(summary.attempts);
		const before = everyReport(db, catalog, course, NOW);

		const pagesBefore = db.pragma('page_count', { simple: true }) as number;
		expect(migrate(db)).toEqual(migrations.filter((m) => m.version >= 15).map((m) => m.version));
		mode.legacy = false;
		// the snapshots' pages given back: the file (and its backups) shrink at once
		expect(db.pragma('freelist_count', { simple: true })).toBe(0);
		expect(db.pragma('page_count', { simple: true }) as number).toBeLessThan(pagesBefore / 2);
		const columns = (db.prepare(`SELECT name FROM pragma_table_info('quiz_attempt')`).pluck().all() as string[]);
		expect(columns).not.toContain('questions');
		const after = everyReport(db, catalog, course, NOW);

		expect(after.attempts.length).toBe(summary.attempts);
		for (let i = 0; i < before.attempts.length; i++) expect(after.attempts[i]).toStrictEqual(before.attempts[i]);
		expect(after.cohorts).toStrictEqual(before.cohorts);
		// and byte for byte as JSON, key order aside
		expect(plain(after)).toEqual(plain(before));

		// every distinct question stored once, whatever the number of attempts
		const questions = course.modules.reduce((n, m) => n + (m.quiz?.questions.length ?? 0), 0);
		expect(db.prepare('SELECT count(*) FROM quiz_question').pluck().get()).toBeLessThanOrEqual(questions);
		expect(db.pragma('foreign_key_check')).toEqual([]);
		db.close();
	});

	it('stops, changing nothing, at an attempt whose question rows do not match its snapshot', () => {
		mode.legacy = true;
		const db = databaseBefore015();
		const catalog = buildCatalog(db, COURSES, NOW - 40 * DAY);
		const course = findCourse(catalog, 'phong-chong-mai-dam')!;
		generateDemo(db, catalog, course, {
			learners: 20,
			cohorts: 1,
			codePrefix: 'DEMO',
			days: 28,
			seed: 'migration-015',
			now: NOW,
			passwordHash: '$argon2id$not-a-real-hash',
			trainerId: null
		});
		db.exec('DELETE FROM quiz_attempt_question WHERE (attempt_id, question_id) = (SELECT attempt_id, question_id FROM quiz_attempt_question LIMIT 1)');
		const version = db.pragma('user_version', { simple: true });
		expect(() => migrate(db)).toThrow(/differ from their snapshots/);
		expect(db.pragma('user_version', { simple: true })).toBe(version);
		expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'quiz_question'`).pluck().get()).toBe(0);
		db.close();
	});
});
