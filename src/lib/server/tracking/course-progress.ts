// A learner's progress in a course, read from their tracking rows.
import { moduleActivities, type Catalog } from '../courses/catalog';
import type { Course, Module } from '../courses/loader';
import type { Db } from '../db/open';
import { courseProgress, type CourseProgress } from './progress';
import { getTrackingFor } from './service';

export function learnerCourseProgress(
	db: Db,
	catalog: Catalog,
	course: Course,
	userId: number
): CourseProgress {
	const activitiesOf = (module: Module) => moduleActivities(catalog, course, module);
	const ids = course.modules.flatMap(activitiesOf).map((a) => a.id);
	return courseProgress(course, activitiesOf, getTrackingFor(db, userId, ids));
}
