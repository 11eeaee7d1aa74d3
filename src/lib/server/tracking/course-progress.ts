// A learner's progress in a course, read from their tracking rows.
import type { Catalog } from '../courses/catalog';
import { moduleActivityIds } from '../courses/catalog';
import type { Course } from '../courses/loader';
import type { Db } from '../db/open';
import { courseProgress, type CourseProgress } from './progress';
import { getTrackingFor } from './service';

export function learnerCourseProgress(
	db: Db,
	catalog: Catalog,
	course: Course,
	userId: number
): CourseProgress {
	const idsOf = (module: Course['modules'][number]) => moduleActivityIds(catalog, course, module);
	const allIds = course.modules.flatMap(idsOf);
	return courseProgress(course, idsOf, getTrackingFor(db, userId, allIds));
}
