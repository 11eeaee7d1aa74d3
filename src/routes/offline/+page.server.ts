// The page the service worker shows for a page not downloaded when there is no network. Stored
// once per build by the worker, without anyone's cookie, so it says the same to everyone, in both
// languages (offline, the reader's choice of language cannot be asked).
import { RenderedOnServer } from '$lib/rendered-on-server';
import { translate } from '$lib/server/i18n';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load = (() => {
	const texts = (locale: 'vi' | 'en') => ({
		lang: locale,
		title: translate(locale, 'offline.title'),
		body: translate(locale, 'offline.body'),
		hint: translate(locale, 'offline.hint'),
		retry: translate(locale, 'offline.retry')
	});
	return { offline: new RenderedOnServer([texts('vi'), texts('en')]) };
}) satisfies PageServerLoad;
