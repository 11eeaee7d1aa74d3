// Module and course progress, derived from tracking rows every time: never stored twice.
// A module is complete when its lesson is completed and its quiz (if any) is passed — or,
// when the course says `moduleCompletion: quiz-submitted`, merely submitted.
import type { Course, Module } from '../courses/loader';
import type { Tracking } from './service';

export type ActivityKind = 'lesson' | 'quiz' | 'scorm';
export type ModuleStatus = 'notStarted' | 'inProgress' | 'completed';
export type ModuleCompletionRule = 'quiz-passed' | 'quiz-submitted';
export type QuizStatus = 'notStarted' | 'inProgress' | 'passed' | 'failed';

export interface ModuleActivity {
	id: number;
	kind: ActivityKind;
}

export interface ModuleProgress {
	slug: string;
	status: ModuleStatus;
	/** the lesson's bookmark */
	location: string | null;
	lastAccessedAt: number | null;
	/** which activity of the module was opened last */
	lastActivity: ActivityKind | null;
	lessonStatus: ModuleStatus;
	quiz: { status: QuizStatus; percent: number | null } | null;
}

export interface CourseProgress {
	completedModules: number;
	totalModules: number;
	percent: number;
	modules: ModuleProgress[];
	/** where "Tiếp tục học" goes: the activity opened last (a lesson at its bookmark), else the first module */
	resume: { moduleSlug: string; activity: ActivityKind; location: string | null } | null;
}

export function isActivityDone(kind: ActivityKind, row: Tracking | undefined, rule: ModuleCompletionRule) {
	if (!row) return false;
	if (kind === 'quiz' && rule === 'quiz-passed') return row.successStatus === 'passed';
	// a SCO is done when it says it is completed, unless it also says the learner failed it
	if (kind === 'scorm') return row.completionStatus === 'completed' && row.successStatus !== 'failed';
	return row.completionStatus === 'completed';
}

export function moduleStatus(
	activities: { kind: ActivityKind; row: Tracking | undefined }[],
	rule: ModuleCompletionRule
): ModuleStatus {
	if (activities.length > 0 && activities.every((a) => isActivityDone(a.kind, a.row, rule))) return 'completed';
	if (activities.some((a) => a.row && a.row.completionStatus !== 'not attempted')) return 'inProgress';
	return 'notStarted';
}

function lessonStatus(row: Tracking | undefined): ModuleStatus {
	if (!row || row.completionStatus === 'not attempted') return 'notStarted';
	return row.completionStatus === 'completed' ? 'completed' : 'inProgress';
}

function quizStatus(row: Tracking | undefined): QuizStatus {
	if (!row || row.completionStatus === 'not attempted') return 'notStarted';
	if (row.successStatus === 'passed') return 'passed';
	if (row.successStatus === 'failed') return 'failed';
	return 'inProgress';
}

export function courseProgress(
	course: Course,
	activitiesOf: (module: Module) => ModuleActivity[],
	tracking: Map<number, Tracking>
): CourseProgress {
	const modules: ModuleProgress[] = course.modules.map((module) => {
		const activities = activitiesOf(module).map((a) => ({ kind: a.kind, row: tracking.get(a.id) }));
		const opened = activities
			.filter((a): a is { kind: ActivityKind; row: Tracking } => !!a.row?.lastAccessedAt)
			.sort((a, b) => b.row.lastAccessedAt! - a.row.lastAccessedAt!);
		const lesson = activities.find((a) => a.kind === 'lesson');
		const quiz = activities.find((a) => a.kind === 'quiz');
		return {
			slug: module.slug,
			status: moduleStatus(activities, course.moduleCompletion),
			location: lesson?.row?.location ?? null,
			lastAccessedAt: opened[0]?.row.lastAccessedAt ?? null,
			lastActivity: opened[0]?.kind ?? null,
			lessonStatus: lessonStatus(lesson?.row),
			quiz: quiz ? { status: quizStatus(quiz.row), percent: quiz.row?.scoreRaw ?? null } : null
		};
	});
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
