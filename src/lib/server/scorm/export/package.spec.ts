import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse, type Course } from '../../courses/loader';
import { readPackage } from '../import';
import { exportCourse } from './package';
import { HOSTILE_TITLE, writeTestCourse } from './test-course';

const COURSES = path.resolve('courses');
let work: string;
let testCourse: Course;

function load(dir: string, slug: string): Course {
	const errors: unknown[] = [];
	const course = loadCourse(dir, slug, errors as never);
	if (!course) throw new Error(`course ${slug} did not load: ${JSON.stringify(errors)}`);
	return course;
}

async function exportAndImport(course: Course) {
	const zipPath = path.join(work, `${course.slug}-${Math.random().toString(36).slice(2)}.zip`);
	writeFileSync(zipPath, (await exportCourse(course)).zip);
	const imported = await readPackage(zipPath, path.join(work, 'storage'));
	if (!imported.ok) throw new Error(`refused: ${JSON.stringify(imported.problem)}`);
	return imported;
}

/** `<file href>` of every resource, by resource identifier (our parser keeps only launch files). */
function manifestFiles(dir: string): Map<string, string[]> {
	const xml = new XMLParser({ ignoreAttributes: false, isArray: () => true }).parse(readFileSync(path.join(dir, 'imsmanifest.xml'), 'utf8'));
	const resources = xml.manifest[0].resources[0].resource as { '@_identifier': string; file?: { '@_href': string }[] }[];
	return new Map(resources.map((r) => [r['@_identifier'], (r.file ?? []).map((f) => decodeURI(f['@_href']))]));
}

beforeAll(() => {
	work = mkdtempSync(path.join(os.tmpdir(), 'taphuan-scorm-export-'));
	testCourse = load(work, writeTestCourse(work));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the exported package, read back by our own importer', () => {
	it('is SCORM 1.2 with one SCO per module, titled and scored like the course', async () => {
		const course = load(COURSES, 'phong-chong-mai-dam');
		const { manifest, files } = await exportAndImport(course);
		expect(manifest.version).toBe('1.2');
		expect(manifest.schemaVersion).toBe('1.2');
		expect(manifest.organization.title).toBe(course.title);
		expect(manifest.items.map((item) => [item.title, item.launchUrl, item.masteryScore])).toEqual(
			course.modules.map((m) => [m.title, `${m.folder}/index.html`, m.quiz ? m.quiz.settings.passPercent : null])
		);
		for (const item of manifest.items) {
			expect(item.resource).toMatchObject({ scormType: 'sco', dependencies: ['shared-files'] });
			expect(item.children).toEqual([]);
		}
		expect(manifest.resources.find((r) => r.identifier === 'shared-files')?.scormType).toBe('asset');
		expect(files).toContain('shared/taphuan-scorm.js');
		expect(files).toContain('shared/taphuan.css');
	});

	it('lists every file it holds in the manifest, and holds every file it lists', async () => {
		const { dir, files } = await exportAndImport(testCourse);
		const listed = [...manifestFiles(dir).values()].flat();
		expect([...listed].sort()).toEqual(files.filter((f) => f !== 'imsmanifest.xml'));
	});

	it('copies only the media a page links, names with spaces included', async () => {
		const { files } = await exportAndImport(testCourse);
		expect(files.filter((f) => f.includes('/media/'))).toEqual(['01-bai-doc/media/phieu.html', '01-bai-doc/media/so do.svg']);
	});

	it('points the lesson at its copied media, not at the site', async () => {
		const { dir } = await exportAndImport(testCourse);
		const page = readFileSync(path.join(dir, '01-bai-doc/index.html'), 'utf8');
		expect(page).toContain('src="media/so%20do.svg"');
		expect(page).toContain('href="media/phieu.html"');
		expect(page).not.toContain('/courses/');
	});

	it('keeps hostile titles as plain text in the manifest and the pages', async () => {
		const { manifest, dir } = await exportAndImport(testCourse);
		expect(manifest.organization.title).toBe(HOSTILE_TITLE);
		expect(manifest.items[0]!.title).toBe('Bài đọc <không> có bài kiểm tra');
		const page = readFileSync(path.join(dir, '01-bai-doc/index.html'), 'utf8');
		expect(page).not.toContain('<script>alert(1)</script>');
		expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(page).toContain('<h1>Bài đọc &lt;không&gt; có bài kiểm tra</h1>');
	});

	it('gives the quiz module its pass mark as mastery score, fractions included', async () => {
		const { manifest } = await exportAndImport(testCourse);
		expect(manifest.items.map((item) => item.masteryScore)).toEqual([null, 62.5]);
	});

	it('writes a Vietnamese page per module that loads the shared script and stylesheet', async () => {
		const { dir } = await exportAndImport(testCourse);
		const page = readFileSync(path.join(dir, '02-kiem-tra/index.html'), 'utf8');
		expect(page).toMatch(/^<!doctype html>\n<html lang="vi">/);
		expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
		expect(page).toContain('<script src="../shared/taphuan-scorm.js" defer></script>');
		expect(page).toContain('<link rel="stylesheet" href="../shared/taphuan.css">');
		// the site's own stylesheet travels with the package
		expect(readFileSync(path.join(dir, 'shared/taphuan.css'), 'utf8')).toContain('.question-number');
	});
});

describe('determinism', () => {
	it('gives the same bytes for the same course, whatever the time zone', async () => {
		const zone = process.env.TZ;
		try {
			process.env.TZ = 'UTC';
			const first = (await exportCourse(testCourse)).zip;
			process.env.TZ = 'Asia/Ho_Chi_Minh';
			const second = (await exportCourse(load(work, testCourse.slug))).zip;
			expect(second.equals(first)).toBe(true);
		} finally {
			if (zone === undefined) delete process.env.TZ;
			else process.env.TZ = zone;
		}
	});
});
