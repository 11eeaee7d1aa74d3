import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { User } from '../users/service';
import { requireRole, requireUser, safeRedirectTarget } from './guard';

function user(role: User['role']): User {
	return {
		id: 7,
		username: 'lan',
		displayName: 'Lan',
		role,
		organisation: '',
		commune: '',
		province: '',
		mustChangePassword: false,
		disabled: false,
		createdAt: 0
	};
}

function event(signedIn: User | null, path = '/courses/khoa-thu?tab=2') {
	return {
		locals: { user: signedIn, session: null, locale: 'vi' as const },
		url: new URL(`https://taphuan.example${path}`)
	};
}

function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (error) {
		return error;
	}
	throw new Error('expected a throw');
}

describe('requireUser', () => {
	it('returns the signed-in user', () => {
		const lan = user('learner');
		expect(requireUser(event(lan))).toBe(lan);
	});

	it('sends a visitor to sign in, remembering where they were going', () => {
		const error = thrown(() => requireUser(event(null)));
		expect(isRedirect(error) && error.status).toBe(303);
		expect(isRedirect(error) && error.location).toBe(
			`/login?next=${encodeURIComponent('/courses/khoa-thu?tab=2')}`
		);
	});
});

describe('requireRole', () => {
	it('lets the named roles through and refuses the others with 403', () => {
		expect(requireRole(event(user('admin')), 'trainer', 'admin').role).toBe('admin');
		const error = thrown(() => requireRole(event(user('learner')), 'trainer', 'admin'));
		expect(isHttpError(error, 403)).toBe(true);
	});
});

describe('safeRedirectTarget', () => {
	it('keeps paths on this site', () => {
		expect(safeRedirectTarget('/courses/khoa-thu?tab=2#muc')).toBe('/courses/khoa-thu?tab=2#muc');
		expect(safeRedirectTarget('/khoa%20hoc')).toBe('/khoa%20hoc');
	});

	it('falls back for anything that could leave the site', () => {
		for (const next of [
			null,
			undefined,
			'',
			'https://evil.example',
			'evil.example',
			'//evil.example',
			'/\\evil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'/\r\n/evil.example',
			'javascript:alert(1)'
		]) {
			expect(safeRedirectTarget(next, '/home'), JSON.stringify(next)).toBe('/home');
		}
	});

	it('checks what a browser would make of the target', () => {
		// a browser drops tabs and newlines before resolving a Location
		expect(new URL('/\t/evil.example', 'https://taphuan.example').host).toBe('evil.example');
		for (const next of ['/courses', '/a/b?c=d']) {
			const target = safeRedirectTarget(next);
			expect(new URL(target, 'https://taphuan.example').host).toBe('taphuan.example');
		}
	});
});
