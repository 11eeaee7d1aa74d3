import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/open';
import { runAdmin } from './admin-commands';

const COURSES = new URL('../../courses', import.meta.url).pathname;
const FIXTURES = '/work/shared/fixtures/scorm';
const work = mkdtempSync(join(tmpdir(), 'taphuan-scorm-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function harness(locale: 'vi' | 'en' = 'en') {
	const db = openDatabase(':memory:');
	const scormDir = mkdtempSync(join(work, 'store-'));
	const out: string[] = [];
	const err: string[] = [];
	const run = (...argv: string[]) =>
		runAdmin(argv, { openDb: () => db, coursesDir: COURSES, scormDir, locale, print: (l) => out.push(l), fail: (l) => err.push(l) });
	return { db, out, err, run, scormDir };
}

describe('SCORM commands of the admin CLI', () => {
	it('imports a package into a module, lists it, and replaces it', async () => {
		const { db, out, run } = harness();
		expect(await run('scorm-import', '--file', join(FIXTURES, 'scorm12-runtime-basic-calls.zip'), '--course', 'phong-chong-mai-dam', '--module', 'tinh-hinh-va-khung-phap-ly')).toBe(0);
		expect(out.at(-1)).toBe('Placed “Golf Explained - Run-time Basic Calls” (1 part(s)) in phong-chong-mai-dam/tinh-hinh-va-khung-phap-ly — number #1.');
		expect(await run('scorm-list')).toBe(0);
		expect(out.at(-1)).toContain('#1  phong-chong-mai-dam/tinh-hinh-va-khung-phap-ly  SCORM 1.2  1');
		expect(await run('scorm-replace', '--file', join(FIXTURES, 'scorm12-multi-sco.zip'), '--attachment', '1')).toBe(0);
		expect(db.prepare('SELECT count(*) AS n FROM scorm_package').get()).toEqual({ n: 2 });
		expect(db.prepare('SELECT count(*) AS n FROM scorm_attachment').get()).toEqual({ n: 1 });
	});

	it('says after the import what the upload page would warn about', async () => {
		const { out, run } = harness('en');
		expect(await run('scorm-import', '--file', join(FIXTURES, 'scorm2004-content-packaging-one-file-per-sco.zip'), '--course', 'phong-chong-mai-dam', '--module', 'tinh-hinh-va-khung-phap-ly')).toBe(0);
		expect(out.at(-1)).toContain('No page in the package looks for the SCORM API (API_1484_11)');
	});

	it('refuses a broken package with its reason and exit code 2, storing nothing', async () => {
		const { db, err, run, scormDir } = harness('vi');
		expect(await run('scorm-import', '--file', join(FIXTURES, 'invalid/hostile-zip-slip.zip'), '--course', 'phong-chong-mai-dam', '--module', 'tinh-hinh-va-khung-phap-ly')).toBe(2);
		expect(err.join('\n')).toContain('trỏ ra ngoài thư mục của gói');
		expect(readdirSync(scormDir)).toEqual([]);
		expect(existsSync('/tmp/taphuan-zip-slip-pwned.txt')).toBe(false);
		expect(db.prepare('SELECT count(*) AS n FROM scorm_package').get()).toEqual({ n: 0 });
	});

	it('says what is wrong with the options', async () => {
		const { err, run } = harness();
		expect(await run('scorm-import', '--course', 'phong-chong-mai-dam', '--module', 'x')).toBe(2);
		expect(err.at(-1)).toContain('--file');
		expect(await run('scorm-import', '--file', join(FIXTURES, 'scorm12-multi-sco.zip'), '--course', 'phong-chong-mai-dam', '--module', 'khong-co')).toBe(2);
		expect(err.at(-1)).toContain('The course has no module “khong-co”');
		expect(await run('scorm-replace', '--file', join(FIXTURES, 'scorm12-multi-sco.zip'), '--attachment', '9')).toBe(2);
		expect(err.at(-1)).toContain('There is no SCORM package #9');
		expect(await run('scorm-import', '--file', join(work, 'nothing.zip'), '--course', 'phong-chong-mai-dam', '--module', 'x')).toBe(2);
	});
});
