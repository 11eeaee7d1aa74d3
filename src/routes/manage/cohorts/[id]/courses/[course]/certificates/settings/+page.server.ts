// What this cohort's certificates print instead of the course's defaults (issuer, signer, hours,
// serial format, study period, seal). Certificates already issued keep what they printed.
import { fail, redirect } from '@sveltejs/kit';
import { requireManagedCohortCourse } from '$lib/server/cohorts/guard';
import {
	getCohortCertificateSettings,
	parseSettingsInput,
	saveCohortCertificateSettings,
	type SettingsInput
} from '$lib/server/certificates/cohort-settings';
import { MAX_SEAL_BYTES, sealImageProblem, storeImage } from '$lib/server/certificates/images';
import { echoValues } from '$lib/server/http/form';
import { readFormWithinLimit } from '$lib/server/http/body-limit';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	const { db, cohort, course } = requireManagedCohortCourse(event);
	const settings = getCohortCertificateSettings(db, cohort.id, course.slug);
	return {
		cohort: { id: cohort.id, name: cohort.name },
		course: { slug: course.slug, title: course.title },
		courseDefaults: course.certificate && {
			issuer: course.certificate.issuer,
			signerTitle: course.certificate.signerTitle,
			signerName: course.certificate.signerName,
			hours: course.certificate.hours,
			serialFormat: course.certificate.serialFormat,
			hasSeal: course.certificate.sealImage !== null
		},
		settings: {
			issuer: settings.issuer ?? '',
			signerTitle: settings.signerTitle ?? '',
			signerName: settings.signerName ?? '',
			// as the trainer writes it: 7,5 in Vietnamese
			hours: settings.hours === null ? '' : new Intl.NumberFormat(event.locals.locale === 'vi' ? 'vi-VN' : 'en-GB', { useGrouping: false }).format(settings.hours),
			serialFormat: settings.serialFormat ?? '',
			studyFrom: settings.studyFrom ?? '',
			studyTo: settings.studyTo ?? ''
		},
		hasSeal: settings.sealSha256 !== null,
		maxSealKb: MAX_SEAL_BYTES / 1024,
		saved: event.url.searchParams.has('saved')
	};
}) satisfies PageServerLoad;

const FIELDS = ['issuer', 'signerTitle', 'signerName', 'hours', 'serialFormat', 'studyFrom', 'studyTo'] as const;

export const actions = {
	default: async (event) => {
		const { db, user, cohort, course } = requireManagedCohortCourse(event);
		if (!course.certificate) return fail(409, { message: 'certificate.register.noCertificate' as const });
		const form = await readFormWithinLimit(event.request);
		if (!form) return fail(413, { message: 'certificate.settings.sealTooLarge' as const, maxKb: MAX_SEAL_BYTES / 1024 });
		const values = echoValues(form);
		const input = Object.fromEntries(FIELDS.map((f) => [f, values[f] ?? ''])) as unknown as SettingsInput;
		const parsed = parseSettingsInput(input);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values });
		let sealSha256 = getCohortCertificateSettings(db, cohort.id, course.slug).sealSha256;
		if (form.get('removeSeal') === 'on') sealSha256 = null;
		const seal = form.get('seal');
		if (seal instanceof File && seal.size > 0) {
			const bytes = Buffer.from(await seal.arrayBuffer());
			const problem = sealImageProblem(bytes);
			if (problem) return fail(problem === 'tooLarge' ? 413 : 400, { errors: { seal: `certificate.settings.seal.${problem}` as const }, values, maxKb: MAX_SEAL_BYTES / 1024 });
			sealSha256 = storeImage(db, bytes);
		}
		saveCohortCertificateSettings(db, cohort.id, course.slug, { ...parsed.value, sealSha256 }, user.id);
		redirect(303, `${event.url.pathname}?saved`);
	}
} satisfies Actions;
