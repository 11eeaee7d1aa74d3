// A write the database refused for a reason outside the app (a read-only or full disk, an I/O
// error, a lock held too long by another process) answers 503 with Retry-After instead of 500:
// nothing was half-written (each write is one transaction), the user may try again later, and
// pages that only read keep working. handleError (hooks.server.ts) marks the request.
import type { Handle } from '@sveltejs/kit';
import { STORAGE_RETRY_AFTER_SECONDS, storageTrouble } from '$lib/server/db/errors';
import { unavailableResponse } from '$lib/server/http/unavailable';

export const handleStorageErrors: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		// thrown by a later hook, before any page could render its error
		const trouble = storageTrouble(error);
		if (!trouble) throw error;
		console.error(`[taphuan] database refused a write on ${event.request.method} ${event.url.pathname}: ${(error as Error).message}`);
		const message = trouble === 'busy' ? 'error.busy' : 'error.storage';
		return unavailableResponse(event.request, event.locals.locale, message, STORAGE_RETRY_AFTER_SECONDS);
	}
	if (!event.locals.storageTrouble || response.status < 500) return response;
	const headers = new Headers(response.headers);
	headers.set('retry-after', String(STORAGE_RETRY_AFTER_SECONDS));
	return new Response(response.body, { status: 503, statusText: 'Service Unavailable', headers });
};
