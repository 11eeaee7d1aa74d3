// Picks the interface language: the remembered cookie, else Vietnamese. Sets <html lang>.
import type { Handle } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE } from '$lib/i18n';

export const handleLocale: Handle = async ({ event, resolve }) => {
	const cookie = event.cookies.get(LOCALE_COOKIE);
	event.locals.locale = cookie && isLocale(cookie) ? cookie : 'vi';
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};
