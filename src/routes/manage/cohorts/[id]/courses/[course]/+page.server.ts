import { requireManagedCohortCourse } from '$lib/server/cohorts/guard';
import { loadCohortCourse } from '$lib/server/reports/cohort-course';
import { ACTIVITY_DAYS, courseReport } from '$lib/server/reports/course-report';
import { scormReport } from '$lib/server/reports/scorm-report';
import { courseCompletedCount, sessionsReport } from '$lib/server/reports/sessions-report';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const { db, cohort, catalog, course } = requireManagedCohortCourse(event);
	const report = courseReport(db, cohort.id, loadCohortCourse(db, catalog, cohort.id, course));
	return {
		cohort: { id: cohort.id, name: cohort.name, enrolCode: cohort.enrolCode },
		course: { slug: course.slug, title: course.title },
		activityDays: ACTIVITY_DAYS,
		scorm: scormReport(db, catalog, cohort.id, course),
		sessions: sessionsReport(db, cohort.id, course.slug),
		courseCompleted: courseCompletedCount(db, cohort.id, course.slug),
		...report
	};
}) satisfies PageServerLoad;
