import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import { canManageLearner, getCohortLearner } from '$lib/server/cohorts/service';
import { findCourse } from '$lib/server/courses/catalog';
import { getCatalog } from '$lib/server/courses/current';
import { getAttempt, savedResponses } from '$lib/server/quiz/attempts';
import { buildReview } from '$lib/server/quiz/review';
import { lateAnswers } from '$lib/server/quiz/queued';
import { activityRecords, attemptLines, interactionLines, postLines } from '$lib/server/reports/learner-detail';
import { listLearnerSessions } from '$lib/server/sessions/service';
import { vietnamDateTime } from '$lib/server/sessions/time';
import { evaluateCourse } from '$lib/server/tracking/completion';
import { toChecklist } from '$lib/server/tracking/completion-rule';
import { resetPassword, setUserDisabled } from '$lib/server/users/service';
import { readForm } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

/** The cohort (trainer's own, else 403) and a learner in it (else 404). */
function requireLearner(event: RequestEvent<{ id: string; learner: string }>) {
	const managed = requireManagedCohort(event);
	const id = Number(event.params.learner);
	const learner = Number.isInteger(id) ? getCohortLearner(managed.db, managed.cohort.id, id) : null;
	if (!learner || !canManageLearner(managed.db, managed.user, learner.id)) {
		error(404, translate(event.locals.locale, 'error.notFound'));
	}
	return { ...managed, learner };
}

export const load = ((event) => {
	const { db, cohort, learner } = requireLearner(event);
	const catalog = getCatalog();
	const courses = cohort.courseIds.flatMap((id) => findCourse(catalog, id) ?? []);
	const records = courses.map((course) => ({
		slug: course.slug,
		title: course.title,
		activities: activityRecords(db, catalog, course, learner.id),
		checklist: toChecklist(evaluateCourse(db, catalog, course, learner.id), course),
		sessions: listLearnerSessions(db, learner.id, course.slug).map((s) => ({
			id: s.id,
			title: s.title,
			date: vietnamDateTime(s.startsAt).date,
			attendedAt: s.attendedAt
		}))
	}));
	const attempts = attemptLines(db, learner.id, records.flatMap((c) => c.activities));
	const interactions = interactionLines(db, learner.id, records.flatMap((c) => c.activities));
	// one attempt's answers at a time, chosen in the address: the page stays light
	const chosen = Number(event.url.searchParams.get('attempt'));
	const shown = attempts.find((a) => a.id === chosen && a.status === 'submitted');
	const attempt = shown ? getAttempt(db, shown.id) : null;
	// answers written offline that arrived after their attempt closed: listed, one shown at a time
	const late = lateAnswers(db, attempts.map((a) => a.id));
	const lateShown = late.find((l) => l.id === Number(event.url.searchParams.get('late')));
	const lateAttempt = lateShown ? getAttempt(db, lateShown.attemptId) : null;
	return {
		cohort: { id: cohort.id, name: cohort.name },
		learner,
		records,
		interactions,
		attempts,
		review: attempt && shown ? { attempt: shown, ...buildReview(attempt, savedResponses(db, attempt.id, attempt.questions), 'explanations') } : null,
		late: late.map((l) => ({ id: l.id, attemptId: l.attemptId, takenAt: l.takenAt, receivedAt: l.receivedAt })),
		lateReview:
			lateShown && lateAttempt
				? { id: lateShown.id, attempt: attempts.find((a) => a.id === lateShown.attemptId)!, ...buildReview(lateAttempt, lateShown.responses, 'explanations') }
				: null,
		posts: postLines(db, learner.id, cohort.id, cohort.courseIds)
	};
}) satisfies PageServerLoad;

export const actions = {
	resetPassword: async (event) => {
		const { db, learner } = requireLearner(event);
		const temporaryPassword = await resetPassword(db, learner.id);
		return { temporaryPassword };
	},
	setDisabled: async (event) => {
		const { db, learner } = requireLearner(event);
		const form = await readForm(event.request);
		const disabled = form.get('disabled');
		if (disabled !== '1' && disabled !== '0') return fail(400, { message: 'form.invalid' as const });
		setUserDisabled(db, learner.id, disabled === '1');
		return { disabledChanged: disabled === '1' ? ('disabled' as const) : ('enabled' as const) };
	}
} satisfies Actions;
