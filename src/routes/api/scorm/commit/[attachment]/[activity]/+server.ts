// Where a SCO's session arrives: its launch when the player delivers it, synchronous XHR commits
// while it runs, the last commit (or the player's exit, for a SCO that never called the API) by
// fetch with keepalive as the learner leaves. The body is read as text whatever its content type
// (an older player sent the last commit by beacon, as text/plain). The answer is the one
// scorm-again expects.
import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/server/i18n';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { assertSameOrigin } from '$lib/server/http/same-origin';
import { findScoByActivity, requireAttachment } from '$lib/server/scorm/access';
import { CmiError } from '$lib/server/scorm/runtime/cmi';
import { readReport, recordCommit, SessionMismatch } from '$lib/server/scorm/runtime/commit';
import { endForLearner, sequencedPackage, type NavigationAnswer } from '$lib/server/scorm/sequencing/navigation';
import { scoSharedData, STORE_MAX_CHARS } from '$lib/server/scorm/sequencing/shared-data';
import type { RequestHandler } from './$types';

/** suspend data (64,000 characters, some of them 3 bytes in UTF-8) plus interactions */
const MAX_BODY_CHARS = 900_000;

const envelope = z.object({
	session: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
	kind: z.enum(['launch', 'commit', 'exit']),
	sequence: z.number().int().min(0).max(1_000_000_000),
	terminate: z.boolean(),
	cmi: z.unknown(),
	visibleMs: z.number().int().min(0).max(1_000_000_000_000).nullish(),
	/** SCORM 2004, with the session's end: the navigation request that ended it (the SCO's
	 * adl.nav.request, or the learner's button in the player), run by the sequencing engine here */
	navRequest: z.string().max(4_000).nullish(),
	/** SCORM 2004 4th Edition: the adl.data buckets the SCO wrote, by targetID (scorm-again's
	 * sharedData); the server stores only those the SCO's item may write */
	sharedData: z.record(z.string().max(4_000), z.string().max(STORE_MAX_CHARS)).nullish()
});

export const POST: RequestHandler = async ({ request, url, locals, params }) => {
	assertSameOrigin(request, url, locals.locale);
	if (!locals.user) error(401, translate(locals.locale, 'error.signInAgain'));
	const db = getDb();
	const { attachment } = requireAttachment(db, getCatalog(), locals.user, params.attachment, locals.locale);
	const sco = /^\d{1,12}$/.test(params.activity) ? findScoByActivity(attachment, Number(params.activity)) : undefined;
	if (!sco) error(404, translate(locals.locale, 'error.notFound'));
	const failure = (status: number, key: 'scorm.commitInvalid' | 'scorm.commitSession', field?: string) =>
		json(
			{
				result: 'false',
				errorCode: attachment.package.version === '1.2' ? 101 : 391,
				errorMessage: translate(locals.locale, key, { field: field ?? '' })
			},
			{ status }
		);

	const text = await request.text();
	if (text.length > MAX_BODY_CHARS) return failure(413, 'scorm.commitInvalid', 'body');
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return failure(400, 'scorm.commitInvalid', 'JSON');
	}
	const parsed = envelope.safeParse(body);
	if (!parsed.success) return failure(400, 'scorm.commitInvalid', parsed.error.issues[0]?.path.join('.') || 'body');
	const pkg = sequencedPackage(db, attachment);
	let stored;
	try {
		stored = recordCommit(
			db,
			{
				activityId: sco.activityId,
				packageId: attachment.package.id,
				version: attachment.package.version,
				scormType: sco.scormType,
				rules: sco.rules,
				deliveryControls: sco.deliveryControls,
				siblings: new Map(attachment.scos.map((other) => [other.activityId, other.deliveryControls])),
				sharedData: pkg && scoSharedData(pkg, sco.identifier)
			},
			{ userId: locals.user.id, ...parsed.data }
		);
	} catch (err) {
		if (err instanceof CmiError) return failure(400, 'scorm.commitInvalid', err.field);
		if (err instanceof SessionMismatch) return failure(409, 'scorm.commitSession');
		throw err;
	}
	// The session's end: the engine ends the attempt with this last report and, when the end came with
	// a navigation request, answers what the player delivers next (only once: a repeated end is 'stale').
	let sequencing: NavigationAnswer | null = null;
	const { kind, terminate, navRequest, cmi } = parsed.data;
	if (pkg && stored === 'stored' && (kind === 'exit' || terminate)) {
		const report = kind === 'commit' ? readReport('2004', cmi, { ...sco.rules, credit: true }, true) : null;
		sequencing = endForLearner(db, locals.user.id, attachment, pkg, sco.identifier, report, navRequest ?? null);
	}
	return json({ result: 'true', errorCode: 0, sequencing });
};
