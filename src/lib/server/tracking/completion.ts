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
import { moduleActivities, quizActivityId, type Catalog } from '../courses/catalog';
import type { Course, Module } from '../courses/loader';
import type { Db } from '../db/open';
import { evaluateCompletion, type CompletionEvaluation, type CompletionFacts } from './completion-rule';
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

/** The in-person sessions of a course (any cohort's) whose attendance counts toward it. */
export function sessionActivityIds(db: Db, courseSlug: string): number[] {
	return db.prepare('SELECT activity_id FROM class_session WHERE course_id = ?').pluck().all(courseSlug) as number[];
}

function courseActivityIds(catalog: Catalog, course: Course): number[] {
	return course.modules.flatMap((m) => moduleActivities(catalog, course, m).map((a) => a.id));
}

/** What the completion rule looks at, from one learner's rows (module activities and sessions). */
function courseFacts(catalog: Catalog, course: Course, rows: Map<number, Tracking>, sessionIds: number[]): CompletionFacts {
	const final = course.completion.finalAssessment;
	const finalModule = final === null ? undefined : course.modules.find((m) => m.slug === final);
	const finalQuiz = finalModule && quizActivityId(catalog, course, finalModule);
	const studyMs = courseActivityIds(catalog, course).reduce((sum, id) => sum + (rows.get(id)?.totalTimeMs ?? 0), 0);
	return {
		completedModules: new Set(course.modules.filter((m) => isModuleComplete(catalog, course, m, rows)).map((m) => m.slug)),
		finalAssessmentPassed: finalQuiz !== undefined && rows.get(finalQuiz)?.successStatus === 'passed',
		sessionsAttended: sessionIds.filter((id) => rows.get(id)?.completionStatus === 'completed').length,
		studyMinutes: Math.floor(studyMs / 60_000)
	};
}

/** The course rule applied to a learner as things are now: what is done and what is left. */
export function evaluateCourse(db: Db, catalog: Catalog, course: Course, userId: number): CompletionEvaluation {
	const sessionIds = sessionActivityIds(db, course.slug);
	const rows = getTrackingFor(db, userId, [...courseActivityIds(catalog, course), ...sessionIds]);
	return evaluateCompletion(course.completion, courseFacts(catalog, course, rows, sessionIds));
}

function courseOfSession(db: Db, catalog: Catalog, activityId: number): Course | undefined {
	const slug = db.prepare('SELECT course_id FROM class_session WHERE activity_id = ?').pluck().get(activityId) as string | undefined;
	return slug === undefined ? undefined : catalog.courses.find((c) => c.slug === slug);
}

/** An activity's completion or success changed: record what that completes, once. */
export function noteStatusChange(db: Db, userId: number, activityId: number, now: number): void {
	const catalog = boundCatalog(db);
	if (!catalog) return;
	const place = placeOf(catalog, activityId);
	const course = place?.course ?? courseOfSession(db, catalog, activityId);
	if (!course) return;
	if (place) {
		const rows = getTrackingFor(db, userId, moduleActivities(catalog, course, place.module).map((a) => a.id));
		if (isModuleComplete(catalog, course, place.module, rows)) recordMilestone(db, { userId, course, module: place.module, achievedAt: now });
	}
	noteCourseProgress(db, catalog, course, userId, now);
}

/** Time on task grew without a change of status: only a course asking for study time cares. */
export function noteTimeChange(db: Db, userId: number, activityId: number, now: number): void {
	const catalog = boundCatalog(db);
	const place = catalog && placeOf(catalog, activityId);
	if (!catalog || !place || place.course.completion.minStudyMinutes === 0) return;
	noteCourseProgress(db, catalog, place.course, userId, now);
}

function noteCourseProgress(db: Db, catalog: Catalog, course: Course, userId: number, now: number): void {
	const reached = db.prepare("SELECT 1 FROM milestone WHERE user_id = ? AND course_id = ? AND module_slug = ''").get(userId, course.slug);
	if (reached || !evaluateCourse(db, catalog, course, userId).complete) return;
	recordMilestone(db, { userId, course, module: null, achievedAt: now });
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

/** When each learner of a cohort completed a course (by its rule), for the trainer's reports. */
export function cohortCourseCompletions(db: Db, cohortId: number, courseSlug: string): Map<number, number> {
	const rows = db
		.prepare(
			`SELECT ms.user_id, ms.achieved_at FROM milestone ms
			 JOIN cohort_member m ON m.user_id = ms.user_id AND m.cohort_id = ? AND m.role = 'learner'
			 WHERE ms.course_id = ? AND ms.module_slug = ''`
		)
		.all(cohortId, courseSlug) as { user_id: number; achieved_at: number }[];
	return new Map(rows.map((r) => [r.user_id, r.achieved_at]));
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
			const sessionIds = sessionActivityIds(db, course.slug);
			const ids = [...[...activities.values()].flat().map((a) => a.id), ...sessionIds];
			const reached = new Set(
				(db.prepare('SELECT user_id || \'/\' || module_slug FROM milestone WHERE course_id = ?').pluck().all(course.slug) as string[])
			);
			const doneAt = (rows: Map<number, Tracking>, id: number) => rows.get(id)?.completedAt ?? rows.get(id)?.lastAccessedAt ?? 0;
			for (const [userId, rows] of trackingByLearner(db, ids)) {
				const moduleDoneAt = new Map<string, number>();
				for (const [module, list] of activities) {
					if (!isModuleComplete(catalog, course, module, rows)) continue;
					const at = Math.max(...list.map((a) => doneAt(rows, a.id)));
					moduleDoneAt.set(module.slug, at);
					if (!reached.has(`${userId}/${module.slug}`) && recordMilestone(db, { userId, course, module, achievedAt: at })) recorded++;
				}
				if (reached.has(`${userId}/`)) continue;
				if (!evaluateCompletion(course.completion, courseFacts(catalog, course, rows, sessionIds)).complete) continue;
				// dated when the last thing the rule asks for was done
				const { completion } = course;
				const finalModule = course.modules.find((m) => m.slug === completion.finalAssessment);
				const finalQuiz = finalModule && quizActivityId(catalog, course, finalModule);
				const times = [
					...completion.modules.map((slug) => moduleDoneAt.get(slug) ?? 0),
					finalQuiz === undefined ? 0 : doneAt(rows, finalQuiz),
					...sessionIds.filter((id) => rows.get(id)?.completionStatus === 'completed').map((id) => doneAt(rows, id)),
					...(completion.minStudyMinutes > 0 ? ids.map((id) => rows.get(id)?.lastAccessedAt ?? 0) : [])
				];
				if (recordMilestone(db, { userId, course, module: null, achievedAt: Math.max(...times) })) recorded++;
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
