// Authorisation for loads, actions and endpoints. Every server module calls one of these:
// layouts do not re-run on client-side navigation, so a layout check alone protects nothing.
import { error, redirect } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';
import type { Role, User } from '../users/service';

interface Guarded {
	locals: App.Locals;
	url: URL;
}

export function requireUser({ locals, url }: Guarded): User {
	if (!locals.user) {
		const next = url.pathname + url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	return locals.user;
}

export function requireRole(event: Guarded, ...roles: Role[]): User {
	const user = requireUser(event);
	if (!roles.includes(user.role)) error(403, { message: forbiddenMessage(event.locals) });
	return user;
}

export function forbiddenMessage(locals: App.Locals): string {
	return translate(locals.locale, 'error.forbidden');
}

/** A `next` parameter we may redirect to: only paths on this site. */
export function safeRedirectTarget(next: string | null | undefined, fallback = '/'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
		return fallback;
	}
	// Browsers drop tabs and newlines from a Location, so "/\t/evil.example" would become
	// "//evil.example". A real path is percent-encoded and never holds control characters.
	if (/[\u0000-\u001f\u007f]/.test(next)) return fallback;
	return next;
}
