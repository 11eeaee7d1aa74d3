// SvelteKit's origin check covers form posts only; JSON endpoints check for themselves.
import { error } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n';
import { translate } from '$lib/server/i18n';

export function assertSameOrigin(request: Request, url: URL, locale: Locale): void {
	const site = request.headers.get('sec-fetch-site');
	const origin = request.headers.get('origin');
	const sameSite = (!site || site === 'same-origin') && (!origin || origin === url.origin);
	if (!sameSite || (!site && !origin)) error(403, translate(locale, 'error.crossSite'));
}
