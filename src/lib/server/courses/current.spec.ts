import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { catalogHolder } from './current';

let dir: string;
const opened: Db[] = [];

function writeLesson(title: string) {
	mkdirSync(join(dir, 'courses', 'khoa-thu', '01-mo-dau'), { recursive: true });
	writeFileSync(join(dir, 'courses', 'khoa-thu', 'course.md'), '---\ntitle: Khoá học thử\nsummary: Thử.\n---\n\nGiới thiệu.\n');
	writeFileSync(join(dir, 'courses', 'khoa-thu', '01-mo-dau', 'lesson.md'), `---\ntitle: ${title}\nestimatedMinutes: 5\n---\n\n## Một\n\nNội dung.\n`);
}

/** A server process: its own connection to the shared database file, its own catalog. */
function serverProcess() {
	const db = openDatabase(join(dir, 'taphuan.db'));
	opened.push(db);
	return catalogHolder(() => db, () => join(dir, 'courses'));
}

const lessonTitle = (holder: ReturnType<typeof serverProcess>) => holder.get().courses[0]!.modules[0]!.title;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'taphuan-catalog-'));
	writeLesson('Bài cũ');
});
afterEach(() => {
	opened.splice(0).forEach((db) => db.close());
	rmSync(dir, { recursive: true, force: true });
});

describe('catalogHolder', () => {
	it('reads the courses once, not on every request', () => {
		const server = serverProcess();
		const first = server.get();
		writeLesson('Bài mới');
		expect(server.get()).toBe(first);
	});

	it('brings a reload done in one server process to the others sharing the database', () => {
		const [first, second] = [serverProcess(), serverProcess()];
		expect([lessonTitle(first), lessonTitle(second)]).toEqual(['Bài cũ', 'Bài cũ']);
		writeLesson('Bài mới');
		first.reload();
		expect(lessonTitle(second)).toBe('Bài mới');
		expect(lessonTitle(first)).toBe('Bài mới');
	});

	it('does not make the others read again when a process merely starts', () => {
		const first = serverProcess();
		const loaded = first.get();
		serverProcess().get();
		expect(first.get()).toBe(loaded);
	});
});
