// Autosave: the answers to one or a few questions, sent as they change.
// A form post (SvelteKit checks its origin), answered in JSON.
import { json } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';
import { requireUser } from '$lib/server/auth/guard';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { inWriteTurn } from '$lib/server/db/write-turn';
import { requireOwnAttemptState, requireQuiz } from '$lib/server/quiz/access';
import { getAttemptQuestions, saveResponses } from '$lib/server/quiz/attempts';
import { MAX_ANSWERS_BYTES, questionsNamedIn, readAnswers } from '$lib/server/quiz/form';
import { requestSignIn } from '$lib/server/quiz/sign-in';
import { readForm } from '$lib/server/http/form';
import { formatBytes } from '$lib/server/http/body-limit';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const { locale } = event.locals;
	if (!event.locals.user) return json({ message: translate(locale, 'error.signInAgain') }, { status: 401 });
	const user = requireUser(event);
	if (Number(event.request.headers.get('content-length') ?? 0) > MAX_ANSWERS_BYTES) {
		return json({ message: translate(locale, 'quiz.tooLarge', { limit: formatBytes(MAX_ANSWERS_BYTES, locale) }) }, { status: 413 });
	}
	const db = getDb();
	const { activityId } = requireQuiz(db, getCatalog(), user, event.params, locale);
	const attempt = requireOwnAttemptState(db, user.id, activityId, event.params.number, locale);
	if (attempt.status !== 'open') {
		return json({ message: translate(locale, 'quiz.closed'), closed: true }, { status: 409 });
	}
	let form: FormData;
	try {
		form = await readForm(event.request);
	} catch {
		return json({ message: translate(locale, 'quiz.invalidAnswer') }, { status: 400 });
	}
	// only the questions the form names: an autosave carries one, the snapshot holds them all
	const answers = readAnswers(getAttemptQuestions(db, attempt.id, questionsNamedIn(form)), form);
	if (answers.invalid) return json({ message: translate(locale, 'quiz.invalidAnswer') }, { status: 400 });
	if (answers.errors.size) {
		const [questionId, key] = [...answers.errors][0]!;
		return json({ message: translate(locale, key), questionId }, { status: 422 });
	}
	const saved = await inWriteTurn(db, () => saveResponses(db, attempt.id, answers.responses, Date.now(), requestSignIn(event.locals)));
	if (!saved.ok) {
		const key = saved.reason === 'expired' ? 'quiz.expired' : 'quiz.closed';
		return json({ message: translate(locale, key), closed: true }, { status: 409 });
	}
	// otherSignIn: the save before came from another device; the page says the last answer wins
	return json({ savedAt: saved.savedAt, otherSignIn: saved.otherSignIn });
};
