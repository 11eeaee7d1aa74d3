// A user with a temporary password must choose their own before doing anything else.
import { redirect, type Handle } from '@sveltejs/kit';

const ALLOWED = ['/account/password', '/logout', '/language', '/healthz'];

export const handlePasswordChange: Handle = async ({ event, resolve }) => {
	const user = event.locals.user;
	if (
		user?.mustChangePassword &&
		!ALLOWED.some((path) => event.url.pathname.startsWith(path)) &&
		!event.url.pathname.startsWith('/_app/')
	) {
		redirect(303, '/account/password');
	}
	return resolve(event);
};
