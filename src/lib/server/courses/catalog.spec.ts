import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { activityKey, lessonActivityId, moduleActivityIds, syncCatalog, type Catalog } from './catalog';
import { lessonModule, testCourse as course } from './test-courses';

const T0 = Date.UTC(2025, 2, 1);


interface ActivityRow {
	id: number;
	course_id: string;
	module_slug: string;
	kind: string;
	title: string;
	content_hash: string;
}

function activities(db: Db): ActivityRow[] {
	return db.prepare('SELECT * FROM activity ORDER BY id').all() as ActivityRow[];
}

let db: Db;
beforeEach(() => {
	db = openDatabase(':memory:');
});

describe('syncCatalog', () => {
	it('creates a course row and one lesson activity per module', () => {
		const ids = syncCatalog(db, [course([lessonModule('mot', 1, { contentHash: 'h1' }), lessonModule('hai', 2, { contentHash: 'h2' })])], T0);
		expect(db.prepare('SELECT * FROM course').all()).toEqual([
			{ id: 'khoa-thu', title: 'Khoá học thử', loaded_at: T0 }
		]);
		const rows = activities(db);
		expect(rows.map((r) => [r.course_id, r.module_slug, r.kind, r.content_hash])).toEqual([
			['khoa-thu', 'mot', 'lesson', 'h1'],
			['khoa-thu', 'hai', 'lesson', 'h2']
		]);
		expect(ids.get(activityKey('khoa-thu', 'mot', 'lesson'))).toBe(rows[0]!.id);
		expect(ids.get(activityKey('khoa-thu', 'hai', 'lesson'))).toBe(rows[1]!.id);
	});

	it('keeps the same activity id when a lesson changes, and updates its hash and title', () => {
		const first = syncCatalog(db, [course([lessonModule('mot', 1, { contentHash: 'cu', title: 'Tên cũ' })])], T0);
		const second = syncCatalog(
			db,
			[course([lessonModule('mot', 1, { contentHash: 'moi', title: 'Tên mới' }), lessonModule('hai', 2, { contentHash: 'h2' })], 'Tên khoá mới')],
			T0 + 1000
		);
		const key = activityKey('khoa-thu', 'mot', 'lesson');
		expect(second.get(key)).toBe(first.get(key));
		const row = activities(db).find((r) => r.id === first.get(key))!;
		expect(row).toMatchObject({ content_hash: 'moi', title: 'Tên mới' });
		expect(activities(db)).toHaveLength(2);
		expect(second.get(activityKey('khoa-thu', 'hai', 'lesson'))).not.toBe(first.get(key));
		expect(db.prepare('SELECT title, loaded_at FROM course').get()).toEqual({
			title: 'Tên khoá mới',
			loaded_at: T0 + 1000
		});
	});

	it('keeps tracking rows pointing at the same activity across a re-sync', () => {
		const first = syncCatalog(db, [course([lessonModule('mot', 1, { contentHash: 'cu' })])], T0);
		const id = first.get(activityKey('khoa-thu', 'mot', 'lesson'))!;
		db.prepare(
			`INSERT INTO user (username, display_name, password_hash, role, created_at) VALUES ('lan', 'Lan', 'x', 'learner', 0)`
		).run();
		db.prepare(`INSERT INTO tracking (user_id, activity_id, completion_status) VALUES (1, ?, 'completed')`).run(id);
		syncCatalog(db, [course([lessonModule('mot', 1, { contentHash: 'moi' })])], T0 + 1000);
		expect(db.prepare('SELECT activity_id, completion_status FROM tracking').get()).toEqual({
			activity_id: id,
			completion_status: 'completed'
		});
	});
});

describe('activity look-ups', () => {
	it('find a module’s activity ids, and fail loudly for an unknown module', () => {
		const modules = [lessonModule('mot', 1, { contentHash: 'h1' })];
		const catalog: Catalog = {
			courses: [course(modules)],
			errors: [],
			loadedAt: T0,
			activityIds: syncCatalog(db, [course(modules)], T0),
			scorm: new Map(),
			scormRevision: ''
		};
		const id = catalog.activityIds.get('khoa-thu/mot/lesson')!;
		expect(lessonActivityId(catalog, catalog.courses[0]!, modules[0]!)).toBe(id);
		expect(moduleActivityIds(catalog, catalog.courses[0]!, modules[0]!)).toEqual([id]);
		const unknown = lessonModule('khong-co', 9, { contentHash: 'x' });
		expect(moduleActivityIds(catalog, catalog.courses[0]!, unknown)).toEqual([]);
		expect(() => lessonActivityId(catalog, catalog.courses[0]!, unknown)).toThrow(/khong-co/);
	});
});
