// Start-up (migrations, course catalogue) and the request pipeline.
import { sequence } from '@sveltejs/kit/hooks';
import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { reloadCatalog } from '$lib/server/courses/current';
import { formatLoadError } from '$lib/server/courses/format';
import { translate } from '$lib/server/i18n';
import { closeExpiredAttempts } from '$lib/server/quiz/attempts';
import { handleCompression } from './hooks/compression';
import { handleLocale } from './hooks/locale';
import { handlePasswordChange } from './hooks/password-change';
import { handleSecurityHeaders } from './hooks/security-headers';
import { handleSession } from './hooks/session';

/** How often timed quiz attempts past their deadline are closed and graded. */
const EXPIRED_ATTEMPT_SWEEP_MS = 30_000;

export const init: ServerInit = () => {
	const db = getDb();
	const catalog = reloadCatalog();
	console.log(`[taphuan] ${catalog.courses.length} course(s) loaded`);
	for (const error of catalog.errors) console.error(`[taphuan] ${formatLoadError(error, 'vi')}`);
	// A learner who closes the page during a timed quiz still gets graded when time is up.
	closeExpiredAttempts(db);
	setInterval(() => {
		try {
			closeExpiredAttempts(db);
		} catch (error) {
			console.error('[taphuan] closing expired quiz attempts failed', error);
		}
	}, EXPIRED_ATTEMPT_SWEEP_MS).unref();
};

export const handle = sequence(
	handleCompression,
	handleSecurityHeaders,
	handleLocale,
	handleSession,
	handlePasswordChange
);

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: translate(event.locals.locale ?? 'vi', 'error.notFound') };
	const errorId = crypto.randomUUID().slice(0, 8);
	console.error(`[taphuan] error ${errorId} on ${event.request.method} ${event.url.pathname}`, error);
	return { message: translate(event.locals.locale ?? 'vi', 'error.unexpected'), errorId };
};
