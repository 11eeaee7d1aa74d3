import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { inWriteTurn } from '$lib/server/db/write-turn';
import { attemptsLeft, listAttempts, requireQuiz } from '$lib/server/quiz/access';
import { startAttempt } from '$lib/server/quiz/attempts';
import { getTracking } from '$lib/server/tracking/service';
import { learnerQuizWindow, windowState } from '$lib/server/quiz/window';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireUser(event);
	const db = getDb();
	const { course, module, quiz, activityId } = requireQuiz(db, getCatalog(), user, event.params, event.locals.locale);
	const attempts = listAttempts(db, user.id, activityId);
	const tracking = getTracking(db, user.id, activityId);
	const window = learnerQuizWindow(db, user.id, course.slug, module.slug);
	return {
		course: { slug: course.slug, title: course.title },
		module: { slug: module.slug, title: module.title, number: module.number },
		quiz: {
			title: quiz.settings.title,
			// rendered and sanitised by the course loader
			introHtml: quiz.introHtml,
			passPercent: quiz.settings.passPercent,
			maxAttempts: quiz.settings.maxAttempts,
			timeLimitMinutes: quiz.settings.timeLimitMinutes,
			grading: quiz.settings.grading,
			questionCount: quiz.settings.questionsPerAttempt ?? quiz.questions.length
		},
		attempts,
		attemptsLeft: attemptsLeft(quiz.settings.maxAttempts, attempts),
		open: attempts.find((a) => a.status === 'open') ?? null,
		kept: tracking?.scoreRaw ?? null,
		passed: tracking?.successStatus === 'passed',
		window: { ...window, state: windowState(window, Date.now()) }
	};
}) satisfies PageServerLoad;

export const actions = {
	start: async (event) => {
		const user = requireUser(event);
		const db = getDb();
		const { course, module, quiz, activityId } = requireQuiz(db, getCatalog(), user, event.params, event.locals.locale);
		const window = learnerQuizWindow(db, user.id, course.slug, module.slug);
		const result = await inWriteTurn(db, () => startAttempt(db, user.id, activityId, quiz, Date.now(), Math.random, window));
		if (!result.ok) {
			const message = ({ noAttemptsLeft: 'quiz.noAttemptsLeft', notYetOpen: 'quiz.notYetOpen', closed: 'quiz.windowIsClosed' } as const)[result.reason];
			return fail(result.reason === 'noAttemptsLeft' ? 409 : 403, { message });
		}
		redirect(303, `/courses/${course.slug}/${module.slug}/quiz/${result.attempt.number}`);
	}
} satisfies Actions;
