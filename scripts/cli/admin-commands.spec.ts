import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '$lib/server/auth/password';
import { openDatabase, type Db } from '$lib/server/db/open';
import { findUserByUsername, getPasswordHash } from '$lib/server/users/service';
import { runAdmin } from './admin-commands';

const COURSES = new URL('../../courses', import.meta.url).pathname;

function harness(locale: 'vi' | 'en' = 'vi') {
	const db = openDatabase(':memory:');
	const out: string[] = [];
	const err: string[] = [];
	const run = (...argv: string[]) =>
		runAdmin(argv, {
			openDb: () => db,
			coursesDir: COURSES,
			locale,
			print: (line) => out.push(line),
			fail: (line) => err.push(line)
		});
	return { db, out, err, run };
}

function count(db: Db, table: string): number {
	return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('admin CLI', () => {
	it('prints usage with exit 2 when no command is given, 0 for --help', async () => {
		const { out, run } = harness();
		expect(await run()).toBe(2);
		expect(await run('--help')).toBe(0);
		expect(out.join('\n')).toContain('create-user');
	});

	it('refuses an unknown command', async () => {
		const { err, run } = harness('en');
		expect(await run('drop-everything')).toBe(2);
		expect(err[0]).toBe('Unknown command “drop-everything”.');
	});

	it('creates a trainer with a temporary password that must be changed', async () => {
		const { db, out, run } = harness();
		expect(await run('create-user', '--username', 'GV.Lan', '--name', 'Nguyễn Thị Lan', '--role', 'trainer')).toBe(0);
		const user = findUserByUsername(db, 'gv.lan')!;
		expect(user).toMatchObject({ role: 'trainer', displayName: 'Nguyễn Thị Lan', mustChangePassword: true });
		const temporary = /: (\S+)$/.exec(out.at(-1)!)![1]!;
		expect(await verifyPassword(getPasswordHash(db, user.id)!, temporary)).toBe(true);
	});

	it('reports bad input with exit 2 and stores nothing', async () => {
		const { db, err, run } = harness('en');
		expect(await run('create-user', '--username', 'lan', '--role', 'trainer')).toBe(2);
		expect(err.at(-1)).toBe('Missing option --name.');
		expect(await run('create-user', '--username', 'lan', '--name', 'Lan', '--role', 'boss')).toBe(2);
		expect(err.at(-1)).toBe('The role must be learner, trainer or admin.');
		expect(await run('create-user', '--username', 'Lan Anh', '--name', 'Lan', '--role', 'learner')).toBe(2);
		expect(await run('create-user', '--username', 'lan', '--name', 'Lan', '--role', 'learner', '--password', '12345678')).toBe(2);
		expect(await run('create-user', '--username', 'lan', '--bogus', 'x')).toBe(2);
		expect(count(db, 'user')).toBe(0);
	});

	it('refuses a username that is taken, whatever the case', async () => {
		const { db, err, run } = harness();
		await run('create-user', '--username', 'lan', '--name', 'Lan', '--role', 'learner', '--password', 'hoa-sen-2026');
		expect(await run('create-user', '--username', 'LAN', '--name', 'Lan 2', '--role', 'learner')).toBe(2);
		expect(err.at(-1)).toBe('Tên đăng nhập “lan” đã có người dùng.');
		expect(count(db, 'user')).toBe(1);
	});

	it('resets a password and ends the user’s sessions', async () => {
		const { db, out, run } = harness();
		await run('create-user', '--username', 'lan', '--name', 'Lan', '--role', 'learner', '--password', 'hoa-sen-2026');
		const user = findUserByUsername(db, 'lan')!;
		db.prepare(`INSERT INTO session (id, secret_hash, user_id, created_at, last_verified_at) VALUES ('s', x'00', ?, 0, 0)`).run(user.id);
		expect(await run('reset-password', '--username', 'lan')).toBe(0);
		expect(count(db, 'session')).toBe(0);
		expect(findUserByUsername(db, 'lan')!.mustChangePassword).toBe(true);
		const temporary = /: (\S+)$/.exec(out.at(-1)!)![1]!;
		expect(await verifyPassword(getPasswordHash(db, user.id)!, temporary)).toBe(true);
		expect(await run('reset-password', '--username', 'khongco')).toBe(2);
	});

	it('creates a cohort for a loaded course with its trainer, and refuses a second use of the code', async () => {
		const { db, err, run } = harness('en');
		await run('create-user', '--username', 'gv.an', '--name', 'GV', '--role', 'trainer', '--password', 'hoa-sen-2026');
		await run('create-user', '--username', 'hv.binh', '--name', 'HV', '--role', 'learner', '--password', 'hoa-sen-2026');
		const created = await run('create-cohort', '--name', 'Lớp 1', '--code', 'hy-2022-01', '--course', 'phong-chong-mai-dam', '--trainer', 'gv.an');
		expect(err).toEqual([]);
		expect(created).toBe(0);
		expect(db.prepare('SELECT enrol_code FROM cohort').all()).toEqual([{ enrol_code: 'HY-2022-01' }]);
		expect(count(db, 'cohort_member')).toBe(1);
		expect(await run('create-cohort', '--name', 'Lớp 2', '--code', 'HY-2022-01', '--course', 'phong-chong-mai-dam')).toBe(2);
		expect(err.at(-1)).toBe('The cohort code “HY-2022-01” is already used.');
		expect(await run('create-cohort', '--name', 'Lớp 3', '--code', 'HY-3', '--course', 'khong-co')).toBe(2);
		expect(err.at(-1)).toContain('No course “khong-co”');
		expect(await run('create-cohort', '--name', 'Lớp 4', '--code', 'HY-4', '--course', 'phong-chong-mai-dam', '--trainer', 'hv.binh')).toBe(2);
		expect(err.at(-1)).toBe('The account “hv.binh” is not a trainer.');
		expect(count(db, 'cohort')).toBe(1);
	});

	it('stores names typed in a terminal that sends decomposed Unicode (NFD) as NFC, and keeps file names as typed', async () => {
		const { db, run } = harness();
		const nfd = (text: string) => text.normalize('NFD');
		expect(
			await run('create-user', '--username', 'gv.hoa', '--name', nfd('Lê Thị Hòa'), '--role', 'trainer', '--organisation', nfd('Hội LHPN tỉnh'), '--commune', nfd('phường Hiến Nam'), '--province', nfd('Hưng Yên'))
		).toBe(0);
		expect(findUserByUsername(db, 'gv.hoa')).toMatchObject({ displayName: 'Lê Thị Hòa', organisation: 'Hội LHPN tỉnh', commune: 'phường Hiến Nam', province: 'Hưng Yên' });
		expect(await run('create-cohort', '--name', nfd('Lớp Hưng Yên'), '--code', 'HY-NFD', '--course', 'phong-chong-mai-dam', '--trainer', 'gv.hoa')).toBe(0);
		expect(db.prepare(`SELECT name FROM cohort WHERE enrol_code = 'HY-NFD'`).pluck().get()).toBe('Lớp Hưng Yên');
		// a backup file named on a Mac keeps its NFD name
		const dir = mkdtempSync(join(tmpdir(), 'taphuan-backup-'));
		const target = join(dir, nfd('bản-sao.db'));
		expect(await run('backup', '--out', target)).toBe(0);
		expect(readdirSync(dir)).toEqual([nfd('bản-sao.db')]);
	});

	it('backs the database up to a new file and never overwrites one', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'taphuan-backup-'));
		const source = openDatabase(join(dir, 'live.db'));
		const out: string[] = [];
		const err: string[] = [];
		const ctx = { openDb: () => source, coursesDir: COURSES, locale: 'en' as const, print: (l: string) => out.push(l), fail: (l: string) => err.push(l) };
		source.prepare(`INSERT INTO user (username, display_name, password_hash, role, created_at) VALUES ('lan', 'Lan', 'x', 'learner', 0)`).run();
		const target = join(dir, 'backup.db');
		expect(await runAdmin(['backup', '--out', target], ctx)).toBe(0);
		expect(existsSync(target)).toBe(true);
		expect(await runAdmin(['verify', '--file', target], ctx)).toBe(0);
		expect(out.at(-1)).toMatch(/intact: 1 accounts, 0 quiz attempts, 0 posts/);
		expect(existsSync(`${target}-wal`) || existsSync(`${target}-shm`), 'the backup is one file, and checking it adds none').toBe(false);
		const copy = openDatabase(target);
		expect(copy.prepare('SELECT username FROM user').all()).toEqual([{ username: 'lan' }]);
		expect(copy.pragma('journal_mode', { simple: true }), 'restored, it is back in WAL mode').toBe('wal');
		copy.close();
		expect(await runAdmin(['backup', '--out', target], ctx)).toBe(2);
		expect(err.at(-1)).toContain('exists');
		const garbage = join(dir, 'garbage.db');
		writeFileSync(garbage, 'not a database '.repeat(500));
		expect(await runAdmin(['verify', '--file', garbage], ctx)).toBe(2);
		expect(err.at(-1)).toContain('damaged');
	});

	// what a backup killed right after creating its output leaves, a database of someone else's,
	// a copy cut short: SQLite's integrity_check finds nothing wrong with the first two
	it('calls a file without the expected tables damaged: exit 2 with the message, no stack', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'taphuan-verify-'));
		const err: string[] = [];
		const ctx = { openDb: () => openDatabase(':memory:'), coursesDir: COURSES, locale: 'en' as const, print: () => {}, fail: (l: string) => err.push(l) };
		const empty = join(dir, 'empty.db');
		writeFileSync(empty, '');
		const noTables = join(dir, 'no-tables.db');
		new Database(noTables).pragma('user_version = 1');
		const other = join(dir, 'other.db');
		const otherDb = new Database(other);
		otherDb.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)');
		otherDb.close();
		const real = join(dir, 'real.db');
		const source = openDatabase(join(dir, 'live.db'));
		for (let i = 0; i < 300; i++) {
			source.prepare(`INSERT INTO user (username, display_name, password_hash, role, created_at) VALUES (?, 'Lan', ?, 'learner', 0)`).run(`hv${i}`, 'x'.repeat(500));
		}
		expect(await runAdmin(['backup', '--out', real], { ...ctx, openDb: () => source })).toBe(0);
		const truncated = join(dir, 'truncated.db');
		const bytes = readFileSync(real);
		writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2 / 4096) * 4096));

		for (const [file, detail] of [
			[empty, 'the file is empty'],
			[noTables, 'not a taphuan database'],
			[other, 'not a taphuan database'],
			[truncated, '']
		] as const) {
			expect(await runAdmin(['verify', '--file', file], ctx), file).toBe(2);
			expect(err.at(-1)).toMatch(/^The file “.*” is damaged \(.+\)\. Do not restore from it; use the backup before it\.$/);
			expect(err.at(-1)).toContain(detail);
			expect(err.at(-1)).not.toMatch(/\n\s+at /);
		}
		expect(err.at(-3)).toContain('missing tables user, quiz_attempt, post, learning_event');
		expect(err.at(-1)).toContain('truncated.db');
	});
});
