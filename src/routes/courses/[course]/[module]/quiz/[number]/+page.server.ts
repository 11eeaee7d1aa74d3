import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { inWriteTurn } from '$lib/server/db/write-turn';
import { attemptsLeft, listAttempts, requireOwnAttempt, requireQuiz } from '$lib/server/quiz/access';
import { closedByAt, isPastDeadline, saveResponses, savedFromElsewhere, savedResponses, submitAttempt } from '$lib/server/quiz/attempts';
import { requestSignIn } from '$lib/server/quiz/sign-in';
import { readAnswers } from '$lib/server/quiz/form';
import { reviewLevel } from '$lib/quiz/review-level';
import { buildReview } from '$lib/server/quiz/review';
import { lateAnswers } from '$lib/server/quiz/queued';
import { pageScripts } from '$lib/server/page-script';
import { toPublicQuestion } from '$lib/server/quiz/snapshot';
import { getTracking } from '$lib/server/tracking/service';
import { learnerQuizWindow, windowState } from '$lib/server/quiz/window';
import { bodySizeLimitText, readFormWithinLimit } from '$lib/server/http/body-limit';
import type { Locale } from '$lib/i18n';
import { htmlToText } from '$lib/server/markdown/render';
import type { PublicQuestion } from '$lib/server/quiz/types';
import type { QuestionToAnswer } from '$lib/quiz';
import { RenderedOnServer } from '$lib/rendered-on-server';
import { readForm } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

type Params = { course: string; module: string; number: string };

/** Matching and ordering items also as plain text, for the <option>s that list them. */
function withText(question: PublicQuestion): QuestionToAnswer {
	const text = (item: { id: string; html: string }) => ({ ...item, text: htmlToText(item.html) });
	return { ...question, lefts: question.lefts.map(text), rights: question.rights.map(text), steps: question.steps.map(text) };
}

function resolveAttempt(event: RequestEvent<Params>) {
	const user = requireUser(event);
	const db = getDb();
	const resolved = requireQuiz(db, getCatalog(), user, event.params, event.locals.locale);
	let attempt = requireOwnAttempt(db, user.id, resolved.activityId, event.params.number, event.locals.locale);
	if (attempt.status === 'open' && isPastDeadline(attempt, Date.now())) {
		// the server is the clock: an attempt past its deadline is graded on what was saved in time
		attempt = submitAttempt(db, attempt, new Map()).attempt;
	}
	return { user, db, ...resolved, attempt };
}

// An attempt is a document: a server-rendered form that works without JavaScript, and one small
// script of its own (src/lib/quiz/attempt-page.ts), without SvelteKit's client (see $lib/documents).
// When a thousand learners open an exam at once, no question is serialised for hydration.
export const csr = false;

export const load = ((event) => {
	const { user, db, course, module, quiz, activityId, attempt } = resolveAttempt(event);
	const base = {
		course: { slug: course.slug, title: course.title },
		module: { slug: module.slug, title: module.title },
		quizTitle: quiz.settings.title,
		attemptNumber: attempt.number,
		passPercent: attempt.passPercent,
		// whose outbox an untimed attempt answered offline uses
		learner: user.username,
		scriptSrc: pageScripts['quiz-attempt'].src
	};
	const responses = savedResponses(db, attempt.id, attempt.questions);
	// everything only the server renders with: this page sends no data to the browser
	if (attempt.status === 'open') {
		return {
			attempt: new RenderedOnServer({
				...base,
				mode: 'answer' as const,
				questions: attempt.questions.map((q) => withText(toPublicQuestion(q))),
				responses: Object.fromEntries(responses),
				// the last save came from another device: the answers shown are those that arrived last
				savedElsewhere: savedFromElsewhere(db, attempt.id, requestSignIn(event.locals)),
				deadlineAt: attempt.deadlineAt,
				serverNow: Date.now()
			})
		};
	}
	const attempts = listAttempts(db, user.id, activityId);
	const left = attemptsLeft(quiz.settings.maxAttempts, attempts);
	const passed = getTracking(db, user.id, activityId)?.successStatus === 'passed';
	const closed = windowState(learnerQuizWindow(db, user.id, course.slug, module.slug), Date.now()) === 'closed';
	const level = reviewLevel(quiz.settings.review, { attemptsLeft: left, passed, closed });
	return {
		attempt: new RenderedOnServer({
			...base,
			mode: 'review' as const,
			result: {
				score: attempt.score ?? 0,
				maxScore: attempt.maxScore ?? 0,
				percent: attempt.percent ?? 0,
				passed: attempt.passed ?? false,
				closedBy: attempt.closedBy,
				submittedAt: attempt.submittedAt
			},
			review: buildReview(attempt, responses, level),
			attemptsLeft: left,
			// answers written offline that arrived after the attempt closed: kept for the trainer
			lateAnswers: lateAnswers(db, [attempt.id]).length
		})
	};
}) satisfies PageServerLoad;

/** A form the server stopped reading at its body limit: the attempt page again, still open, with
 * what autosave kept and the limit stated (no real answer comes near it; a forged one does). */
function sentTooLarge(locale: Locale) {
	return fail(413, { message: 'quiz.sentTooLarge' as const, limit: bodySizeLimitText(locale) });
}

export const actions = {
	// without JavaScript: keep the answers so far, carry on later
	save: async (event) => {
		const { db, attempt } = resolveAttempt(event);
		if (attempt.status !== 'open') return fail(409, { message: 'quiz.closed' as const });
		const form = await readFormWithinLimit(event.request);
		if (!form) return sentTooLarge(event.locals.locale);
		const answers = readAnswers(attempt.questions, form);
		if (answers.invalid) return fail(400, { message: 'quiz.invalidAnswer' as const });
		if (answers.errors.size) return fail(400, { questionErrors: Object.fromEntries(answers.errors) });
		const saved = await inWriteTurn(db, () => saveResponses(db, attempt.id, answers.responses, Date.now(), requestSignIn(event.locals)));
		if (!saved.ok) return fail(409, { message: saved.reason === 'expired' ? ('quiz.expired' as const) : ('quiz.closed' as const) });
		return { saved: true };
	},
	submit: async (event) => {
		const { db, course, module, attempt } = resolveAttempt(event);
		const url = `/courses/${course.slug}/${module.slug}/quiz/${attempt.number}`;
		// a second click, a retry, another tab: the attempt is already graded, show it
		if (attempt.status !== 'open') {
			if (attempt.closedBy === 'deadline') return fail(409, { message: 'quiz.expired' as const });
			redirect(303, url);
		}
		const form = await readFormWithinLimit(event.request);
		if (!form) return sentTooLarge(event.locals.locale);
		const answers = readAnswers(attempt.questions, form);
		if (answers.invalid) return fail(400, { message: 'quiz.invalidAnswer' as const });
		if (answers.errors.size) return fail(400, { questionErrors: Object.fromEntries(answers.errors) });
		// the countdown submits by itself when time is up; the server checks the time is really up
		const now = Date.now();
		const result = await inWriteTurn(db, () => submitAttempt(db, attempt, answers.responses, now, closedByAt(attempt, form.get('timeUp') === '1', now)));
		if (!result.ok) return fail(409, { message: 'quiz.expired' as const });
		redirect(303, url);
	}
} satisfies Actions;
