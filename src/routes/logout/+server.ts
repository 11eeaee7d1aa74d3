// Signing out ends the session on the server, not only in the browser.
import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { invalidateSession } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, cookies, url }) => {
	if (locals.session) invalidateSession(getDb(), locals.session.id);
	deleteSessionCookie(cookies, url);
	redirect(303, '/login');
};
