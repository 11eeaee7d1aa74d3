// Module and course progress, derived from tracking rows every time: never stored twice.
// A module is complete when every activity in it is done (status.ts says what done means).
import type { Course, Module } from '../courses/loader';
import type { Tracking } from './service';
import { activityStatus, countDone, isActivityDone, type ActivityKind, type ActivityStatus, type ModuleActivity, type ModuleCompletionRule } from './status';

export type ModuleStatus = 'notStarted' | 'inProgress' | 'completed';

export interface ModuleProgress {
	slug: string;
	status: ModuleStatus;
	/** the lesson's bookmark */
	location: string | null;
	lastAccessedAt: number | null;
	/** which activity of the module was opened last */
	lastActivity: ActivityKind | null;
	lessonStatus: ActivityStatus;
	quiz: { status: ActivityStatus; percent: number | null } | null;
	/** the module's activities done, and how many it has: reading counts before the quiz is passed */
	doneActivities: number;
	totalActivities: number;
}

export interface CourseProgress {
	completedModules: number;
	totalModules: number;
	percent: number;
	/** activities done across the course (lessons, quizzes, SCOs), so a learner sees reading count */
	doneActivities: number;
	totalActivities: number;
	modules: ModuleProgress[];
	/** where "Tiếp tục học" goes: the activity opened last (a lesson at its bookmark), else the first module */
	resume: { moduleSlug: string; activity: ActivityKind; location: string | null } | null;
}

type TrackedActivity = { kind: ActivityKind; row: Tracking | undefined };

export function moduleStatus(activities: TrackedActivity[], rule: ModuleCompletionRule): ModuleStatus {
	if (activities.length > 0 && activities.every((a) => isActivityDone(a.kind, a.row, rule))) return 'completed';
	if (activities.some((a) => a.row && a.row.completionStatus !== 'not attempted')) return 'inProgress';
	return 'notStarted';
}

export function moduleProgress(module: Module, activities: TrackedActivity[], rule: ModuleCompletionRule): ModuleProgress {
	const opened = activities
		.filter((a): a is { kind: ActivityKind; row: Tracking } => !!a.row?.lastAccessedAt)
		.sort((a, b) => b.row.lastAccessedAt! - a.row.lastAccessedAt!);
	const lesson = activities.find((a) => a.kind === 'lesson');
	const quiz = activities.find((a) => a.kind === 'quiz');
	return {
		slug: module.slug,
		status: moduleStatus(activities, rule),
		location: lesson?.row?.location ?? null,
		lastAccessedAt: opened[0]?.row.lastAccessedAt ?? null,
		lastActivity: opened[0]?.kind ?? null,
		lessonStatus: activityStatus(lesson?.row),
		quiz: quiz ? { status: activityStatus(quiz.row), percent: quiz.row?.scoreRaw ?? null } : null,
		doneActivities: countDone(activities, rule),
		totalActivities: activities.length
	};
}

export function courseProgress(
	course: Course,
	activitiesOf: (module: Module) => ModuleActivity[],
	tracking: Map<number, Tracking>
): CourseProgress {
	const modules = course.modules.map((module) =>
		moduleProgress(
			module,
			activitiesOf(module).map((a) => ({ kind: a.kind, row: tracking.get(a.id) })),
			course.moduleCompletion
		)
	);
	const completedModules = modules.filter((m) => m.status === 'completed').length;
	const totalModules = modules.length;
	const lastOpened = modules
		.filter((m) => m.lastAccessedAt !== null)
		.sort((a, b) => b.lastAccessedAt! - a.lastAccessedAt!)[0];
	const target = lastOpened ?? modules[0];
	return {
		completedModules,
		totalModules,
		percent: totalModules === 0 ? 0 : Math.round((100 * completedModules) / totalModules),
		doneActivities: modules.reduce((sum, m) => sum + m.doneActivities, 0),
		totalActivities: modules.reduce((sum, m) => sum + m.totalActivities, 0),
		modules,
		resume: target
			? {
					moduleSlug: target.slug,
					activity: target.lastActivity ?? 'lesson',
					location: target.lastActivity === 'quiz' || target.lastActivity === 'scorm' ? null : target.location
				}
			: null
	};
}
