// The cohort's certificate register for one course (sổ cấp), and revoking a certificate with its reason.
import { error, fail, redirect } from '@sveltejs/kit';
import { requireManagedCohortCourse } from '$lib/server/cohorts/guard';
import { getCertificate, listCohortCertificates, revokeCertificate } from '$lib/server/certificates/service';
import { readForm } from '$lib/server/http/form';
import { translate } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	const { db, cohort, course } = requireManagedCohortCourse(event);
	return {
		cohort: { id: cohort.id, name: cohort.name },
		course: { slug: course.slug, title: course.title },
		issues: course.certificate !== null,
		revoked: event.url.searchParams.get('revoked'),
		certificates: listCohortCertificates(db, cohort.id, course.slug).map((c) => ({
			id: c.id,
			registerNumber: c.registerNumber,
			serial: c.serial,
			fullName: c.fields.fullName,
			organisation: c.fields.organisation,
			commune: c.fields.commune,
			completedAt: c.completedAt,
			issuedAt: c.issuedAt,
			code: c.code,
			revokedAt: c.revokedAt,
			revokedReason: c.revokedReason
		}))
	};
}) satisfies PageServerLoad;

export const actions = {
	revoke: async (event) => {
		const { db, user, cohort, course } = requireManagedCohortCourse(event);
		const form = await readForm(event.request);
		const id = Number(form.get('certificate'));
		const reason = String(form.get('reason') ?? '').trim();
		// only a certificate of this register: the cohort's learners, this course
		const certificate = Number.isInteger(id) ? getCertificate(db, id) : null;
		const inRegister = certificate && listCohortCertificates(db, cohort.id, course.slug).some((c) => c.id === certificate.id);
		if (!certificate || !inRegister) error(404, translate(event.locals.locale, 'error.notFound'));
		if (!reason || reason.length > 500) return fail(400, { message: 'certificate.register.reasonMissing' as const, id });
		if (!revokeCertificate(db, certificate.id, user.id, reason)) return fail(409, { message: 'certificate.register.alreadyRevoked' as const, id });
		redirect(303, `${event.url.pathname}?revoked=${encodeURIComponent(certificate.serial)}`);
	}
} satisfies Actions;
