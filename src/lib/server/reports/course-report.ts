// The cohort × course report: per module, how many finished, passed, scored and spent; the
// cohort's activity day by day from the event log; and each quiz's score distribution.
import type { Db } from '../db/open';
import type { CohortCourse } from './cohort-course';
import { histogram, mean, median, percentOf, type Bin } from './stats';

export interface ModuleRow {
	slug: string;
	number: number;
	title: string;
	/** learners who completed the module, % of the cohort */
	completionRate: number | null;
	started: number;
	completed: number;
	hasQuiz: boolean;
	/** learners who submitted the quiz at least once */
	quizTakers: number;
	/** of those, the share whose kept score passes, % */
	passRate: number | null;
	/** kept scores (per the quiz's grading method), percent */
	averageScore: number | null;
	medianScore: number | null;
	/** among learners who opened the module, minutes */
	medianMinutes: number | null;
}

export interface DayRow {
	/** YYYY-MM-DD in Viet Nam's time */
	day: string;
	activeLearners: number;
	completions: number;
}

export interface Distribution {
	slug: string;
	title: string;
	passPercent: number;
	bins: Bin[];
	scored: number;
}

export interface CourseReport {
	learnerCount: number;
	/** learners whose course completion rule is met (the recorded course milestone) */
	courseCompleted: number;
	modules: ModuleRow[];
	/** the last ACTIVITY_DAYS whole days, ending yesterday */
	days: DayRow[];
	/** today so far: shown beside the chart, not on it */
	today: DayRow;
	distributions: Distribution[];
}

/** Viet Nam keeps UTC+7 all year: a day is a fixed 24-hour window (the learner_day trigger
 * in migration 004 uses the same arithmetic). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const dayNumber = (time: number) => Math.floor((time + VIETNAM_OFFSET_MS) / DAY_MS);
const dayLabel = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * How many days of activity the chart shows. They end yesterday: today is still under way, and
 * as the last point of a line it always looks like a fall (as analytics dashboards do, the
 * "last 30 days" are whole days; today's count so far is given apart, as text).
 */
export const ACTIVITY_DAYS = 30;

export function moduleRows(data: CohortCourse): ModuleRow[] {
	const count = data.learners.length;
	return data.modules.map((info, i) => {
		let started = 0;
		let completed = 0;
		const minutes: number[] = [];
		const kept: number[] = [];
		let takers = 0;
		let passed = 0;
		for (const l of data.learners) {
			const progress = l.progress.modules[i]!;
			if (progress.status !== 'notStarted') {
				started++;
				const ms = info.activityIds.reduce((sum, id) => sum + (l.tracking.get(id)?.totalTimeMs ?? 0), 0);
				minutes.push(ms / 60_000);
			}
			if (progress.status === 'completed') completed++;
			if (info.quizId !== null && (l.quizzes.get(info.quizId)?.submitted ?? 0) > 0) {
				takers++;
				const row = l.tracking.get(info.quizId);
				if (row?.scoreRaw !== null && row?.scoreRaw !== undefined) kept.push(row.scoreRaw);
				if (row?.successStatus === 'passed') passed++;
			}
		}
		const averageScore = mean(kept);
		const medianScore = median(kept);
		const medianMinutes = median(minutes);
		return {
			slug: info.module.slug,
			number: info.module.number,
			title: info.module.title,
			completionRate: percentOf(completed, count),
			started,
			completed,
			hasQuiz: info.quizId !== null,
			quizTakers: takers,
			passRate: percentOf(passed, takers),
			averageScore: averageScore === null ? null : Math.round(averageScore),
			medianScore: medianScore === null ? null : Math.round(medianScore),
			medianMinutes: medianMinutes === null ? null : Math.round(medianMinutes)
		};
	});
}

/**
 * Daily active learners (anyone with an event on the course's activities that day: the
 * learner_day rows the event log's trigger keeps) and module completions (the day each
 * module's last requirement was met).
 */
export function activityByDay(db: Db, cohortId: number, data: CohortCourse, now = Date.now()): { days: DayRow[]; today: DayRow } {
	const today = dayNumber(now);
	const first = today - ACTIVITY_DAYS;
	const active = new Map(
		(
			db
				.prepare(
					`SELECT d.day, count(*) AS n FROM cohort_member m JOIN learner_day d ON d.user_id = m.user_id
					 WHERE m.cohort_id = ? AND m.role = 'learner' AND d.course_id = ? AND d.day >= ?
					 GROUP BY d.day`
				)
				.all(cohortId, data.course.slug, first) as { day: number; n: number }[]
		).map((r) => [r.day, r.n])
	);
	const completions = new Map<number, number>();
	for (const l of data.learners) {
		for (const at of l.moduleCompletedAt.values()) {
			const day = dayNumber(at);
			if (day >= first) completions.set(day, (completions.get(day) ?? 0) + 1);
		}
	}
	const row = (day: number): DayRow => ({ day: dayLabel(day), activeLearners: active.get(day) ?? 0, completions: completions.get(day) ?? 0 });
	const days: DayRow[] = [];
	for (let day = first; day < today; day++) days.push(row(day));
	return { days, today: row(today) };
}

/** Each quiz's kept scores in bins of ten, with the pass mark to draw. */
export function scoreDistributions(data: CohortCourse): Distribution[] {
	return data.modules
		.filter((info) => info.quizId !== null && info.module.quiz)
		.map((info) => {
			const scores = data.learners
				.map((l) => l.tracking.get(info.quizId!))
				.filter((row) => row && row.attempts > 0 && row.scoreRaw !== null && row.successStatus !== 'unknown')
				.map((row) => row!.scoreRaw!);
			return {
				slug: info.module.slug,
				title: info.module.title,
				passPercent: info.module.quiz!.settings.passPercent,
				bins: histogram(scores),
				scored: scores.length
			};
		});
}

export function courseReport(db: Db, cohortId: number, data: CohortCourse, now = Date.now()): CourseReport {
	return {
		learnerCount: data.learners.length,
		courseCompleted: data.learners.filter((l) => l.courseCompletedAt !== null).length,
		modules: moduleRows(data),
		...activityByDay(db, cohortId, data, now),
		distributions: scoreDistributions(data)
	};
}
