// The loaded courses, held in memory for fast reads, with their activity ids kept in SQLite
// so tracking rows survive restarts and edits to the Markdown.
import { writeIfPossible } from '../db/errors';
import type { Db } from '../db/open';
import { loadCourses, type Course, type Module } from './loader';
import type { LoadError } from './problems';
import type { ActivityKind, ModuleActivity } from '../tracking/status';
import { attachmentsRevision, listAttachments, type Attachment } from '../scorm/store';

export interface CatalogActivity {
	id: number;
	kind: ActivityKind;
	courseSlug: string;
	moduleSlug: string;
}

export interface Catalog {
	courses: Course[];
	errors: LoadError[];
	loadedAt: number;
	/** activity id by `${course}/${module}/${kind}` */
	activityIds: Map<string, number>;
	/** SCORM packages placed in modules, by `${course}/${module}` (in the order they were added) */
	scorm: Map<string, Attachment[]>;
	/** what `attachmentsRevision` said when `scorm` was read */
	scormRevision: string;
}

export function activityKey(courseSlug: string, moduleSlug: string, kind: CatalogActivity['kind']) {
	return `${courseSlug}/${moduleSlug}/${kind}`;
}

/** Upserts course and activity rows; ids of existing activities never change. */
export function syncCatalog(db: Db, courses: Course[], now = Date.now()): Map<string, number> {
	const ids = new Map<string, number>();
	const upsertCourse = db.prepare(
		`INSERT INTO course (id, title, loaded_at) VALUES (?, ?, ?)
		 ON CONFLICT (id) DO UPDATE SET title = excluded.title, loaded_at = excluded.loaded_at`
	);
	const upsertActivity = db.prepare(
		`INSERT INTO activity (course_id, module_slug, kind, title, content_hash) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (course_id, module_slug, kind, item)
		 DO UPDATE SET title = excluded.title, content_hash = excluded.content_hash
		 RETURNING id`
	);
	db.transaction(() => {
		for (const course of courses) {
			upsertCourse.run(course.slug, course.title, now);
			for (const module of course.modules) {
				const row = upsertActivity.get(
					course.slug,
					module.slug,
					'lesson',
					module.title,
					module.lesson.contentHash
				) as { id: number };
				ids.set(activityKey(course.slug, module.slug, 'lesson'), row.id);
				if (module.quiz) {
					const quiz = upsertActivity.get(
						course.slug,
						module.slug,
						'quiz',
						module.quiz.settings.title,
						module.quiz.contentHash
					) as { id: number };
					ids.set(activityKey(course.slug, module.slug, 'quiz'), quiz.id);
				}
			}
		}
	}).immediate();
	return ids;
}

/** The activity ids already stored, for a database that cannot take writes. */
function storedActivityIds(db: Db): Map<string, number> {
	const rows = db.prepare("SELECT id, course_id, module_slug, kind FROM activity WHERE item = ''").all() as {
		id: number;
		course_id: string;
		module_slug: string;
		kind: CatalogActivity['kind'];
	}[];
	return new Map(rows.map((r) => [activityKey(r.course_id, r.module_slug, r.kind), r.id]));
}

export function buildCatalog(db: Db, coursesDir: string, now = Date.now()): Catalog {
	const { courses, errors } = loadCourses(coursesDir);
	// a read-only or full disk must not stop the server from serving what it already has
	const activityIds = writeIfPossible(() => syncCatalog(db, courses, now)) ?? storedActivityIds(db);
	return withScorm(db, { courses, errors, loadedAt: now, activityIds, scorm: new Map(), scormRevision: '' });
}

/** The catalog with its SCORM attachments read again when they changed (cheap when not). */
export function withScorm(db: Db, catalog: Catalog): Catalog {
	const revision = attachmentsRevision(db);
	if (revision === catalog.scormRevision) return catalog;
	const scorm = new Map<string, Attachment[]>();
	for (const attachment of listAttachments(db)) {
		const key = `${attachment.courseSlug}/${attachment.moduleSlug}`;
		scorm.set(key, [...(scorm.get(key) ?? []), attachment]);
	}
	return { ...catalog, scorm, scormRevision: revision };
}

export function moduleAttachments(catalog: Catalog, course: Course, module: Module): Attachment[] {
	return catalog.scorm.get(`${course.slug}/${module.slug}`) ?? [];
}

export function findCourse(catalog: Catalog, slug: string): Course | undefined {
	return catalog.courses.find((course) => course.slug === slug);
}

export function findModule(course: Course, slug: string): Module | undefined {
	return course.modules.find((module) => module.slug === slug);
}

export function lessonActivityId(catalog: Catalog, course: Course, module: Module): number {
	const id = catalog.activityIds.get(activityKey(course.slug, module.slug, 'lesson'));
	if (id === undefined) throw new Error(`No activity for ${course.slug}/${module.slug}`);
	return id;
}

/** Every activity of a module that counts toward its completion: its lesson, its quiz and the
 * SCOs of the SCORM packages placed in it. */
export function moduleActivities(catalog: Catalog, course: Course, module: Module): ModuleActivity[] {
	const activities: ModuleActivity[] = [];
	for (const kind of ['lesson', 'quiz'] as const) {
		const id = catalog.activityIds.get(activityKey(course.slug, module.slug, kind));
		if (id !== undefined) activities.push({ id, kind });
	}
	for (const attachment of moduleAttachments(catalog, course, module)) {
		// a SCORM 2004 package counts as one activity, its tree's rollup (a post-test rollup: the test
		// alone decides); a SCORM 1.2 package counts each SCO
		if (attachment.packageActivityId !== null) activities.push({ id: attachment.packageActivityId, kind: 'scorm' });
		else for (const sco of attachment.scos) activities.push({ id: sco.activityId, kind: 'scorm' });
	}
	return activities;
}

export function moduleActivityIds(catalog: Catalog, course: Course, module: Module): number[] {
	return moduleActivities(catalog, course, module).map((a) => a.id);
}

export function quizActivityId(catalog: Catalog, course: Course, module: Module): number | undefined {
	return catalog.activityIds.get(activityKey(course.slug, module.slug, 'quiz'));
}
