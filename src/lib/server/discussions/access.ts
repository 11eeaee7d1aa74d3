// Who may see and do what in discussions. A thread belongs to a cohort (or to every cohort of
// its course when shared). Learners see the threads of their cohorts; trainers those of the
// cohorts they teach, and moderate them; admins see and moderate everything.
import type { Db } from '../db/open';
import type { User } from '../users/service';

export interface Scope {
	/** cohorts of this course the user belongs to (as learner or trainer) */
	cohortIds: number[];
	/** cohorts of this course the user may moderate */
	moderatedCohortIds: number[];
	isAdmin: boolean;
}

export function discussionScope(db: Db, user: Pick<User, 'id' | 'role'>, courseId: string): Scope {
	const rows = db
		.prepare(
			`SELECT m.cohort_id, m.role FROM cohort_member m
			 JOIN cohort_course cc ON cc.cohort_id = m.cohort_id
			 WHERE m.user_id = ? AND cc.course_id = ? ORDER BY m.cohort_id`
		)
		.all(user.id, courseId) as { cohort_id: number; role: 'learner' | 'trainer' }[];
	const isAdmin = user.role === 'admin';
	const all = isAdmin
		? (db.prepare('SELECT cohort_id FROM cohort_course WHERE course_id = ? ORDER BY cohort_id').all(courseId) as {
				cohort_id: number;
			}[])
		: [];
	return {
		cohortIds: isAdmin ? all.map((r) => r.cohort_id) : rows.map((r) => r.cohort_id),
		moderatedCohortIds: isAdmin
			? all.map((r) => r.cohort_id)
			: user.role === 'trainer'
				? rows.filter((r) => r.role === 'trainer').map((r) => r.cohort_id)
				: [],
		isAdmin
	};
}

export interface ThreadPlace {
	cohortId: number | null;
}

export function canSeeThread(scope: Scope, thread: ThreadPlace): boolean {
	return scope.isAdmin || thread.cohortId === null || scope.cohortIds.includes(thread.cohortId);
}

export function canModerate(scope: Scope, thread: ThreadPlace): boolean {
	if (scope.isAdmin) return true;
	if (thread.cohortId === null) return scope.moderatedCohortIds.length > 0;
	return scope.moderatedCohortIds.includes(thread.cohortId);
}

/** Whether hidden threads and posts show (marked) to this user. */
export const seesHidden = canModerate;
