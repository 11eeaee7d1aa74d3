import { requireUser } from '$lib/server/auth/guard';
import { courseIdsForUser } from '$lib/server/cohorts/service';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { learnerCourseProgress } from '$lib/server/tracking/course-progress';
import { repliesToMe } from '$lib/server/discussions/service';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireUser(event);
	const db = getDb();
	const catalog = getCatalog();
	const ids = courseIdsForUser(db, user);
	const courses = catalog.courses
		.filter((course) => ids.includes(course.slug))
		.map((course) => {
			const progress = learnerCourseProgress(db, catalog, course, user.id);
			return {
				slug: course.slug,
				title: course.title,
				summary: course.summary,
				moduleCount: course.modules.length,
				completedModules: progress.completedModules,
				doneActivities: progress.doneActivities,
				totalActivities: progress.totalActivities,
				percent: progress.percent
			};
		});
	// replies in courses the learner can still open
	const replies = repliesToMe(db, user.id).filter((r) => ids.includes(r.courseId));
	return { courses, replies };
}) satisfies PageServerLoad;
