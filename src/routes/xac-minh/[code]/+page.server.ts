// The address on a certificate's QR code: valid or revoked, for anyone, without sign-in. A code
// that was never issued is "not found"; an address that keeps trying unknown codes is throttled.
import { error } from '@sveltejs/kit';
import { verifyByCode } from '$lib/server/certificates/verify';
import { getDb } from '$lib/server/db';
import { translate } from '$lib/server/i18n';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const lookup = verifyByCode(getDb(), event.params.code, event.getClientAddress());
	if (lookup.kind === 'throttled') {
		const minutes = Math.max(1, Math.ceil(lookup.retryAfterMs / 60_000));
		error(429, translate(event.locals.locale, 'certificate.verify.throttled', { minutes }));
	}
	if (lookup.kind === 'notFound') error(404, translate(event.locals.locale, 'error.notFound'));
	// a certificate's status changes (revoked): never cached
	event.setHeaders({ 'cache-control': 'no-store' });
	return { verification: lookup.verification };
}) satisfies PageServerLoad;
