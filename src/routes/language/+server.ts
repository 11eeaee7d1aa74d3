// Remembers the chosen interface language in a cookie and returns to the page.
import { redirect } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE } from '$lib/i18n';
import { safeRedirectTarget } from '$lib/server/auth/guard';
import { readForm } from '$lib/server/http/form';
import type { RequestHandler } from './$types';

const ONE_YEAR_S = 60 * 60 * 24 * 365;

export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await readForm(request);
	const lang = String(form.get('lang') ?? '');
	if (isLocale(lang)) {
		cookies.set(LOCALE_COOKIE, lang, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: ONE_YEAR_S
		});
	}
	redirect(303, safeRedirectTarget(String(form.get('next') ?? '/')));
};
