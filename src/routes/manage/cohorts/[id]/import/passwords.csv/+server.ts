// The temporary passwords of an import as a CSV. They are stored nowhere, so the import page
// posts back the list it was shown (a form post: it works without JavaScript, and SvelteKit
// refuses it from another site).
import { error } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import { csvDownloadHeaders, csvFileName } from '$lib/server/csv/write';
import { parsePasswordSheet, passwordSheetCsv } from '$lib/server/roster/sheet';
import { readForm } from '$lib/server/http/form';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const { cohort } = requireManagedCohort(event);
	const { locale } = event.locals;
	const form = await readForm(event.request).catch(() => null);
	const learners = parsePasswordSheet(form?.get('sheet'));
	if (!learners) error(400, translate(locale, 'form.invalid'));
	const csv = passwordSheetCsv(learners, `${event.url.origin}/login`, locale);
	return new Response(csv, { headers: csvDownloadHeaders(csvFileName(cohort.enrolCode, 'mat-khau')) });
};
