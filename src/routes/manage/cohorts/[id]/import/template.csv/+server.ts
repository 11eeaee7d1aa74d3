// The roster template: Vietnamese headers and one example row, to fill in with Excel.
import { resolveCohort } from '$lib/server/cohorts/access';
import { csvDownloadHeaders, csvFileName } from '$lib/server/csv/write';
import { rosterTemplateCsv } from '$lib/server/roster/sheet';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { cohort } = resolveCohort(event);
	return new Response(rosterTemplateCsv(), { headers: csvDownloadHeaders(csvFileName(cohort.enrolCode, 'mau-danh-sach')) });
};
