// The crash checks must bite: on demo data written by the real services they find nothing, and
// each kind of half-written state or lost write is reported.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCatalog, findCourse } from '$lib/server/courses/catalog';
import { openDatabase, type Db } from '$lib/server/db/open';
import { generateDemo } from '$lib/server/demo/generate';
import { inconsistencies, missingWrites } from './durability';
import { COURSE, writeCourse, type Logged } from './workload';

const dir = mkdtempSync(join(tmpdir(), 'taphuan-durability-'));
const coursesDir = writeCourse(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let db: Db;
beforeEach(() => {
	db = openDatabase(':memory:');
	const catalog = buildCatalog(db, coursesDir);
	generateDemo(db, catalog, findCourse(catalog, COURSE)!, {
		learners: 6,
		cohorts: 1,
		codePrefix: 'BEN',
		days: 3,
		seed: '1',
		now: Date.UTC(2026, 10, 1),
		passwordHash: 'x',
		trainerId: null
	});
});

const one = <T>(sql: string) => db.prepare(sql).get() as T;

describe('inconsistencies', () => {
	it('finds none in data the services wrote', () => {
		expect(one<{ n: number }>(`SELECT count(*) AS n FROM quiz_attempt WHERE status = 'submitted'`).n).toBeGreaterThan(0);
		expect(one<{ n: number }>('SELECT count(*) AS n FROM post').n).toBeGreaterThan(0);
		expect(inconsistencies(db)).toEqual([]);
	});

	it('reports a submitted attempt without its grade, and a post missing from the search index', () => {
		db.exec(`UPDATE quiz_attempt SET score = NULL WHERE id = (SELECT min(id) FROM quiz_attempt WHERE status = 'submitted')`);
		db.exec('DELETE FROM post_search WHERE rowid = (SELECT min(id) FROM post)');
		expect(inconsistencies(db)).toEqual([
			'submitted attempt without its grade: 1',
			'post missing from the search index: 1'
		]);
	});
});

describe('missingWrites', () => {
	it('accepts what is stored, or a later answer sent after it; reports a lost answer and a lost post', () => {
		const row = one<{ user: string; number: number; question: string; text: string }>(
			`SELECT u.username AS user, a.number, r.question_id AS question, json_extract(r.response, '$.text') AS text
			 FROM quiz_response r JOIN quiz_attempt a ON a.id = r.attempt_id JOIN user u ON u.id = a.user_id LIMIT 1`
		);
		const save = (text: string, acked: boolean): Logged => ({ kind: 'save', user: row.user, attempt: row.number, question: row.question, text, sentAt: 0, acked });
		expect(missingWrites(db, [save(row.text, true)])).toEqual([]);
		expect(missingWrites(db, [save('older', true), save(row.text, false)])).toEqual([]);
		expect(missingWrites(db, [save(row.text, true), save('newer, acknowledged', true)])).toHaveLength(1);
		const lostPost: Logged = { kind: 'reply', user: row.user, threadId: 1, postId: 999_999, body: 'x', sentAt: 0, acked: true };
		expect(missingWrites(db, [lostPost])).toEqual([`reply by ${row.user}: post 999999 is missing or different`]);
	});
});
