import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { cohortSchema } from '$lib/server/cohorts/schemas';
import { createCohort, EnrolCodeTakenError } from '$lib/server/cohorts/service';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { parseForm, readForm } from '$lib/server/http/form';
import { listUsersByRole } from '$lib/server/users/service';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireRole(event, 'trainer', 'admin');
	return {
		courses: getCatalog().courses.map((c) => ({ slug: c.slug, title: c.title })),
		trainers: listUsersByRole(getDb(), 'trainer').map((t) => ({
			id: t.id,
			displayName: t.displayName,
			organisation: t.organisation
		})),
		currentUserId: user.id,
		isTrainer: user.role === 'trainer'
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireRole(event, 'trainer', 'admin');
		const db = getDb();
		const formData = await readForm(event.request);
		const form = parseForm(cohortSchema, formData);
		const selected = { courses: formData.getAll('courses').map(String), trainers: formData.getAll('trainers').map(String) };
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values, selected });
		const known = new Set(getCatalog().courses.map((c) => c.slug));
		if (form.data.courses.some((slug) => !known.has(slug))) {
			return fail(400, { errors: { courses: 'form.invalid' as const }, values: form.values, selected });
		}
		const trainerIds = new Set(listUsersByRole(db, 'trainer').map((t) => t.id));
		if (form.data.trainers.some((id) => !trainerIds.has(id))) {
			return fail(400, { errors: { trainers: 'form.invalid' as const }, values: form.values, selected });
		}
		// a trainer who creates a cohort teaches it
		const trainers = user.role === 'trainer' ? [...form.data.trainers, user.id] : form.data.trainers;
		let cohortId: number;
		try {
			cohortId = createCohort(db, {
				name: form.data.name,
				enrolCode: form.data.enrolCode,
				courseIds: form.data.courses,
				trainerIds: trainers,
				createdBy: user.id
			}).id;
		} catch (error) {
			if (error instanceof EnrolCodeTakenError) {
				return fail(400, { errors: { enrolCode: 'cohort.codeTaken' as const }, values: form.values, selected });
			}
			throw error;
		}
		redirect(303, `/manage/cohorts/${cohortId}`);
	}
} satisfies Actions;
