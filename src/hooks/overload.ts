// Past the limits of src/lib/server/http/limiter.ts a request is answered 503 with Retry-After
// at once, instead of joining a pile-up; /healthz is exempt so monitoring sees the database, not the load.
import type { Handle } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { createLimiter, type Limiter } from '$lib/server/http/limiter';
import { unavailableResponse } from '$lib/server/http/unavailable';

/** Seconds a turned-away client is asked to wait: long enough for a burst to drain. */
export const OVERLOAD_RETRY_AFTER_SECONDS = 5;

let limiter: Limiter | undefined;

export const handleOverload: Handle = async ({ event, resolve }) => {
	if (event.url.pathname === '/healthz') return resolve(event);
	limiter ??= createLimiter(config.requestLimits);
	if (!(await limiter.acquire())) {
		return unavailableResponse(event.request, event.locals.locale, 'error.overloaded', OVERLOAD_RETRY_AFTER_SECONDS);
	}
	try {
		return await resolve(event);
	} finally {
		limiter.release();
	}
};
