// Resolves the session cookie once per request into locals.user / locals.session.
import type { Handle } from '@sveltejs/kit';
import { deleteSessionCookie, setSessionCookie, SESSION_COOKIE } from '$lib/server/auth/cookie';
import { validateSessionToken } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { getUser } from '$lib/server/users/service';

export const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const db = getDb();
		const session = validateSessionToken(db, token);
		const user = session ? getUser(db, session.userId) : null;
		if (session && user && !user.disabled) {
			event.locals.session = session;
			event.locals.user = user;
			setSessionCookie(event.cookies, event.url, token, session);
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};
