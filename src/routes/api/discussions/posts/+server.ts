// Discussion posts and replies the browser queued while offline ($lib/offline/outbox), each
// applied once ($lib/server/discussions/queued). Answers { posted: address } or { returned: reason }
// (the browser gives the text back to its author as a draft with the reason).
import { error, json } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';
import { requireCourse } from '$lib/server/courses/access';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { discussionScope } from '$lib/server/discussions/access';
import { applyQueuedPost, PostingWait, queuedPostSchema } from '$lib/server/discussions/queued';
import { readJson } from '$lib/server/http/form';
import { assertSameOrigin } from '$lib/server/http/same-origin';
import { isOwnOperation } from '$lib/server/tracking/operations';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, url, locals }) => {
	assertSameOrigin(request, url, locals.locale);
	if (!locals.user) error(401, translate(locals.locale, 'error.signInAgain'));
	// typed text: read as the forms read it (NFC), so a post or answer is stored as if sent online
	const body = await readJson(request);
	if (body === null) error(400, translate(locals.locale, 'form.invalid'));
	const parsed = queuedPostSchema.safeParse(body);
	const post = parsed.data;
	// only queued posts come here: a post sent online is a form
	if (!post?.op) error(400, translate(locals.locale, 'form.invalid'));
	if (!isOwnOperation(locals.user.username, post)) error(409, translate(locals.locale, 'error.otherLearner'));
	const db = getDb();
	const course = requireCourse(db, getCatalog(), locals.user, post.course, locals.locale);
	try {
		const result = applyQueuedPost(db, locals.user, course, discussionScope(db, locals.user, course.slug), { ...post, op: post.op });
		return json('returned' in result ? { returned: translate(locals.locale, result.returned) } : result);
	} catch (failure) {
		if (!(failure instanceof PostingWait)) throw failure;
		return json({ message: translate(locals.locale, 'discussion.slowDown', { seconds: Math.ceil(failure.ms / 1000) }) }, {
			status: 429,
			headers: { 'retry-after': String(Math.ceil(failure.ms / 1000)) }
		});
	}
};
