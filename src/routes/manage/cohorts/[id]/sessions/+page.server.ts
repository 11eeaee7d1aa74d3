import { fail, redirect } from '@sveltejs/kit';
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import { getCatalog } from '$lib/server/courses/current';
import { readForm } from '$lib/server/http/form';
import { readSessionForm } from '$lib/server/sessions/form';
import { createSession, listCohortSessions } from '$lib/server/sessions/service';
import { vietnamDateTime } from '$lib/server/sessions/time';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	const { db, cohort } = requireManagedCohort(event);
	const titles = new Map(getCatalog().courses.map((c) => [c.slug, c.title]));
	return {
		cohort: { id: cohort.id, name: cohort.name, learnerCount: cohort.learnerCount },
		courses: cohort.courseIds.map((slug) => ({ slug, title: titles.get(slug) ?? slug })),
		sessions: listCohortSessions(db, cohort.id).map((s) => ({
			id: s.id,
			title: s.title,
			place: s.place,
			hours: s.hours,
			courseTitle: titles.get(s.courseId) ?? s.courseId,
			date: vietnamDateTime(s.startsAt).date,
			start: vietnamDateTime(s.startsAt).time,
			end: vietnamDateTime(s.endsAt).time,
			attended: s.attended
		})),
		today: vietnamDateTime(Date.now()).date,
		deleted: event.url.searchParams.has('deleted')
	};
}) satisfies PageServerLoad;

export const actions = {
	create: async (event) => {
		const { db, cohort, user } = requireManagedCohort(event);
		const result = readSessionForm(await readForm(event.request), cohort.courseIds);
		if (!result.ok) return fail(400, { errors: result.errors, values: result.values });
		const session = createSession(db, cohort.id, result.input, user.id);
		redirect(303, `/manage/cohorts/${cohort.id}/sessions/${session.id}?created=1`);
	}
} satisfies Actions;
