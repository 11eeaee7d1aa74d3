// Everything the trainer pages need about one cohort studying one course, read in a handful of
// queries at request time (never cached, so never stale): the learners, their tracking rows,
// their progress derived exactly as the learner sees it, and a summary of their quiz attempts.
import { moduleActivities, quizActivityId, type Catalog } from '../courses/catalog';
import type { Course, Module } from '../courses/loader';
import { listCohortLearners, type CohortLearner } from '../cohorts/service';
import type { Db } from '../db/open';
import { cohortCourseCompletions } from '../tracking/completion';
import { courseProgress, type CourseProgress } from '../tracking/progress';
import { getCohortTracking, type Tracking } from '../tracking/service';

export interface QuizAttemptsSummary {
	submitted: number;
	/** best single attempt, percent */
	best: number | null;
	/** the first attempt that reached the pass mark */
	firstPassAt: number | null;
	lastSubmittedAt: number | null;
}

export interface LearnerInCourse {
	learner: CohortLearner;
	progress: CourseProgress;
	tracking: Map<number, Tracking>;
	/** quiz activity id → attempts summary */
	quizzes: Map<number, QuizAttemptsSummary>;
	/** time on the course's activities, ms */
	totalTimeMs: number;
	lastActiveAt: number | null;
	/** when each completed module became complete (its last requirement met) */
	moduleCompletedAt: Map<string, number>;
	/** when the course's completion rule was met (the recorded milestone); null: not yet */
	courseCompletedAt: number | null;
}

export interface ModuleInfo {
	module: Module;
	activityIds: number[];
	quizId: number | null;
}

export interface CohortCourse {
	course: Course;
	modules: ModuleInfo[];
	learners: LearnerInCourse[];
}

function quizSummaries(db: Db, cohortId: number, quizIds: number[]) {
	const rows = db
		.prepare(
			`SELECT a.user_id, a.activity_id, count(*) AS submitted, max(a.percent) AS best,
			        min(CASE WHEN a.passed = 1 THEN a.submitted_at END) AS first_pass_at,
			        max(a.submitted_at) AS last_submitted_at
			 FROM cohort_member m JOIN quiz_attempt a ON a.user_id = m.user_id
			 WHERE m.cohort_id = ? AND m.role = 'learner' AND a.status = 'submitted'
			   AND a.activity_id IN (SELECT value FROM json_each(?))
			 GROUP BY a.user_id, a.activity_id`
		)
		.all(cohortId, JSON.stringify(quizIds)) as {
		user_id: number;
		activity_id: number;
		submitted: number;
		best: number | null;
		first_pass_at: number | null;
		last_submitted_at: number | null;
	}[];
	const result = new Map<number, Map<number, QuizAttemptsSummary>>();
	for (const r of rows) {
		let mine = result.get(r.user_id);
		if (!mine) result.set(r.user_id, (mine = new Map()));
		mine.set(r.activity_id, {
			submitted: r.submitted,
			best: r.best,
			firstPassAt: r.first_pass_at,
			lastSubmittedAt: r.last_submitted_at
		});
	}
	return result;
}

export function loadCohortCourse(db: Db, catalog: Catalog, cohortId: number, course: Course): CohortCourse {
	// looked up once per module, not once per module per learner
	const activities = new Map(course.modules.map((module) => [module, moduleActivities(catalog, course, module)]));
	const activitiesOf = (module: Module) => activities.get(module)!;
	const modules: ModuleInfo[] = course.modules.map((module) => ({
		module,
		activityIds: activitiesOf(module).map((a) => a.id),
		quizId: quizActivityId(catalog, course, module) ?? null
	}));
	const allIds = modules.flatMap((m) => m.activityIds);
	const quizIds = modules.flatMap((m) => (m.quizId === null ? [] : [m.quizId]));
	const tracking = getCohortTracking(db, cohortId, allIds);
	const quizzes = quizSummaries(db, cohortId, quizIds);
	const completions = cohortCourseCompletions(db, cohortId, course.slug);
	const learners = listCohortLearners(db, cohortId).map((learner): LearnerInCourse => {
		const rows = tracking.get(learner.id) ?? new Map<number, Tracking>();
		const progress = courseProgress(course, activitiesOf, rows);
		const mine = quizzes.get(learner.id) ?? new Map<number, QuizAttemptsSummary>();
		let totalTimeMs = 0;
		let lastActiveAt: number | null = null;
		for (const row of rows.values()) {
			totalTimeMs += row.totalTimeMs;
			if (row.lastAccessedAt !== null && (lastActiveAt === null || row.lastAccessedAt > lastActiveAt)) lastActiveAt = row.lastAccessedAt;
		}
		const moduleCompletedAt = new Map<string, number>();
		modules.forEach((info, i) => {
			if (progress.modules[i]!.status !== 'completed') return;
			const lessonDone = rows.get(info.activityIds[0]!)?.completedAt ?? 0;
			const quiz = info.quizId === null ? null : mine.get(info.quizId);
			const quizDone =
				info.quizId === null ? 0 : (course.moduleCompletion === 'quiz-passed' ? quiz?.firstPassAt : null) ?? quiz?.lastSubmittedAt ?? rows.get(info.quizId)?.completedAt ?? 0;
			moduleCompletedAt.set(info.module.slug, Math.max(lessonDone, quizDone));
		});
		const courseCompletedAt = completions.get(learner.id) ?? null;
		return { learner, progress, tracking: rows, quizzes: mine, totalTimeMs, lastActiveAt, moduleCompletedAt, courseCompletedAt };
	});
	return { course, modules, learners };
}
