// No answer leaves before the writes committed so far are on disk ($lib/server/db/durable.ts):
// an acknowledged save survives a power cut, and no page shows someone else's write that might
// not. An answer that wrote nothing waits only while a write made meanwhile is being synced.
import type { Handle } from '@sveltejs/kit';
import { writesOnDisk } from '$lib/server/db';
import { STORAGE_RETRY_AFTER_SECONDS } from '$lib/server/db/errors';
import { unavailableResponse } from '$lib/server/http/unavailable';

export const handleDurability: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	try {
		await writesOnDisk();
	} catch (error) {
		// the disk would not say the log is safe: what was written may not survive a power cut
		console.error(`[taphuan] syncing the database log failed on ${event.request.method} ${event.url.pathname}: ${(error as Error).message}`);
		return unavailableResponse(event.request, event.locals.locale, 'error.storage', STORAGE_RETRY_AFTER_SECONDS);
	}
	return response;
};
