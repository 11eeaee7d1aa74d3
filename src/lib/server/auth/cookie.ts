// The session cookie: HttpOnly, SameSite=Lax, Secure whenever the site is served over HTTPS.
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db/open';
import { createSession, sessionExpiresAt, type Session } from './session';

export const SESSION_COOKIE = 'taphuan_session';

export function setSessionCookie(cookies: Cookies, url: URL, token: string, session: Session) {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: sessionExpiresAt(session)
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(SESSION_COOKIE, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}

/** Signs the user in: a new session and its cookie. */
export function startSession(db: Db, cookies: Cookies, url: URL, userId: number): void {
	const session = createSession(db, userId);
	setSessionCookie(cookies, url, session.token, session);
}
