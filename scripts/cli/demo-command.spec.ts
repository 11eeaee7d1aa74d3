import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '$lib/server/auth/password';
import { openDatabase, type Db } from '$lib/server/db/open';
import { findUserByUsername, getPasswordHash, insertUser } from '$lib/server/users/service';
import { stopIssuingCertificates } from '$lib/server/certificates/listener';
import { DEMO_ISSUER } from '$lib/server/demo/generate';
import { DEMO_DEFAULTS, runDemo } from './demo-command';

const COURSES = new URL('../../courses', import.meta.url).pathname;
const NOW = Date.UTC(2026, 2, 2, 3);

function harness(locale: 'vi' | 'en' = 'vi', coursesDir = COURSES) {
	const db = openDatabase(':memory:');
	const out: string[] = [];
	const err: string[] = [];
	const run = (...argv: string[]) =>
		runDemo(argv, {
			openDb: () => db,
			coursesDir,
			databasePath: '/tmp/thu.db',
			locale,
			now: () => NOW,
			print: (line) => out.push(line),
			fail: (line) => err.push(line)
		});
	return { db, out, err, run };
}

const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('demo CLI', () => {
	afterEach(() => stopIssuingCertificates());

	it('creates a demo cohort whose learners sign in with the shared password, and says what it made', async () => {
		const { db, out, err, run } = harness();
		expect(await run('--learners', '20', '--days', '10')).toBe(0);
		expect(err).toEqual([]);
		expect(count(db, 'cohort_member')).toBe(20);
		const learner = findUserByUsername(db, 'demo.0001')!;
		expect(learner).toMatchObject({ role: 'learner', province: 'Hưng Yên', mustChangePassword: false });
		expect(await verifyPassword(getPasswordHash(db, learner.id)!, DEMO_DEFAULTS.password)).toBe(true);
		const text = out.join('\n');
		expect(text).toContain('Lớp: DEMO');
		expect(text).toMatch(/Học viên: 20 — chưa bắt đầu \d+, đang học \d+, đã hoàn thành khoá \d+/);
		expect(text).toContain(`“${DEMO_DEFAULTS.password}”`);
		expect(text).toMatch(/giây \(seed 1\)/);
		// learners who completed the course hold a demo certificate, outside any real register
		const completed = Number(/đã hoàn thành khoá (\d+)/.exec(text)![1]);
		const certificates = db.prepare('SELECT issuer, serial FROM certificate').all() as { issuer: string; serial: string }[];
		expect(certificates.length).toBe(count(db, "milestone WHERE module_slug = ''"));
		expect(certificates.length).toBeGreaterThanOrEqual(completed);
		expect(certificates.length).toBeGreaterThan(0);
		for (const c of certificates) {
			expect(c.issuer).toBe(DEMO_ISSUER);
			expect(c.serial).toMatch(/^DEMO-DEMO-\d{4}\/2026$/);
		}
		expect(text).toContain(`Giấy chứng nhận mẫu: ${certificates.length} `);
		// no administrator yet: the summary says how to get one
		expect(out.at(-2)).toMatch(/^Chưa có quản trị viên: mở trang web/);
		expect(out.at(-1)).toBe('Cơ sở dữ liệu: /tmp/thu.db');
	});

	it('refuses a cohort code that exists (exit 2) and adds nothing', async () => {
		const { db, err, run } = harness('en');
		expect(await run('--learners', '5')).toBe(0);
		const users = count(db, 'user');
		const events = count(db, 'learning_event');
		expect(await run('--learners', '5', '--code', 'demo')).toBe(2);
		expect(err.at(-1)).toBe('The cohort code DEMO exists already: was the demo created before? Choose another with --code.');
		expect(count(db, 'user')).toBe(users);
		expect(count(db, 'learning_event')).toBe(events);
		expect(await run('--learners', '5', '--code', 'DEMO2')).toBe(0);
	});

	it('refuses usernames that are taken', async () => {
		const { db, err, run } = harness('en');
		insertUser(db, { username: 'hyx.0002', displayName: 'Lan', password: '', role: 'learner' }, 'x');
		expect(await run('--learners', '3', '--code', 'HYX')).toBe(2);
		expect(err.at(-1)).toBe('The usernames hyx.0002 are taken. Choose another code with --code.');
		expect(count(db, 'cohort')).toBe(0);
	});

	it('refuses when the course is not loaded', async () => {
		const empty = mkdtempSync(join(tmpdir(), 'taphuan-no-courses-'));
		const { db, err, run } = harness('en', empty);
		expect(await run('--learners', '3')).toBe(2);
		expect(err.at(-1)).toBe('The course “phong-chong-mai-dam” is not loaded (loaded: —). Run npm run courses:check to see why.');
		expect(count(db, 'user')).toBe(0);
	});

	it('attaches an existing trainer, and refuses anyone else', async () => {
		const { db, out, err, run } = harness('en');
		insertUser(db, { username: 'admin', displayName: 'Quản trị', password: '', role: 'admin' }, 'x');
		const trainer = insertUser(db, { username: 'gv.lan', displayName: 'Nguyễn Thị Lan', password: '', role: 'trainer' }, 'x');
		insertUser(db, { username: 'lan', displayName: 'Lan', password: '', role: 'learner' }, 'x');
		expect(await run('--learners', '3', '--trainer', 'nobody')).toBe(2);
		expect(err.at(-1)).toBe('No account named “nobody”.');
		expect(await run('--learners', '3', '--trainer', 'lan')).toBe(2);
		expect(err.at(-1)).toBe('The account “lan” is not a trainer.');
		expect(await run('--learners', '3', '--trainer', 'gv.lan', '--cohorts', '2')).toBe(0);
		const teaches = db.prepare(`SELECT count(*) AS n FROM cohort_member WHERE user_id = ? AND role = 'trainer'`).get(trainer.id);
		expect(teaches).toEqual({ n: 2 });
		expect(out.at(-2)).toBe('Administrators (and the cohort’s trainer) see the demo cohort under Manage cohorts.');
	});

	it('refuses bad options with exit 2 and touches nothing', async () => {
		const { db, err, run } = harness('en');
		expect(await run('--learners', '0')).toBe(2);
		expect(err.at(-1)).toBe('The option --learners must be a whole number from 1 to 20000.');
		expect(await run('--learners', '2.5')).toBe(2);
		expect(await run('--cohorts', '3', '--learners', '2')).toBe(2);
		expect(await run('--days', '0')).toBe(2);
		expect(await run('--code', 'bad code')).toBe(2);
		expect(await run('--code', 'X'.repeat(30))).toBe(2);
		expect(await run('--password', '12345678')).toBe(2);
		expect(err.at(-1)).toBe('Password refused: it needs at least 8 characters and must not be easy to guess.');
		expect(await run('--bogus')).toBe(2);
		expect(count(db, 'user')).toBe(0);
		expect(count(db, 'cohort')).toBe(0);
	});

	it('prints its help with exit 0', async () => {
		const { out, run } = harness('en');
		expect(await run('--help')).toBe(0);
		expect(out.join('\n')).toContain('--learners <N>');
	});
});
