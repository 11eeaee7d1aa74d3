// Serves the document pages' scripts (see $lib/server/page-script): /lesson-tracker.js,
// /quiz-attempt.js, /discussions.js, /offline.js.
import { error } from '@sveltejs/kit';
import { findPageScript, serveScript } from '$lib/server/page-script';
import { translate } from '$lib/server/i18n';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url, request, locals }) => {
	const script = findPageScript(params.script);
	if (!script) error(404, translate(locals.locale, 'error.notFound'));
	return serveScript(script, url, request);
};
