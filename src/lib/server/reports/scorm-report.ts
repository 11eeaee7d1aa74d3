// SCORM packages in a cohort's course report: how far the cohort got in each SCO, and how it
// answered the questions the packages journal (cmi.interactions), so a trainer sees a package's
// results beside the Markdown modules' without opening each learner.
import { moduleAttachments, type Catalog } from '../courses/catalog';
import type { Course } from '../courses/loader';
import type { Db } from '../db/open';
import { mean, median, percentOf } from './stats';

export interface ScoSummary {
	activityId: number;
	title: string;
	started: number;
	completed: number;
	passed: number;
	failed: number;
	averageScore: number | null;
	medianMinutes: number | null;
}

export interface InteractionSummary {
	identifier: string;
	description: string | null;
	type: string | null;
	/** learners who answered it (their latest answer counts) */
	answered: number;
	correctPercent: number | null;
	/** the most frequent answers, most frequent first */
	topResponses: { response: string; count: number }[];
}

/**
 * A SCORM 2004 package as a whole: its activity's results, the rollup of its tree (what the module
 * counts and the learner's page lists as "cả gói"). Its score is the rolled-up scaled score, as a
 * percentage; time is counted in its parts, so it has none of its own.
 */
export interface PackageRollup {
	activityId: number;
	started: number;
	completed: number;
	passed: number;
	failed: number;
	/** mean of the learners' scaled scores (those who have one), in percent */
	averagePercent: number | null;
}

export interface PackageSummary {
	id: number;
	title: string;
	moduleTitle: string;
	learners: number;
	/** null for SCORM 1.2: the module counts each SCO */
	rollup: PackageRollup | null;
	scos: ScoSummary[];
	interactions: InteractionSummary[];
}

const TOP_RESPONSES = 3;

export function scormReport(db: Db, catalog: Catalog, cohortId: number, course: Course): PackageSummary[] {
	const learners = (
		db.prepare(`SELECT count(*) AS n FROM cohort_member WHERE cohort_id = ? AND role = 'learner'`).get(cohortId) as { n: number }
	).n;
	const rowsFor = db.prepare(
		`SELECT t.completion_status, t.success_status, t.score_raw, t.score_scaled, t.total_time_ms FROM cohort_member m
		 JOIN tracking t ON t.user_id = m.user_id
		 WHERE m.cohort_id = ? AND m.role = 'learner' AND t.activity_id = ? AND t.completion_status != 'not attempted'`
	);
	// each learner's latest answer to each interaction of the package's SCOs
	const answersFor = db.prepare(
		`SELECT i.identifier, i.description, i.type, i.learner_response, i.result FROM scorm_interaction i
		 WHERE i.id IN (
		   SELECT max(i2.id) FROM cohort_member m JOIN scorm_interaction i2 ON i2.user_id = m.user_id
		   WHERE m.cohort_id = ? AND m.role = 'learner' AND i2.activity_id IN (SELECT value FROM json_each(?))
		   GROUP BY i2.user_id, i2.activity_id, i2.identifier)
		 ORDER BY i.identifier`
	);
	return course.modules.flatMap((module) =>
		moduleAttachments(catalog, course, module).map((attachment) => {
			const scos = attachment.scos.map((sco): ScoSummary => {
				const rows = rowsFor.all(cohortId, sco.activityId) as {
					completion_status: string;
					success_status: string;
					score_raw: number | null;
					total_time_ms: number;
				}[];
				const minutes = rows.map((r) => r.total_time_ms / 60_000);
				const m = median(minutes);
				const scores = rows.map((r) => r.score_raw).filter((s): s is number => s !== null);
				const averageScore = mean(scores);
				return {
					activityId: sco.activityId,
					title: sco.title,
					started: rows.length,
					completed: rows.filter((r) => r.completion_status === 'completed').length,
					passed: rows.filter((r) => r.success_status === 'passed').length,
					failed: rows.filter((r) => r.success_status === 'failed').length,
					averageScore: averageScore === null ? null : Math.round(averageScore * 10) / 10,
					medianMinutes: m === null ? null : Math.round(m)
				};
			});
			const answers = answersFor.all(cohortId, JSON.stringify(attachment.scos.map((sco) => sco.activityId))) as {
				identifier: string;
				description: string | null;
				type: string | null;
				learner_response: string | null;
				result: string | null;
			}[];
			const rollup = attachment.packageActivityId === null ? null : packageRollup(attachment.packageActivityId, rowsFor.all(cohortId, attachment.packageActivityId) as TrackingRow[]);
			return { id: attachment.id, title: attachment.title, moduleTitle: module.title, learners, rollup, scos, interactions: summariseInteractions(answers) };
		})
	);
}

type TrackingRow = { completion_status: string; success_status: string; score_scaled: number | null };

/** The cohort's package rows (started ones only) counted as the learner's page shows each of them. */
function packageRollup(activityId: number, rows: TrackingRow[]): PackageRollup {
	const percents = rows.map((r) => r.score_scaled).filter((s): s is number => s !== null).map((s) => s * 100);
	const average = mean(percents);
	return {
		activityId,
		started: rows.length,
		completed: rows.filter((r) => r.completion_status === 'completed').length,
		passed: rows.filter((r) => r.success_status === 'passed').length,
		failed: rows.filter((r) => r.success_status === 'failed').length,
		averagePercent: average === null ? null : Math.round(average)
	};
}

export function summariseInteractions(
	answers: { identifier: string; description: string | null; type: string | null; learner_response: string | null; result: string | null }[]
): InteractionSummary[] {
	const byId = new Map<string, typeof answers>();
	for (const answer of answers) byId.set(answer.identifier, [...(byId.get(answer.identifier) ?? []), answer]);
	return [...byId.entries()].map(([identifier, list]) => {
		const judged = list.filter((a) => a.result === 'correct' || a.result === 'wrong' || a.result === 'incorrect');
		const counts = new Map<string, number>();
		for (const a of list) if (a.learner_response) counts.set(a.learner_response, (counts.get(a.learner_response) ?? 0) + 1);
		return {
			identifier,
			description: list.find((a) => a.description)?.description ?? null,
			type: list[0]!.type,
			answered: list.length,
			correctPercent: percentOf(judged.filter((a) => a.result === 'correct').length, judged.length),
			topResponses: [...counts.entries()]
				.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
				.slice(0, TOP_RESPONSES)
				.map(([response, count]) => ({ response, count }))
		};
	});
}
