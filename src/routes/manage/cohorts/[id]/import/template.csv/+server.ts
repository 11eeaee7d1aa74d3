// The roster template: Vietnamese headers and one example row, to fill in with Excel.
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import { csvDownloadHeaders, csvFileName } from '$lib/server/csv/write';
import { rosterTemplateCsv } from '$lib/server/roster/sheet';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { cohort } = requireManagedCohort(event);
	return new Response(rosterTemplateCsv(), { headers: csvDownloadHeaders(csvFileName(cohort.enrolCode, 'mau-danh-sach')) });
};
