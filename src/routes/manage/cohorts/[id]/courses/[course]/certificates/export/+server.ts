// The certificate register as CSV, Excel-safe like the other exports ($lib/server/csv/write).
import { translate } from '$lib/server/i18n';
import { requireManagedCohortCourse } from '$lib/server/cohorts/guard';
import { listCohortCertificates } from '$lib/server/certificates/service';
import { csvDateTime, csvDownloadHeaders, csvFileName, toCsv } from '$lib/server/csv/write';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { db, cohort, course } = requireManagedCohortCourse(event);
	const m = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(event.locals.locale, key, params);
	const header = [
		m('certificate.registerNumber'),
		m('certificate.serial'),
		m('certificate.register.name'),
		m('certificate.register.organisation'),
		m('certificate.register.commune'),
		m('certificate.completedAt'),
		m('certificate.issuedAt'),
		m('certificate.status'),
		m('certificate.register.reason')
	];
	const rows = listCohortCertificates(db, cohort.id, course.slug).map((c) => [
		c.registerNumber,
		c.serial,
		c.fields.fullName,
		c.fields.organisation,
		c.fields.commune,
		csvDateTime(c.completedAt),
		csvDateTime(c.issuedAt),
		c.revokedAt === null ? m('certificate.valid') : m('certificate.revoked'),
		c.revokedReason ?? ''
	]);
	return new Response(toCsv(header, rows), { headers: csvDownloadHeaders(csvFileName(cohort.enrolCode, 'chung-nhan')) });
};
