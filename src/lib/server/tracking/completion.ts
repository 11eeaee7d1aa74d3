// Module and course completion: the one place it is decided and reacted to. Whenever an
// activity's completion or success changes (record.ts calls noteStatusChange inside the
// transaction of that write), the activity's module is derived again from its tracking rows;
// the first time a module, then its course, is complete, a milestone row and a
// `module_completed` / `course_completed` event are written, once per learner, and the
// listeners registered with onMilestone run in the same transaction (certificates, exports).
//
// Which module an activity belongs to, and what the module holds, is the course catalog's
// knowledge: the server binds its catalog to its database connection (useCatalog) when it loads
// the courses. A database without a bound catalog (most unit tests) derives no milestones.
import { moduleActivities, type Catalog } from '../courses/catalog';
import type { Course, Module } from '../courses/loader';
import type { Db } from '../db/open';
import { moduleStatus } from './progress';
import { getTrackingFor, logEvent, type Tracking } from './service';

export interface Milestone {
	userId: number;
	course: Course;
	/** null: the whole course */
	module: Module | null;
	achievedAt: number;
}

/** Runs inside the transaction that reached the milestone: throwing undoes that write too. */
export type MilestoneListener = (db: Db, milestone: Milestone) => void;

const listeners = new Set<MilestoneListener>();

/** Registers a reaction to completed modules and courses; returns the way to remove it. */
export function onMilestone(listener: MilestoneListener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

const catalogs = new WeakMap<Db, () => Catalog>();

/** Tells completion where this database's activities sit in the courses. */
export function useCatalog(db: Db, catalog: () => Catalog): void {
	catalogs.set(db, catalog);
}

export function boundCatalog(db: Db): Catalog | null {
	return catalogs.get(db)?.() ?? null;
}

interface Place {
	course: Course;
	module: Module;
}

const placesByCatalog = new WeakMap<Catalog, Map<number, Place>>();

function placeOf(catalog: Catalog, activityId: number): Place | undefined {
	let places = placesByCatalog.get(catalog);
	if (!places) {
		places = new Map();
		for (const course of catalog.courses) {
			for (const module of course.modules) {
				for (const activity of moduleActivities(catalog, course, module)) places.set(activity.id, { course, module });
			}
		}
		placesByCatalog.set(catalog, places);
	}
	return places.get(activityId);
}

function isModuleComplete(catalog: Catalog, course: Course, module: Module, rows: Map<number, Tracking>): boolean {
	const activities = moduleActivities(catalog, course, module).map((a) => ({ kind: a.kind, row: rows.get(a.id) }));
	return moduleStatus(activities, course.moduleCompletion) === 'completed';
}

/** An activity's completion or success changed: record what that completes, once. */
export function noteStatusChange(db: Db, userId: number, activityId: number, now: number): void {
	const catalog = boundCatalog(db);
	const place = catalog && placeOf(catalog, activityId);
	if (!catalog || !place) return;
	const { course, module } = place;
	const ids = course.modules.flatMap((m) => moduleActivities(catalog, course, m).map((a) => a.id));
	const rows = getTrackingFor(db, userId, ids);
	if (!isModuleComplete(catalog, course, module, rows)) return;
	recordMilestone(db, { userId, course, module, achievedAt: now });
	if (course.modules.every((m) => isModuleComplete(catalog, course, m, rows))) {
		recordMilestone(db, { userId, course, module: null, achievedAt: now });
	}
}

/** Writes the milestone and its event and tells the listeners, unless it was reached before. */
function recordMilestone(db: Db, milestone: Milestone): boolean {
	const { userId, course, module, achievedAt } = milestone;
	const inserted = db
		.prepare('INSERT OR IGNORE INTO milestone (user_id, course_id, module_slug, achieved_at) VALUES (?, ?, ?, ?)')
		.run(userId, course.slug, module?.slug ?? '', achievedAt).changes;
	if (!inserted) return false;
	logEvent(db, userId, null, module ? 'module_completed' : 'course_completed', { course: course.slug, module: module?.slug ?? null }, achievedAt);
	for (const listener of listeners) listener(db, milestone);
	return true;
}

export interface MilestoneRow {
	courseId: string;
	/** null: the whole course */
	moduleSlug: string | null;
	achievedAt: number;
}

/** The modules and courses this learner has completed, oldest first. */
export function listMilestones(db: Db, userId: number): MilestoneRow[] {
	const rows = db
		.prepare('SELECT course_id, module_slug, achieved_at FROM milestone WHERE user_id = ? ORDER BY achieved_at, course_id, module_slug')
		.all(userId) as { course_id: string; module_slug: string; achieved_at: number }[];
	return rows.map((r) => ({ courseId: r.course_id, moduleSlug: r.module_slug === '' ? null : r.module_slug, achievedAt: r.achieved_at }));
}

/**
 * Records the milestones the tracking rows already show but nobody recorded: learners who
 * finished before milestones existed, and learners a course change completes (a module's quiz
 * removed). Run whenever the courses are loaded; idempotent. A milestone is dated when its
 * last activity was completed, so a backfilled completion keeps its real date.
 */
export function recordMissedMilestones(db: Db, catalog: Catalog): number {
	let recorded = 0;
	db.transaction(() => {
		for (const course of catalog.courses) {
			if (course.modules.length === 0) continue;
			const activities = new Map(course.modules.map((m) => [m, moduleActivities(catalog, course, m)]));
			const ids = [...activities.values()].flat().map((a) => a.id);
			const reached = new Set(
				(db.prepare('SELECT user_id || \'/\' || module_slug FROM milestone WHERE course_id = ?').pluck().all(course.slug) as string[])
			);
			for (const [userId, rows] of trackingByLearner(db, ids)) {
				let courseDone = true;
				let latest = 0;
				for (const [module, list] of activities) {
					if (!isModuleComplete(catalog, course, module, rows)) {
						courseDone = false;
						continue;
					}
					const at = Math.max(...list.map((a) => rows.get(a.id)?.completedAt ?? rows.get(a.id)?.lastAccessedAt ?? 0));
					latest = Math.max(latest, at);
					if (!reached.has(`${userId}/${module.slug}`) && recordMilestone(db, { userId, course, module, achievedAt: at })) recorded++;
				}
				if (courseDone && !reached.has(`${userId}/`) && recordMilestone(db, { userId, course, module: null, achievedAt: latest })) recorded++;
			}
		}
	}).immediate();
	return recorded;
}

function trackingByLearner(db: Db, activityIds: number[]): Map<number, Map<number, Tracking>> {
	const byLearner = new Map<number, Map<number, Tracking>>();
	const users = db
		.prepare('SELECT DISTINCT user_id FROM tracking WHERE activity_id IN (SELECT value FROM json_each(?))')
		.pluck()
		.all(JSON.stringify(activityIds)) as number[];
	for (const userId of users) byLearner.set(userId, getTrackingFor(db, userId, activityIds));
	return byLearner;
}
