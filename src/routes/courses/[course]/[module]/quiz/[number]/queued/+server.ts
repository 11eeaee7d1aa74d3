// Answers and submissions the attempt page queued while offline ($lib/offline/outbox), each
// applied once ($lib/server/quiz/queued): JSON, with the form's fields as [name, value] pairs.
import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/server/i18n';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { formatBytes } from '$lib/server/http/body-limit';
import { readJson } from '$lib/server/http/form';
import { assertSameOrigin } from '$lib/server/http/same-origin';
import { requireOwnAttempt, requireQuiz } from '$lib/server/quiz/access';
import { MAX_ANSWERS_BYTES, readAnswers } from '$lib/server/quiz/form';
import { applyQueuedAnswers } from '$lib/server/quiz/queued';
import { requestSignIn } from '$lib/server/quiz/sign-in';
import { isOwnOperation, queuedFields } from '$lib/server/tracking/operations';
import type { RequestHandler } from './$types';

const schema = z.object({
	kind: z.enum(['save', 'submit']),
	device: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
	seq: z.number().int().positive(),
	fields: z.array(z.tuple([z.string().max(200), z.string().max(MAX_ANSWERS_BYTES)])).max(2000),
	...queuedFields
});

export const POST: RequestHandler = async ({ request, url, params, locals }) => {
	assertSameOrigin(request, url, locals.locale);
	if (!locals.user) error(401, translate(locals.locale, 'error.signInAgain'));
	if (Number(request.headers.get('content-length') ?? 0) > MAX_ANSWERS_BYTES) {
		// the same message as an answer sent online over the limit, naming the limit
		error(413, translate(locals.locale, 'quiz.tooLarge', { limit: formatBytes(MAX_ANSWERS_BYTES, locals.locale) }));
	}
	// typed text: read as the forms read it (NFC), so a post or answer is stored as if sent online
	const body = await readJson(request);
	if (body === null) error(400, translate(locals.locale, 'form.invalid'));
	const parsed = schema.safeParse(body);
	if (!parsed.success || !parsed.data.op) error(400, translate(locals.locale, 'form.invalid'));
	const queued = parsed.data;
	if (!isOwnOperation(locals.user.username, queued)) error(409, translate(locals.locale, 'error.otherLearner'));
	const db = getDb();
	const { activityId } = requireQuiz(db, getCatalog(), locals.user, params, locals.locale);
	const attempt = requireOwnAttempt(db, locals.user.id, activityId, params.number, locals.locale);
	const form = new FormData();
	for (const [name, value] of queued.fields) form.append(name, value);
	const answers = readAnswers(attempt.questions, form);
	if (answers.invalid || answers.errors.size) error(400, translate(locals.locale, 'quiz.invalidAnswer'));
	const now = Date.now();
	const result = applyQueuedAnswers(
		db,
		locals.user.id,
		attempt.id,
		{ op: queued.op!, kind: queued.kind, device: queued.device, seq: queued.seq, responses: answers.responses, takenAt: now - (queued.queuedForMs ?? 0), from: requestSignIn(locals) },
		now
	);
	return json(result);
};
