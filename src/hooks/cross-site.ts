// Refuses a form posted from another site, as SvelteKit's own origin check does (turned off in
// svelte.config.js only so that this one answers instead): SvelteKit's refusal is a line of
// English text, where a person needs to be told in their language what happened and what to do.
// The usual real cause is the platform opened at another address than ORIGIN (an IP address,
// an old bookmark), so the message names the right one.
import { error, type Handle } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// the types a plain HTML form can send, which is what a cross-site attack can forge
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export function isCrossSiteForm(request: Request, url: URL): boolean {
	if (!UNSAFE_METHODS.has(request.method)) return false;
	const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
	if (!FORM_TYPES.includes(type)) return false;
	return request.headers.get('origin') !== url.origin;
}

export const handleCrossSite: Handle = ({ event, resolve }) => {
	if (isCrossSiteForm(event.request, event.url)) error(403, translate(event.locals.locale, 'error.crossSiteForm', { origin: event.url.origin }));
	return resolve(event);
};
