// A learner's navigation request in a SCORM 2004 package (the player's Continue and Previous, a
// choice in the contents) made after the SCO on screen ended itself: the server's sequencing
// engine runs it and answers what to deliver next, or that the course has ended.
import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/server/i18n';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { readJson } from '$lib/server/http/form';
import { assertSameOrigin } from '$lib/server/http/same-origin';
import { requireAttachment } from '$lib/server/scorm/access';
import { navigateForLearner, sequencedPackage } from '$lib/server/scorm/sequencing/navigation';
import type { RequestHandler } from './$types';

const body = z.object({ request: z.string().min(1).max(4_000), from: z.string().max(4_000).nullish() });

export const POST: RequestHandler = async ({ request, url, locals, params }) => {
	assertSameOrigin(request, url, locals.locale);
	if (!locals.user) error(401, translate(locals.locale, 'error.signInAgain'));
	const db = getDb();
	const { attachment } = requireAttachment(db, getCatalog(), locals.user, params.attachment, locals.locale);
	const pkg = sequencedPackage(db, attachment);
	if (!pkg) error(404, translate(locals.locale, 'error.notFound'));
	const parsed = body.safeParse(await readJson(request));
	if (!parsed.success) error(400, translate(locals.locale, 'scorm.commitInvalid', { field: parsed.error.issues[0]?.path.join('.') || 'body' }));
	return json(navigateForLearner(db, locals.user.id, attachment, pkg, parsed.data.request, parsed.data.from ?? null));
};
