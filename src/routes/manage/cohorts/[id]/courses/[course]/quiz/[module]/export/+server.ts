// Every submitted attempt at one quiz by the cohort: one row per attempt, one column per
// question (the points earned; empty when that attempt did not show the question).
import type { MessageKey, Params } from '$lib/i18n';
import { translate } from '$lib/server/i18n';
import { requireManagedQuiz } from '$lib/server/cohorts/guard';
import { listCohortLearners } from '$lib/server/cohorts/service';
import { csvDateTime, csvDownloadHeaders, csvFileName, toCsv } from '$lib/server/csv/write';
import { cohortQuizResults, orderByLearner } from '$lib/server/reports/quiz-results';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { db, cohort, module, quiz, quizId } = requireManagedQuiz(event);
	const m = (key: MessageKey, params?: Params) => translate(event.locals.locale, key, params);
	const learners = new Map(listCohortLearners(db, cohort.id).map((l) => [l.id, l]));
	const results = orderByLearner(cohortQuizResults(db, cohort.id, quizId, 'all'), learners);
	// questions in the file's order, then any an attempt showed that the file no longer has
	const ids = [...quiz.questions.map((q) => q.id)];
	for (const r of results) for (const id of r.questions.keys()) if (!ids.includes(id)) ids.push(id);
	const titles = new Map(quiz.questions.map((q) => [q.id, q.title]));
	const header = [
		m('table.name'),
		m('table.username'),
		m('account.organisation'),
		m('account.commune'),
		m('table.attempt'),
		m('table.startedAt'),
		m('table.submittedAt'),
		`${m('learner.time')} (${m('report.minutesSeries').toLowerCase()})`,
		m('table.percent'),
		m('table.passed'),
		...ids.map((id, i) => `${i + 1}. ${titles.get(id) ?? id}`)
	];
	const rows = results.map((r) => {
		const learner = learners.get(r.userId)!;
		return [
			learner.displayName,
			learner.username,
			learner.organisation,
			learner.commune,
			r.number,
			csvDateTime(r.startedAt),
			csvDateTime(r.submittedAt),
			Math.round((r.submittedAt - r.startedAt) / 60_000),
			Math.round(r.percent * 10) / 10,
			r.passed ? m('table.yes') : m('table.no'),
			...ids.map((id) => r.questions.get(id)?.score ?? '')
		];
	});
	return new Response(toCsv(header, rows), {
		headers: csvDownloadHeaders(csvFileName(cohort.enrolCode, `lan-lam-bai-hp${module.number}`))
	});
};
