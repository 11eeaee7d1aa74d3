// The trainer's home: for each cohort, the few numbers that say whether it is moving.
import { findCourse, type Catalog } from '../courses/catalog';
import type { Cohort } from '../cohorts/service';
import type { Db } from '../db/open';
import { loadCohortCourse } from './cohort-course';
import { mean, percentOf } from './stats';

export interface CohortOverview {
	learners: number;
	/** learners who opened anything in the cohort's courses in the last 7 days */
	activeLastWeek: number;
	/** learner × course pairs completed, % */
	courseCompletion: number | null;
	/** each learner's best attempt on each quiz they took, averaged, % */
	averageBestScore: number | null;
	/** learners who have not opened anything yet */
	notStarted: number;
	courses: { slug: string; title: string }[];
}

const WEEK_MS = 7 * 86_400_000;

export function cohortOverview(db: Db, catalog: Catalog, cohort: Cohort, now = Date.now()): CohortOverview {
	const courses = cohort.courseIds.flatMap((id) => findCourse(catalog, id) ?? []);
	const lastActive = new Map<number, number | null>();
	let pairs = 0;
	let completedPairs = 0;
	const bests: number[] = [];
	for (const course of courses) {
		for (const l of loadCohortCourse(db, catalog, cohort.id, course).learners) {
			const previous = lastActive.get(l.learner.id) ?? null;
			lastActive.set(l.learner.id, l.lastActiveAt === null ? previous : Math.max(previous ?? 0, l.lastActiveAt));
			pairs++;
			if (l.courseCompletedAt !== null) completedPairs++;
			for (const quiz of l.quizzes.values()) if (quiz.best !== null) bests.push(quiz.best);
		}
	}
	const times = [...lastActive.values()];
	const average = mean(bests);
	return {
		learners: cohort.learnerCount,
		activeLastWeek: times.filter((t) => t !== null && t >= now - WEEK_MS).length,
		courseCompletion: percentOf(completedPairs, pairs),
		averageBestScore: average === null ? null : Math.round(average),
		notStarted: courses.length === 0 ? cohort.learnerCount : times.filter((t) => t === null).length,
		courses: courses.map((c) => ({ slug: c.slug, title: c.title }))
	};
}
