import { fail } from '@sveltejs/kit';
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import { canManageLearner, getCohortLearner, listNewestCohortLearners, setEnrolmentOpen } from '$lib/server/cohorts/service';
import { getCatalog } from '$lib/server/courses/current';
import { getUser, resetPassword } from '$lib/server/users/service';
import { readForm } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

const RECENT_LEARNERS = 20;

export const load = ((event) => {
	const { db, cohort } = requireManagedCohort(event);
	const titles = new Map(getCatalog().courses.map((c) => [c.slug, c.title]));
	return {
		cohort: {
			id: cohort.id,
			name: cohort.name,
			enrolCode: cohort.enrolCode,
			enrolmentOpen: cohort.enrolmentOpen,
			courses: cohort.courseIds.map((id) => ({ slug: id, title: titles.get(id) ?? id })),
			trainers: cohort.trainerIds.map((id) => getUser(db, id)?.displayName ?? '')
		},
		// the newest sign-ups; the whole class is in the learner table, sorted and paged
		learners: listNewestCohortLearners(db, cohort.id, RECENT_LEARNERS),
		learnerCount: cohort.learnerCount,
		registerUrl: `${event.url.origin}/register?code=${encodeURIComponent(cohort.enrolCode)}`
	};
}) satisfies PageServerLoad;

export const actions = {
	enrolment: async (event) => {
		const { db, cohort } = requireManagedCohort(event);
		const form = await readForm(event.request);
		setEnrolmentOpen(db, cohort.id, form.get('open') === '1');
		return { enrolmentChanged: true };
	},
	resetPassword: async (event) => {
		const { user, db, cohort } = requireManagedCohort(event);
		const form = await readForm(event.request);
		const learnerId = Number(form.get('learnerId'));
		const inCohort = Number.isInteger(learnerId) ? getCohortLearner(db, cohort.id, learnerId) : null;
		if (!inCohort || !canManageLearner(db, user, learnerId)) {
			return fail(400, { message: 'form.invalid' as const });
		}
		const temporaryPassword = await resetPassword(db, learnerId);
		return { temporaryPassword, learnerName: inCohort.displayName, learnerUsername: inCohort.username };
	}
} satisfies Actions;
