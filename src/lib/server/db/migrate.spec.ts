import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from './migrate';
import { openDatabase } from './open';

const TABLES = [
	'user',
	'session',
	'throttle',
	'course',
	'activity',
	'cohort',
	'cohort_course',
	'cohort_member',
	'tracking',
	'learning_event'
];

function tableNames(db: Database.Database): string[] {
	const rows = db
		.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
		.all() as { name: string }[];
	return rows.map((row) => row.name);
}

describe('migrations', () => {
	it('are numbered, in order, without duplicates', () => {
		expect(migrations.length).toBeGreaterThan(0);
		const versions = migrations.map((m) => m.version);
		expect(versions).toEqual([...versions].sort((a, b) => a - b));
		expect(new Set(versions).size).toBe(versions.length);
		expect(migrations[0]!.name).toBe('001_foundation.sql');
	});

	it('create every table on a fresh database', () => {
		const db = openDatabase(':memory:');
		expect(tableNames(db)).toEqual(expect.arrayContaining(TABLES));
	});

	it('record the highest migration number in user_version', () => {
		const db = openDatabase(':memory:');
		const highest = Math.max(...migrations.map((m) => m.version));
		expect(db.pragma('user_version', { simple: true })).toBe(highest);
	});

	it('apply every migration once and nothing the second time', () => {
		const db = new Database(':memory:');
		expect(migrate(db)).toEqual(migrations.map((m) => m.version));
		const tablesAfterFirst = tableNames(db);
		expect(migrate(db)).toEqual([]);
		expect(tableNames(db)).toEqual(tablesAfterFirst);
	});

	it('apply nothing again to a database openDatabase already migrated', () => {
		const db = openDatabase(':memory:');
		expect(migrate(db)).toEqual([]);
	});

	it('roll a failing migration back and leave user_version where it was', () => {
		const db = new Database(':memory:');
		const broken = [
			{ version: 1, name: '001_ok.sql', sql: 'CREATE TABLE a (x INTEGER);' },
			{ version: 2, name: '002_broken.sql', sql: 'CREATE TABLE b (x INTEGER); SELECT * FROM nope;' }
		];
		expect(() => migrate(db, broken)).toThrow();
		expect(db.pragma('user_version', { simple: true })).toBe(1);
		expect(tableNames(db)).toContain('a');
		expect(tableNames(db)).not.toContain('b');
	});

	it('make every commit durable: synchronous FULL', () => {
		expect(openDatabase(':memory:').pragma('synchronous', { simple: true })).toBe(2);
	});

	it('turn foreign keys on', () => {
		const db = openDatabase(':memory:');
		expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(() =>
			db
				.prepare(
					`INSERT INTO session (id, secret_hash, user_id, created_at, last_verified_at)
					 VALUES ('s', x'00', 999, 0, 0)`
				)
				.run()
		).toThrow(/FOREIGN KEY/);
	});

	it('make learning_event append-only: an UPDATE or a DELETE is refused', () => {
		const db = openDatabase(':memory:');
		const { lastInsertRowid: userId } = db
			.prepare(
				`INSERT INTO user (username, display_name, password_hash, role, created_at)
				 VALUES ('lan', 'Lan', 'x', 'learner', 0)`
			)
			.run();
		const { lastInsertRowid: eventId } = db
			.prepare(
				`INSERT INTO learning_event (user_id, activity_id, verb, created_at) VALUES (?, NULL, 'launched', 1)`
			)
			.run(userId);
		expect(() =>
			db.prepare(`UPDATE learning_event SET verb = 'completed' WHERE id = ?`).run(eventId)
		).toThrow(/append-only/);
		const row = db.prepare('SELECT verb FROM learning_event WHERE id = ?').get(eventId) as {
			verb: string;
		};
		expect(row.verb).toBe('launched');
		expect(() => db.prepare('DELETE FROM learning_event WHERE id = ?').run(eventId)).toThrow(
			/append-only/
		);
		// and deleting the learner cannot take the trail with them
		expect(() => db.prepare('DELETE FROM user WHERE id = ?').run(userId)).toThrow();
		expect(db.prepare('SELECT count(*) AS n FROM learning_event').get()).toEqual({ n: 1 });
	});
});
