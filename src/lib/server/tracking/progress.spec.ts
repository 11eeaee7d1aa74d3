import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { moduleActivities, moduleActivityIds, syncCatalog, type Catalog } from '../courses/catalog';
import type { Course, Module } from '../courses/loader';
import { lessonModule, testCourse } from '../courses/test-courses';
import { openDatabase, type Db } from '../db/open';
import { insertUser, type User } from '../users/service';
import { learnerCourseProgress } from './course-progress';
import { courseProgress, moduleStatus } from './progress';
import { recordHeartbeat } from './reading';
import { applyResult, openAttempt } from './record';
import { getTrackingFor, type Tracking } from './service';
import { isActivityDone, type ModuleActivity } from './status';

const T0 = Date.UTC(2025, 2, 1, 8);
const MINUTE = 60_000;

const COURSE: Course = testCourse([lessonModule('mot', 1), lessonModule('hai', 2), lessonModule('ba', 3)]);

let passwordHash: string;
beforeAll(async () => {
	passwordHash = await hashPassword('hoa sen trong đầm');
});

let db: Db;
let lan: User;
let catalog: Catalog;

function newLearner(username: string): User {
	return insertUser(db, { username, displayName: username, password: '', role: 'learner' }, passwordHash);
}

/** The lesson activity of module `slug`. */
function lessonOf(slug: string): number {
	const module = COURSE.modules.find((m) => m.slug === slug)!;
	return moduleActivityIds(catalog, COURSE, module)[0]!;
}

function progressOf(user: User) {
	const activitiesOf = (module: Module) => moduleActivities(catalog, COURSE, module);
	const ids = COURSE.modules.flatMap(activitiesOf).map((a) => a.id);
	return courseProgress(COURSE, activitiesOf, getTrackingFor(db, user.id, ids));
}

beforeEach(() => {
	db = openDatabase(':memory:');
	lan = newLearner('lan');
	catalog = { courses: [COURSE], errors: [], loadedAt: T0, activityIds: syncCatalog(db, [COURSE], T0), scorm: new Map(), scormRevision: '' };
});

function row(completionStatus: Tracking['completionStatus'], successStatus: Tracking['successStatus'] = 'unknown'): Tracking {
	return {
		userId: 1, activityId: 1, completionStatus, successStatus, scoreRaw: null, scoreMin: null, scoreMax: null,
		scoreScaled: null, totalTimeMs: 0, location: null, suspendData: null, attempts: 1,
		firstAccessedAt: T0, lastAccessedAt: T0, completedAt: null, lastHeartbeatAt: null
	};
}

describe('moduleStatus', () => {
	const lesson = (r?: Tracking) => ({ kind: 'lesson' as const, row: r });
	const quiz = (r?: Tracking) => ({ kind: 'quiz' as const, row: r });

	it('is completed only when every activity is done', () => {
		expect(moduleStatus([], 'quiz-passed')).toBe('notStarted');
		expect(moduleStatus([lesson()], 'quiz-passed')).toBe('notStarted');
		expect(moduleStatus([lesson(row('not attempted')), quiz()], 'quiz-passed')).toBe('notStarted');
		expect(moduleStatus([lesson(row('incomplete'))], 'quiz-passed')).toBe('inProgress');
		expect(moduleStatus([lesson(row('completed')), quiz()], 'quiz-passed')).toBe('inProgress');
		expect(moduleStatus([lesson(row('completed'))], 'quiz-passed')).toBe('completed');
	});

	it('needs the quiz passed, or only submitted when the course says so', () => {
		const failed = [lesson(row('completed')), quiz(row('completed', 'failed'))];
		const passed = [lesson(row('completed')), quiz(row('completed', 'passed'))];
		expect(moduleStatus(failed, 'quiz-passed')).toBe('inProgress');
		expect(moduleStatus(passed, 'quiz-passed')).toBe('completed');
		expect(moduleStatus(failed, 'quiz-submitted')).toBe('completed');
		expect(moduleStatus([lesson(row('incomplete')), quiz(row('completed', 'passed'))], 'quiz-passed')).toBe('inProgress');
	});
});

describe('courseProgress', () => {
	it('before anything is opened: nothing started, 0 %, resume at the first module', () => {
		expect(progressOf(lan)).toEqual({
			completedModules: 0,
			totalModules: 3,
			percent: 0,
			modules: COURSE.modules.map((m) => ({
				slug: m.slug,
				status: 'notStarted',
				location: null,
				lastAccessedAt: null,
				lastActivity: null,
				lessonStatus: 'notStarted',
				quiz: null,
				doneActivities: 0,
				totalActivities: 1
			})),
			doneActivities: 0,
			totalActivities: 3,
			resume: { moduleSlug: 'mot', activity: 'lesson', location: null }
		});
	});

	it('derives each module’s status and the percentage from the tracking rows', () => {
		applyResult(db, lan.id, lessonOf('mot'), { completion: 'completed' }, T0);
		openAttempt(db, lan.id, lessonOf('hai'), { countsAsAttempt: false }, T0 + MINUTE);
		const progress = progressOf(lan);
		expect(progress.modules.map((m) => m.status)).toEqual(['completed', 'inProgress', 'notStarted']);
		expect(progress.completedModules).toBe(1);
		expect(progress.percent).toBe(33);
		expect([progress.doneActivities, progress.totalActivities]).toEqual([1, 3]);
	});

	it('resumes at the activity opened last, at its bookmark', () => {
		openAttempt(db, lan.id, lessonOf('mot'), { countsAsAttempt: false }, T0);
		recordHeartbeat(db, lan.id, lessonOf('mot'), { activeMs: 0, location: 'ket-luan', reachedEnd: false }, T0 + MINUTE);
		openAttempt(db, lan.id, lessonOf('ba'), { countsAsAttempt: false }, T0 + 2 * MINUTE);
		recordHeartbeat(db, lan.id, lessonOf('ba'), { activeMs: 0, location: 'mo-dau', reachedEnd: false }, T0 + 3 * MINUTE);
		expect(progressOf(lan).resume).toEqual({ moduleSlug: 'ba', activity: 'lesson', location: 'mo-dau' });
		expect(progressOf(lan).modules[0]).toEqual({
			slug: 'mot',
			status: 'inProgress',
			location: 'ket-luan',
			lastAccessedAt: T0 + MINUTE,
			lastActivity: 'lesson',
			lessonStatus: 'inProgress',
			quiz: null,
			doneActivities: 0,
			totalActivities: 1
		});

		// going back to module 1 moves the resume point there, with its own bookmark
		openAttempt(db, lan.id, lessonOf('mot'), { countsAsAttempt: false }, T0 + 4 * MINUTE);
		expect(progressOf(lan).resume).toEqual({ moduleSlug: 'mot', activity: 'lesson', location: 'ket-luan' });
	});

	it('reaches 100 % when every module is completed', () => {
		for (const [i, module] of COURSE.modules.entries()) {
			applyResult(db, lan.id, lessonOf(module.slug), { completion: 'completed' }, T0 + i * MINUTE);
		}
		const progress = progressOf(lan);
		expect(progress).toMatchObject({ completedModules: 3, totalModules: 3, percent: 100 });
		expect(progress.resume).toEqual({ moduleSlug: 'ba', activity: 'lesson', location: null });
	});

	it('counts only this learner’s rows', () => {
		const minh = newLearner('minh');
		applyResult(db, minh.id, lessonOf('mot'), { completion: 'completed' }, T0);
		applyResult(db, minh.id, lessonOf('hai'), { completion: 'completed' }, T0);
		expect(progressOf(lan).percent).toBe(0);
		expect(progressOf(minh).percent).toBe(67);
	});

	it('needs the quiz of a module passed for the module to count as completed', () => {
		const { lastInsertRowid } = db
			.prepare(
				`INSERT INTO activity (course_id, module_slug, kind, title, content_hash)
				 VALUES ('khoa-thu', 'mot', 'quiz', 'Kiểm tra', 'q')`
			)
			.run();
		const quiz = Number(lastInsertRowid);
		const activitiesOf = (module: Module): ModuleActivity[] =>
			module.slug === 'mot'
				? [{ id: lessonOf('mot'), kind: 'lesson' }, { id: quiz, kind: 'quiz' }]
				: moduleActivities(catalog, COURSE, module);
		const progress = () => courseProgress(COURSE, activitiesOf, getTrackingFor(db, lan.id, [lessonOf('mot'), quiz]));

		applyResult(db, lan.id, lessonOf('mot'), { completion: 'completed' }, T0);
		expect(progress().modules[0]!.status).toBe('inProgress');
		expect(progress().modules[0]!.quiz).toEqual({ status: 'notStarted', percent: null });
		applyResult(db, lan.id, quiz, { completion: 'completed', success: 'failed', score: { raw: 40, min: 0, max: 100, scaled: 0.4 }, addTimeMs: MINUTE }, T0 + MINUTE);
		expect(progress().modules[0]!.status).toBe('inProgress');
		expect(progress().modules[0]!.quiz).toEqual({ status: 'failed', percent: 40 });
		expect(progress().resume).toEqual({ moduleSlug: 'mot', activity: 'quiz', location: null });
		applyResult(db, lan.id, quiz, { completion: 'completed', success: 'passed', score: { raw: 90, min: 0, max: 100, scaled: 0.9 }, addTimeMs: MINUTE }, T0 + 2 * MINUTE);
		expect(progress().modules[0]!.status).toBe('completed');
		expect(progress().percent).toBe(33);
	});

	it('has nothing to resume in a course without modules', () => {
		const empty: Course = { ...COURSE, modules: [] };
		expect(courseProgress(empty, () => [], new Map())).toEqual({
			doneActivities: 0,
			totalActivities: 0,
			completedModules: 0,
			totalModules: 0,
			percent: 0,
			modules: [],
			resume: null
		});
	});
});

describe('learnerCourseProgress', () => {
	it('reads the learner’s rows for the course from the database', () => {
		applyResult(db, lan.id, lessonOf('hai'), { completion: 'completed' }, T0);
		const progress = learnerCourseProgress(db, catalog, COURSE, lan.id);
		expect(progress).toEqual(progressOf(lan));
		expect(progress.modules.map((m) => m.status)).toEqual(['notStarted', 'completed', 'notStarted']);
	});
});

describe('a SCORM activity', () => {
	const row = (completionStatus: Tracking['completionStatus'], successStatus: Tracking['successStatus']) => ({ completionStatus, successStatus }) as Tracking;
	it('is done when the SCO says completed, unless it also says failed', () => {
		expect(isActivityDone('scorm', row('completed', 'unknown'), 'quiz-passed')).toBe(true);
		expect(isActivityDone('scorm', row('completed', 'passed'), 'quiz-passed')).toBe(true);
		expect(isActivityDone('scorm', row('completed', 'failed'), 'quiz-passed')).toBe(false);
		expect(isActivityDone('scorm', row('incomplete', 'passed'), 'quiz-passed')).toBe(false);
		expect(isActivityDone('scorm', undefined, 'quiz-passed')).toBe(false);
	});
});
