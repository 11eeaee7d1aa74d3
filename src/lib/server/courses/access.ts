// Who may open a course: members of a cohort that studies it, and admins.
import { error } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';
import { courseIdsForUser } from '../cohorts/service';
import type { Db } from '../db/open';
import type { User } from '../users/service';
import { findCourse, findModule, type Catalog } from './catalog';
import type { Course, Module } from './loader';

export function requireCourse(
	db: Db,
	catalog: Catalog,
	user: User,
	slug: string,
	locale: App.Locals['locale']
): Course {
	const course = findCourse(catalog, slug);
	if (!course) error(404, translate(locale, 'error.notFound'));
	if (!courseIdsForUser(db, user).includes(course.slug)) {
		error(403, translate(locale, 'course.notEnrolled'));
	}
	return course;
}

export function requireModule(course: Course, slug: string, locale: App.Locals['locale']): Module {
	const module = findModule(course, slug);
	if (!module) error(404, translate(locale, 'error.notFound'));
	return module;
}
