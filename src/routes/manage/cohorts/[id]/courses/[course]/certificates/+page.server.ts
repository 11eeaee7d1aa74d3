// The cohort's certificate register for one course (sổ cấp): revoke with a reason, re-issue after
// a name correction (same serial, new PDF, history kept), issue by hand with the reason logged.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireManagedCohortCourse } from '$lib/server/cohorts/guard';
import { listCohortLearners } from '$lib/server/cohorts/service';
import { getCertificate, issueCertificate, listCohortCertificates, reissueCertificate, revokeCertificate } from '$lib/server/certificates/service';
import { forgetCertificatePdf } from '$lib/server/certificates/store';
import { config } from '$lib/server/config';
import { readForm } from '$lib/server/http/form';
import { translate } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	const { db, cohort, course } = requireManagedCohortCourse(event);
	const certificates = listCohortCertificates(db, cohort.id, course.slug);
	const certified = new Set(certificates.map((c) => c.userId));
	const done = event.url.searchParams;
	return {
		cohort: { id: cohort.id, name: cohort.name },
		course: { slug: course.slug, title: course.title },
		issues: course.certificate !== null,
		done: { revoked: done.get('revoked'), reissued: done.get('reissued'), issued: done.get('issued') },
		withoutCertificate: course.certificate
			? listCohortLearners(db, cohort.id)
					.filter((l) => !certified.has(l.id))
					.map((l) => ({ id: l.id, name: l.displayName, username: l.username }))
			: [],
		certificates: certificates.map((c) => ({
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

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The certificate named in the form, if it is in this register (the cohort's learners, this course). */
function inRegister(event: RequestEvent<{ id: string; course: string }>, form: FormData) {
	const managed = requireManagedCohortCourse(event);
	const id = Number(form.get('certificate'));
	const certificate = Number.isInteger(id) ? getCertificate(managed.db, id) : null;
	const listed = certificate && listCohortCertificates(managed.db, managed.cohort.id, managed.course.slug).some((c) => c.id === certificate.id);
	if (!certificate || !listed) error(404, translate(event.locals.locale, 'error.notFound'));
	return { ...managed, certificate };
}

const back = (event: RequestEvent, what: string, serial: string) => redirect(303, `${event.url.pathname}?${what}=${encodeURIComponent(serial)}`);

export const actions = {
	revoke: async (event) => {
		const form = await readForm(event.request);
		const { db, user, certificate } = inRegister(event, form);
		const reason = field(form, 'reason');
		if (!reason || reason.length > 500) return fail(400, { message: 'certificate.register.reasonMissing' as const, id: certificate.id });
		if (!revokeCertificate(db, certificate.id, user.id, reason)) return fail(409, { message: 'certificate.register.alreadyRevoked' as const, id: certificate.id });
		back(event, 'revoked', certificate.serial);
	},
	reissue: async (event) => {
		const form = await readForm(event.request);
		const { db, user, certificate } = inRegister(event, form);
		const fullName = field(form, 'fullName');
		const reason = field(form, 'reason');
		if (!fullName || fullName.length > 200 || !reason || reason.length > 500) {
			return fail(400, { message: 'certificate.register.reissueMissing' as const, id: certificate.id });
		}
		if (!reissueCertificate(db, certificate.id, user.id, fullName, reason)) return fail(409, { message: 'certificate.register.cannotReissue' as const, id: certificate.id });
		await forgetCertificatePdf(config.certificatesDir, certificate);
		back(event, 'reissued', certificate.serial);
	},
	issue: async (event) => {
		const { db, user, cohort, course } = requireManagedCohortCourse(event);
		const form = await readForm(event.request);
		const learnerId = Number(form.get('learner'));
		const reason = field(form, 'reason');
		const learner = listCohortLearners(db, cohort.id).find((l) => l.id === learnerId);
		if (!learner || !reason || reason.length > 500) return fail(400, { message: 'certificate.register.manualMissing' as const });
		const certificate = issueCertificate(db, { userId: learner.id, course, completedAt: Date.now(), byUser: user.id, reason });
		if (!certificate) error(404, translate(event.locals.locale, 'error.notFound'));
		back(event, 'issued', certificate.serial);
	}
} satisfies Actions;
