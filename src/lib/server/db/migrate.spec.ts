import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

	it('skip a migration another process applied while this one waited for the write lock', async () => {
		// two server processes (node:cluster workers, a second unit) starting on one new file
		const dir = mkdtempSync(join(tmpdir(), 'taphuan-migrate-'));
		const file = join(dir, 'race.db');
		const list = [{ version: 1, name: '001_x.sql', sql: 'CREATE TABLE x (a INTEGER);' }];
		try {
			new Database(file).pragma('journal_mode = WAL');
			// the other process: holds the write lock, applies the migration, commits 300 ms later
			const other = spawn(
				process.execPath,
				[
					'-e',
					`const db = new (require('better-sqlite3'))(${JSON.stringify(file)});
					 db.exec('BEGIN IMMEDIATE; CREATE TABLE x (a INTEGER); PRAGMA user_version = 1;');
					 console.log('locked');
					 Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
					 db.exec('COMMIT');`
				],
				{ stdio: ['ignore', 'pipe', 'inherit'] }
			);
			await new Promise((locked) => other.stdout.once('data', locked));
			const db = new Database(file);
			db.pragma('busy_timeout = 5000');
			// it read version 0, then waited for the lock: by then the table is there
			expect(migrate(db, list)).toEqual([]);
			expect(db.pragma('user_version', { simple: true })).toBe(1);
			db.close();
			await new Promise((exited) => other.once('exit', exited));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('hand out a statement compiled once per SQL text, without the modes an earlier caller chose', () => {
		const db = openDatabase(':memory:');
		const sql = 'SELECT id, username FROM user WHERE id = ?';
		db.prepare(`INSERT INTO user (username, display_name, password_hash, role, created_at) VALUES ('lan', 'Lan', 'x', 'learner', 0)`).run();
		expect(db.prepare(sql).pluck().get(1)).toBe(1);
		expect(db.prepare(sql)).toBe(db.prepare(sql));
		expect(db.prepare(sql).get(1)).toEqual({ id: 1, username: 'lan' });
		expect(db.prepare(sql).raw().get(1)).toEqual([1, 'lan']);
		expect(db.prepare(sql).get(1)).toEqual({ id: 1, username: 'lan' });
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

	it('rebuild the activity table in 005 keeping ids, references and the learner-day trigger', () => {
		const db = new Database(':memory:');
		db.pragma('foreign_keys = ON');
		migrate(db, migrations.filter((m) => m.version <= 4));
		db.exec(`
			INSERT INTO user (id, username, display_name, password_hash, role, created_at) VALUES (7, 'lan', 'Lan', 'x', 'learner', 0);
			INSERT INTO course (id, title, loaded_at) VALUES ('c', 'C', 0);
			INSERT INTO activity (id, course_id, module_slug, kind, title, content_hash) VALUES (41, 'c', 'm', 'lesson', 'L', 'h'), (42, 'c', 'm', 'quiz', 'Q', 'h');
			INSERT INTO tracking (user_id, activity_id, completion_status) VALUES (7, 41, 'completed');
			INSERT INTO learning_event (user_id, activity_id, verb, created_at) VALUES (7, 42, 'launched', 0);
		`);
		expect(migrate(db)).toEqual(migrations.filter((m) => m.version > 4).map((m) => m.version));
		expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(db.prepare('SELECT id, kind, item FROM activity ORDER BY id').all()).toEqual([
			{ id: 41, kind: 'lesson', item: '' },
			{ id: 42, kind: 'quiz', item: '' }
		]);
		expect(db.pragma('foreign_key_check')).toEqual([]);
		// two SCOs of one module are two activities now
		db.exec(`INSERT INTO activity (course_id, module_slug, kind, item, title, content_hash) VALUES ('c', 'm', 'scorm', '1/a', 'A', 'h'), ('c', 'm', 'scorm', '1/b', 'B', 'h')`);
		// references still point at the rebuilt table
		expect(() => db.prepare(`INSERT INTO tracking (user_id, activity_id) VALUES (7, 999)`).run()).toThrow(/FOREIGN KEY/);
		// the trigger was recreated: an event on a new day adds a learner_day row
		db.prepare(`INSERT INTO learning_event (user_id, activity_id, verb, created_at) VALUES (7, 41, 'launched', ?)`).run(86_400_000 * 3);
		expect(db.prepare('SELECT day FROM learner_day ORDER BY day').all()).toEqual([{ day: 0 }, { day: 3 }]);
	});

	it('refuse a foreign-keys-off migration that leaves a broken reference, and roll it back', () => {
		const db = new Database(':memory:');
		db.pragma('foreign_keys = ON');
		const list = [
			{ version: 1, name: '001_a.sql', sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (a_id INTEGER REFERENCES a (id));' },
			{ version: 2, name: '002_b.sql', sql: '-- migrate: foreign-keys-off\nINSERT INTO b VALUES (5);' }
		];
		expect(() => migrate(db, list)).toThrow(/broken foreign keys/);
		expect(db.pragma('user_version', { simple: true })).toBe(1);
		expect(db.prepare('SELECT count(*) AS n FROM b').get()).toEqual({ n: 0 });
		expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
	});
});

describe('007: stored text in NFC', () => {
	const nfd = (text: string) => text.normalize('NFD');

	/** A database as version 6 left it, holding text typed in NFD. */
	function beforeNfc(): Database.Database {
		const db = new Database(':memory:');
		db.pragma('foreign_keys = ON');
		migrate(db, migrations.filter((m) => m.version <= 6));
		const user = db.prepare(
			`INSERT INTO user (id, username, display_name, password_hash, role, organisation, commune, province, created_at)
			 VALUES (?, ?, ?, 'x', 'learner', ?, ?, ?, 0)`
		);
		user.run(1, 'lan', nfd('Nguyễn Thị Lan'), nfd('Hội LHPN xã Đông Hòa'), nfd('xã Đông Hòa'), nfd('Hưng Yên'));
		user.run(2, 'binh', 'Trần Văn Bình', 'Hội LHPN xã Đông Hòa', 'xã Đông Hòa', 'Hưng Yên');
		// only a database edited by hand holds such usernames: the app accepts a-z 0-9 . _ -
		user.run(3, nfd('hoà'), 'Hoà', '', '', '');
		user.run(4, 'hoà', 'Hoà NFC', '', '', '');
		user.run(5, nfd('thuỷ'), 'Thuỷ', '', '', '');
		db.prepare(`INSERT INTO cohort (id, name, enrol_code, created_at) VALUES (1, ?, 'HY-1', 0)`).run(nfd('Lớp Hưng Yên'));
		db.prepare(`INSERT INTO course (id, title, loaded_at) VALUES ('c', ?, 0)`).run(nfd('Phòng, chống mại dâm'));
		db.prepare(`INSERT INTO thread (id, course_id, author_id, title, created_at, last_post_at) VALUES (1, 'c', 1, ?, 0, 0)`).run(nfd('Câu hỏi về Nghị định'));
		db.prepare(`INSERT INTO post (id, thread_id, author_id, body_md, body_html, created_at) VALUES (1, 1, 1, ?, ?, 0)`).run(
			nfd('Xin hỏi **điều** này'),
			nfd('<p>Xin hỏi <strong>điều</strong> này</p>')
		);
		db.prepare(`INSERT INTO post_report (post_id, reporter_id, reason, created_at) VALUES (1, 2, ?, 0)`).run(nfd('Lạc đề'));
		return db;
	}

	it('rewrites names, organisations, cohort names, thread titles, posts and reports', () => {
		const db = beforeNfc();
		expect(migrate(db)).toContain(7);
		expect(db.prepare('SELECT display_name, organisation, commune, province FROM user WHERE id = 1').get()).toEqual({
			display_name: 'Nguyễn Thị Lan',
			organisation: 'Hội LHPN xã Đông Hòa',
			commune: 'xã Đông Hòa',
			province: 'Hưng Yên'
		});
		// the organisation filter now offers it once
		expect(db.prepare('SELECT DISTINCT organisation FROM user WHERE id IN (1, 2)').pluck().all()).toEqual(['Hội LHPN xã Đông Hòa']);
		expect(db.prepare('SELECT name FROM cohort').pluck().get()).toBe('Lớp Hưng Yên');
		expect(db.prepare('SELECT title FROM course').pluck().get()).toBe('Phòng, chống mại dâm');
		expect(db.prepare('SELECT title FROM thread').pluck().get()).toBe('Câu hỏi về Nghị định');
		expect(db.prepare('SELECT body_md, body_html FROM post').get()).toEqual({
			body_md: 'Xin hỏi **điều** này',
			body_html: '<p>Xin hỏi <strong>điều</strong> này</p>'
		});
		expect(db.prepare('SELECT reason FROM post_report').pluck().get()).toBe('Lạc đề');
	});

	it('normalises a username no other account would share, and keeps both of two that would become equal', () => {
		const db = beforeNfc();
		migrate(db);
		expect(db.prepare('SELECT id, username FROM user WHERE id >= 3 ORDER BY id').all()).toEqual([
			{ id: 3, username: nfd('hoà') },
			{ id: 4, username: 'hoà' },
			{ id: 5, username: 'thuỷ' }
		]);
	});

	it('leaves nfc() in place for later migrations, and text other than strings alone', () => {
		const db = beforeNfc();
		migrate(db);
		expect(db.prepare('SELECT nfc(?) AS a, nfc(NULL) AS b, nfc(3) AS c').get(nfd('ộ'))).toEqual({ a: 'ộ', b: null, c: 3 });
	});
});
