// Start-up (migrations, course catalogue) and the request pipeline.
import { sequence } from '@sveltejs/kit/hooks';
import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { storageTrouble } from '$lib/server/db/errors';
import { getCatalog } from '$lib/server/courses/current';
import { issueCertificatesOnCompletion } from '$lib/server/certificates/listener';
import { config } from '$lib/server/config';
import { placeDeclaredPackages } from '$lib/server/scorm/declared';
import { refreshStoredPackages } from '$lib/server/scorm/refresh';
import { formatLoadError } from '$lib/server/courses/format';
import { translate } from '$lib/server/i18n';
import { clientErrorMessage, isClientError } from '$lib/server/http/client-error';
import { closeExpiredAttempts } from '$lib/server/quiz/attempts';
import { pruneAppliedOperations } from '$lib/server/tracking/operations';
import { handleCompression } from './hooks/compression';
import { handleCrossSite } from './hooks/cross-site';
import { handleDurability } from './hooks/durability';
import { handleLocale } from './hooks/locale';
import { handleOverload } from './hooks/overload';
import { handlePasswordChange } from './hooks/password-change';
import { handleSecurityHeaders } from './hooks/security-headers';
import { handleSession } from './hooks/session';
import { handleStorageErrors } from './hooks/storage-errors';

/** How often timed quiz attempts past their deadline are closed and graded. */
const EXPIRED_ATTEMPT_SWEEP_MS = 30_000;

export const init: ServerInit = async () => {
	// before the catalog loads: its backfill of missed milestones issues their certificates too
	issueCertificatesOnCompletion();
	const db = getDb();
	// before the catalog caches the attachments with their manifests
	try {
		const refreshed = await refreshStoredPackages(db, config.scormDir);
		if (refreshed > 0) console.log(`[taphuan] ${refreshed} SCORM package(s) read again`);
	} catch (error) {
		console.error('[taphuan] reading stored SCORM packages again failed', error);
	}
	const catalog = getCatalog();
	console.log(`[taphuan] ${catalog.courses.length} course(s) loaded`);
	for (const error of catalog.errors) console.error(`[taphuan] ${formatLoadError(error, 'vi')}`);
	// SCORM packages declared in course.md: placed (or updated) before the first request
	try {
		const problems = await placeDeclaredPackages(db, catalog.courses, config.scormDir);
		for (const problem of problems) console.error(`[taphuan] ${formatLoadError(problem, 'vi')}`);
	} catch (error) {
		console.error('[taphuan] placing the SCORM packages of course.md failed', error);
	}
	// A learner who closes the page during a timed quiz still gets graded when time is up; offline
	// operations applied before the replay window are forgotten (none can arrive again).
	const sweep = () => {
		try {
			closeExpiredAttempts(db);
			pruneAppliedOperations(db);
		} catch (error) {
			// a database that cannot take writes still serves reads; the next sweep tries again
			console.error('[taphuan] closing expired quiz attempts failed', error);
		}
	};
	sweep();
	setInterval(sweep, EXPIRED_ATTEMPT_SWEEP_MS).unref();
};

export const handle = sequence(
	handleCompression,
	handleSecurityHeaders,
	handleLocale,
	handleCrossSite,
	handleDurability,
	handleOverload,
	handleStorageErrors,
	handleSession,
	handlePasswordChange
);

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: translate(event.locals.locale ?? 'vi', 'error.notFound') };
	if (isClientError(status)) {
		// the request was refused as sent (a body over BODY_SIZE_LIMIT, a form sent as JSON): the
		// sender is told what was wrong; for the log one line, since there is no bug to trace
		console.warn(`[taphuan] refused ${event.request.method} ${event.url.pathname}: ${status} ${(error as Error)?.message ?? ''}`);
		return { message: clientErrorMessage(event.locals.locale ?? 'vi', status) };
	}
	const errorId = crypto.randomUUID().slice(0, 8);
	const trouble = storageTrouble(error);
	if (trouble) {
		// not a bug: the disk or another process refused the write; handleStorageErrors answers 503
		event.locals.storageTrouble = trouble;
		console.error(`[taphuan] error ${errorId} on ${event.request.method} ${event.url.pathname}: the database refused a write: ${(error as Error).message}`);
		return { message: translate(event.locals.locale ?? 'vi', trouble === 'busy' ? 'error.busy' : 'error.storage'), errorId };
	}
	console.error(`[taphuan] error ${errorId} on ${event.request.method} ${event.url.pathname}`, error);
	return { message: translate(event.locals.locale ?? 'vi', 'error.unexpected'), errorId };
};
