// The trainer pages' gate: the cohort in the address exists (404) and the signed-in trainer
// teaches it, or is an admin (403). Checked on the server for every page, export and action.
import { error, type RequestEvent } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';
import { forbiddenMessage, requireRole } from '../auth/guard';
import { findCourse, findModule, quizActivityId } from '../courses/catalog';
import { getCatalog } from '../courses/current';
import { getDb } from '../db';
import { canManageCohort, getCohort } from './service';

export function requireManagedCohort(event: RequestEvent<{ id: string }>) {
	const user = requireRole(event, 'trainer', 'admin');
	const db = getDb();
	const id = Number(event.params.id);
	const cohort = Number.isInteger(id) ? getCohort(db, id) : null;
	if (!cohort) error(404, translate(event.locals.locale, 'error.notFound'));
	if (!canManageCohort(db, user, cohort.id)) error(403, forbiddenMessage(event.locals));
	return { user, db, cohort };
}

/** A cohort the trainer manages and one of the courses it studies (404 for any other course). */
export function requireManagedCohortCourse(event: RequestEvent<{ id: string; course: string }>) {
	const managed = requireManagedCohort(event);
	const catalog = getCatalog();
	const course = managed.cohort.courseIds.includes(event.params.course) ? findCourse(catalog, event.params.course) : undefined;
	if (!course) error(404, translate(event.locals.locale, 'error.notFound'));
	return { ...managed, catalog, course };
}

/** …and one of that course's modules that has a quiz (404 otherwise). */
export function requireManagedQuiz(event: RequestEvent<{ id: string; course: string; module: string }>) {
	const managed = requireManagedCohortCourse(event);
	const module = findModule(managed.course, event.params.module);
	const quizId = module?.quiz ? quizActivityId(managed.catalog, managed.course, module) : undefined;
	if (!module?.quiz || quizId === undefined) error(404, translate(event.locals.locale, 'error.notFound'));
	return { ...managed, module, quiz: module.quiz, quizId };
}
