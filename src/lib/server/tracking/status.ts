// What a tracking row means to a person: one status word per activity, and whether the activity
// counts as done for its module. The only place these rules are written; players, pages,
// reports and completion all ask here.
import type { Tracking } from './service';

/** An in-person session (sessions/) is done when attended: completed, like a lesson. */
export type ActivityKind = 'lesson' | 'quiz' | 'scorm' | 'session';

/** How a course decides that a module's quiz is done: passed (default) or merely submitted. */
export type ModuleCompletionRule = 'quiz-passed' | 'quiz-submitted';

/** The status of one activity, as the learner and the trainer see it. A lesson is never passed
 * or failed; a quiz or a SCO reports success when it knows it. */
export type ActivityStatus = 'notStarted' | 'inProgress' | 'completed' | 'passed' | 'failed';

export interface ModuleActivity {
	id: number;
	kind: ActivityKind;
}

export function activityStatus(row: Tracking | undefined): ActivityStatus {
	if (!row || row.completionStatus === 'not attempted') return 'notStarted';
	if (row.successStatus === 'passed') return 'passed';
	if (row.successStatus === 'failed') return 'failed';
	return row.completionStatus === 'completed' ? 'completed' : 'inProgress';
}

/**
 * Whether an activity counts as done for its module. A quiz needs a pass unless the course says
 * submitting is enough; a SCO is done when it says completed, unless it also says the learner
 * failed it (a SCO that never reports success is done once completed); a lesson when completed.
 */
export function isActivityDone(kind: ActivityKind, row: Tracking | undefined, rule: ModuleCompletionRule = 'quiz-passed'): boolean {
	if (!row) return false;
	if (kind === 'quiz' && rule === 'quiz-passed') return row.successStatus === 'passed';
	if (kind === 'scorm') return row.completionStatus === 'completed' && row.successStatus !== 'failed';
	return row.completionStatus === 'completed';
}

/** How many of these activities are done. */
export function countDone(activities: { kind: ActivityKind; row: Tracking | undefined }[], rule: ModuleCompletionRule = 'quiz-passed'): number {
	return activities.filter((activity) => isActivityDone(activity.kind, activity.row, rule)).length;
}
