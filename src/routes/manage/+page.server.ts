import { requireRole } from '$lib/server/auth/guard';
import { listCohortsForUser } from '$lib/server/cohorts/service';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { countStaleEntries, STALE_AFTER_MONTHS } from '$lib/server/directory/service';
import { listOpenReports } from '$lib/server/discussions/moderation';
import { cohortOverview } from '$lib/server/reports/overview';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireRole(event, 'trainer', 'admin');
	const catalog = getCatalog();
	const titles = new Map(catalog.courses.map((c) => [c.slug, c.title]));
	const cohorts = listCohortsForUser(getDb(), user).map((cohort) => ({
		id: cohort.id,
		name: cohort.name,
		enrolCode: cohort.enrolCode,
		enrolmentOpen: cohort.enrolmentOpen,
		courseTitles: cohort.courseIds.map((id) => titles.get(id) ?? id),
		...cohortOverview(getDb(), catalog, cohort)
	}));
	return {
		openReports: listOpenReports(getDb(), user).length,
		cohorts,
		isAdmin: user.role === 'admin',
		courseErrors: catalog.errors.length,
		// entries of the support directory nobody has confirmed for six months
		directory: { stale: countStaleEntries(getDb()), months: STALE_AFTER_MONTHS }
	};
}) satisfies PageServerLoad;
