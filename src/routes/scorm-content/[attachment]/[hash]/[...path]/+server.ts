// The files of a SCORM package, for the people who may open its course. Served from this site
// (a SCO finds the player's API through window.parent, which only works on the same origin);
// the hash in the address changes with every new version, so files can be cached for good.
import { error } from '@sveltejs/kit';
import { join, normalize, sep } from 'node:path';
import { translate } from '$lib/server/i18n';
import { requireUser } from '$lib/server/auth/guard';
import { config } from '$lib/server/config';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { fileResponse } from '$lib/server/http/file-response';
import { requireAttachment } from '$lib/server/scorm/access';
import { CONTENT_SECURITY_POLICY } from '$lib/server/scorm/content-policy';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const { locale } = event.locals;
	const { attachment } = requireAttachment(getDb(), getCatalog(), user, event.params.attachment, locale);
	// an old version's address: the learner's page is stale, the file may be gone
	if (event.params.hash !== attachment.package.hash) error(404, translate(locale, 'error.notFound'));
	const root = join(config.scormDir, attachment.package.hash);
	const file = normalize(join(root, event.params.path));
	if (!file.startsWith(root + sep)) error(404, translate(locale, 'error.notFound'));
	const response = await fileResponse(event.request, file, {
		cacheControl: 'private, max-age=31536000, immutable',
		headers: { 'content-security-policy': CONTENT_SECURITY_POLICY }
	});
	if (!response) error(404, translate(locale, 'error.notFound'));
	return response;
};
