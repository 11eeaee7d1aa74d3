// The learner table as CSV: the same filters and order as the page, every row (not one page).
import { translate } from '$lib/server/i18n';
import { requireManagedCohortCourse } from '$lib/server/cohorts/guard';
import { csvDateTime, csvDownloadHeaders, csvFileName, toCsv } from '$lib/server/csv/write';
import { learnerTable } from '$lib/server/reports/learner-table-view';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { db, cohort, catalog, course } = requireManagedCohortCourse(event);
	const m = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(event.locals.locale, key, params);
	const table = learnerTable(db, catalog, cohort.id, course, event.url.searchParams);
	const header = [
		m('table.name'),
		m('table.username'),
		m('account.organisation'),
		m('account.commune'),
		m('table.province'),
		m('table.status'),
		`${m('table.progress')} (%)`,
		m('table.modules'),
		...table.columns.map((c) => `${m('table.bestScore', { n: c.number })} (%)`),
		`${m('table.time')} (${m('report.minutesSeries').toLowerCase()})`,
		m('table.lastActive')
	];
	const rows = table.rows.map((r) => [
		r.displayName,
		r.username,
		r.organisation,
		r.commune,
		r.province,
		m(`status.${r.status}`),
		r.progressPercent,
		`${r.modulesCompleted}/${table.totalModules}`,
		...r.bestScores.map((s) => (s === null ? '' : Math.round(s))),
		r.totalMinutes,
		csvDateTime(r.lastActiveAt)
	]);
	return new Response(toCsv(header, rows), { headers: csvDownloadHeaders(csvFileName(cohort.enrolCode, 'hoc-vien')) });
};
