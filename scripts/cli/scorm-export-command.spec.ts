import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestCourse } from '$lib/server/scorm/export/test-course';
import { runScormExport } from './scorm-export-command';

let work: string;
let courses: string;
let slug: string;

beforeAll(() => {
	work = mkdtempSync(path.join(tmpdir(), 'taphuan-scorm-cli-'));
	courses = path.join(work, 'courses');
	slug = writeTestCourse(courses);
	// a course with an error: a lesson without its required estimatedMinutes
	mkdirSync(path.join(courses, 'khoa-loi', '01-bai'), { recursive: true });
	writeFileSync(path.join(courses, 'khoa-loi', 'course.md'), '---\ntitle: Khoá lỗi\nsummary: Có lỗi\n---\n');
	writeFileSync(path.join(courses, 'khoa-loi', '01-bai', 'lesson.md'), '---\ntitle: Bài\n---\n\n## Mục\n');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function harness(locale: 'vi' | 'en' = 'vi') {
	const out: string[] = [];
	const err: string[] = [];
	const run = (...argv: string[]) =>
		runScormExport(argv, { coursesDir: courses, cwd: work, locale, print: (l) => out.push(l), fail: (l) => err.push(l) });
	return { out, err, run };
}

describe('scorm:export', () => {
	it('prints its help with exit 0', async () => {
		const { out, run } = harness('en');
		expect(await run('--help')).toBe(0);
		expect(out.join('\n')).toContain('npm run scorm:export -- <course-folder>');
		expect(out.join('\n')).toContain('answer key');
	});

	it('asks for a course, and names the courses there when the one given does not exist (exit 2)', async () => {
		const { err, run } = harness();
		expect(await run()).toBe(2);
		expect(err.at(-1)).toContain('npm run scorm:export -- khoa-loi');
		expect(await run('khong-co')).toBe(2);
		expect(err.at(-1)).toBe(`Không có khoá học “khong-co” trong ${courses} (các khoá có: khoa-loi, ${slug}).`);
		expect(await run('../courses')).toBe(2);
		expect(await run(slug, '--bogus')).toBe(2);
	});

	it('lists the errors of a broken course as file:line and packs nothing (exit 2)', async () => {
		const { err, run } = harness('en');
		expect(await run('khoa-loi', '--out', 'loi.zip')).toBe(2);
		expect(err[0]).toMatch(/^khoa-loi\/01-bai\/lesson\.md:\d+: /);
		expect(err.at(-1)).toContain('The course “khoa-loi” has 1 error(s)');
		expect(existsSync(path.join(work, 'loi.zip'))).toBe(false);
	});

	it('writes the package where asked, relative to where the command was run, the same bytes each time', async () => {
		const { out, run } = harness();
		expect(await run(slug, '--out', 'goi/khoa.zip')).toBe(0);
		expect(await run(slug, '--out', path.join(work, 'lan-hai.zip'))).toBe(0);
		const zip = readFileSync(path.join(work, 'goi/khoa.zip'));
		expect(zip.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
		expect(readFileSync(path.join(work, 'lan-hai.zip')).equals(zip)).toBe(true);
		expect(out[0]).toMatch(/^Đã đóng gói “.*”: 2 học phần, \d+ tệp, [\d,]+ KB → .*goi\/khoa\.zip$/);
	});

	it('names the package after the course by default, from any courses folder', async () => {
		const { run } = harness();
		expect(await run(slug, '--courses', 'courses')).toBe(0);
		expect(existsSync(path.join(work, `${slug}-scorm12.zip`))).toBe(true);
	});
});
