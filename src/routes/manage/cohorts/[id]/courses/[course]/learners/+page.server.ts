import { requireManagedCohortCourse } from '$lib/server/cohorts/guard';
import { pageOf } from '$lib/server/reports/learner-table';
import { learnerTable } from '$lib/server/reports/learner-table-view';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const { db, cohort, catalog, course } = requireManagedCohortCourse(event);
	const table = learnerTable(db, catalog, cohort.id, course, event.url.searchParams);
	return {
		cohort: { id: cohort.id, name: cohort.name },
		course: { slug: course.slug, title: course.title },
		columns: table.columns,
		query: table.query,
		options: table.options,
		totalLearners: table.totalLearners,
		totalModules: table.totalModules,
		...pageOf(table.rows, table.query.page)
	};
}) satisfies PageServerLoad;
