import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { syncCatalog } from '../courses/catalog';
import { loadCourses } from '../courses/loader';
import { openDatabase, type Db } from '../db/open';
import { placeDeclaredPackages } from './declared';
import { listAttachments } from './store';
import { buildZip } from './test-zip';

const T0 = Date.UTC(2026, 10, 29, 2);
const work = mkdtempSync(path.join(os.tmpdir(), 'taphuan-declared-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const LESSON = `---
title: Mở đầu
estimatedMinutes: 10
---
## Phần một

Nội dung.
`;

function zip(ids: string[], title = 'Gói thử'): Buffer {
	const items = ids.map((id) => `<item identifier="${id}" identifierref="r-${id}"><title>Phần ${id}</title></item>`).join('');
	const resources = ids.map((id) => `<resource identifier="r-${id}" type="webcontent" adlcp:scormtype="sco" href="${id}.html"/>`).join('');
	const manifest = `<?xml version="1.0"?><manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
<metadata><schemaversion>1.2</schemaversion></metadata><organizations default="o"><organization identifier="o"><title>${title}</title>${items}</organization></organizations>
<resources>${resources}</resources></manifest>`;
	return buildZip([{ name: 'imsmanifest.xml', data: manifest }, ...ids.map((id) => ({ name: `${id}.html`, data: id }))]);
}

let coursesDir: string;
let scormDir: string;
let db: Db;

function writeCourse(declarations: string) {
	writeFileSync(path.join(coursesDir, 'khoa/course.md'), `---\ntitle: Khoá thử\nsummary: Tóm tắt.\n${declarations}---\nGiới thiệu.\n`);
}

function load() {
	const result = loadCourses(coursesDir);
	syncCatalog(db, result.courses, T0);
	return result;
}

beforeEach(() => {
	coursesDir = mkdtempSync(path.join(work, 'courses-'));
	scormDir = mkdtempSync(path.join(work, 'scorm-'));
	mkdirSync(path.join(coursesDir, 'khoa/01-mo-dau'), { recursive: true });
	
	writeFileSync(path.join(coursesDir, 'khoa/01-mo-dau/lesson.md'), LESSON);
	writeFileSync(path.join(coursesDir, 'khoa/01-mo-dau/ky-nang.zip'), zip(['a', 'b']));
	db = openDatabase(':memory:');
});

describe('packages declared in course.md', () => {
	it('are placed once, updated as a new version when the zip changes, and removed with their declaration', async () => {
		writeCourse('scorm:\n  - module: mo-dau\n    file: 01-mo-dau/ky-nang.zip\n    title: Kỹ năng tư vấn\n');
		let { courses, errors } = load();
		expect(errors).toEqual([]);
		expect(await placeDeclaredPackages(db, courses, scormDir, T0)).toEqual([]);
		expect(await placeDeclaredPackages(db, courses, scormDir, T0 + 1)).toEqual([]);
		const [first] = listAttachments(db);
		expect(listAttachments(db)).toHaveLength(1);
		expect(first).toMatchObject({ title: 'Kỹ năng tư vấn', source: 'course-file', sourcePath: '01-mo-dau/ky-nang.zip', moduleSlug: 'mo-dau' });

		writeFileSync(path.join(coursesDir, 'khoa/01-mo-dau/ky-nang.zip'), zip(['a', 'b', 'c']));
		({ courses } = load());
		await placeDeclaredPackages(db, courses, scormDir, T0 + 2);
		const [second] = listAttachments(db);
		expect(second!.id).toBe(first!.id);
		expect(second!.scos.map((sco) => sco.identifier)).toEqual(['a', 'b', 'c']);
		expect(second!.scos[0]!.activityId).toBe(first!.scos[0]!.activityId);

		writeCourse('');
		({ courses } = load());
		await placeDeclaredPackages(db, courses, scormDir, T0 + 3);
		expect(listAttachments(db)).toEqual([]);
	});

	it('report a broken zip against its file, and place nothing', async () => {
		writeFileSync(path.join(coursesDir, 'khoa/01-mo-dau/ky-nang.zip'), 'not a zip');
		writeCourse('scorm:\n  - module: mo-dau\n    file: 01-mo-dau/ky-nang.zip\n');
		const { courses } = load();
		expect(await placeDeclaredPackages(db, courses, scormDir, T0)).toEqual([{ file: 'khoa/01-mo-dau/ky-nang.zip', line: 0, key: 'scorm.notZip' }]);
		expect(listAttachments(db)).toEqual([]);
	});

	it('refuse an unknown module, a path outside the course and a missing file, with the line', () => {
		writeCourse('scorm:\n  - module: khong-co\n    file: 01-mo-dau/ky-nang.zip\n  - module: mo-dau\n    file: ../ngoai.zip\n  - module: mo-dau\n    file: 01-mo-dau/thieu.zip\n');
		const { courses, errors } = load();
		expect(courses).toEqual([]);
		expect(errors.map((e) => [e.key, e.line])).toEqual([
			['loader.scormUnknownModule', 4],
			['loader.scormBadFile', 4],
			['loader.missingMedia', 4]
		]);
	});
});
