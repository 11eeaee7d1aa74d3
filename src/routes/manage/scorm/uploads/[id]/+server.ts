// One chunk of an upload, appended at ?offset=N; DELETE abandons the upload.
import { json } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';
import { requireRole } from '$lib/server/auth/guard';
import { config } from '$lib/server/config';
import { assertSameOrigin } from '$lib/server/http/same-origin';
import { appendChunk, discardUpload, uploadsDir } from '$lib/server/scorm/uploads';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = async (event) => {
	assertSameOrigin(event.request, event.url, event.locals.locale);
	const user = requireRole(event, 'trainer', 'admin');
	const offset = Number(event.url.searchParams.get('offset'));
	if (!Number.isSafeInteger(offset) || offset < 0) return json({ message: translate(event.locals.locale, 'form.invalid') }, { status: 400 });
	const bytes = new Uint8Array(await event.request.arrayBuffer());
	const result = await appendChunk(uploadsDir(config.scormDir), event.params.id, user.id, offset, bytes);
	if (!result.ok) {
		return json({ message: translate(event.locals.locale, result.problem.key, result.problem.params), received: result.received }, { status: result.status });
	}
	return json({ received: result.received });
};

export const DELETE: RequestHandler = async (event) => {
	assertSameOrigin(event.request, event.url, event.locals.locale);
	requireRole(event, 'trainer', 'admin');
	await discardUpload(uploadsDir(config.scormDir), event.params.id);
	return new Response(null, { status: 204 });
};
