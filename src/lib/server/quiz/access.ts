// Resolves the quiz a route points at, for a learner who may open its course, and their attempts.
import { error } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n';
import { translate } from '$lib/server/i18n';
import { requireCourse, requireModule } from '../courses/access';
import { quizActivityId, type Catalog } from '../courses/catalog';
import type { Db } from '../db/open';
import type { User } from '../users/service';
import { getAttempt, listAttempts, type Attempt, type AttemptSummary } from './attempts';

export function requireQuiz(
	db: Db,
	catalog: Catalog,
	user: User,
	params: { course: string; module: string },
	locale: Locale
) {
	const course = requireCourse(db, catalog, user, params.course, locale);
	const module = requireModule(course, params.module, locale);
	const activityId = quizActivityId(catalog, course, module);
	if (!module.quiz || activityId === undefined) error(404, translate(locale, 'error.notFound'));
	return { course, module, quiz: module.quiz, activityId };
}

/**
 * A learner's own attempt by its number, without its question snapshot: its id and whether it is
 * still open. Another learner's attempt cannot even be named.
 */
export function requireOwnAttemptState(
	db: Db,
	userId: number,
	activityId: number,
	number: string,
	locale: Locale
): { id: number; status: Attempt['status'] } {
	const n = Number(number);
	const row = Number.isInteger(n)
		? (db
				.prepare('SELECT id, status FROM quiz_attempt WHERE user_id = ? AND activity_id = ? AND number = ?')
				.get(userId, activityId, n) as { id: number; status: Attempt['status'] } | undefined)
		: undefined;
	if (!row) error(404, translate(locale, 'quiz.noSuchAttempt'));
	return row;
}

/** A learner's own attempt by its number, snapshot included. */
export function requireOwnAttempt(
	db: Db,
	userId: number,
	activityId: number,
	number: string,
	locale: Locale
): Attempt {
	return getAttempt(db, requireOwnAttemptState(db, userId, activityId, number, locale).id)!;
}

/** Attempts left: null when unlimited. */
export function attemptsLeft(maxAttempts: number | null, attempts: AttemptSummary[]): number | null {
	return maxAttempts === null ? null : Math.max(0, maxAttempts - attempts.length);
}

export { listAttempts };
