import { fail, redirect } from '@sveltejs/kit';
import { authenticate } from '$lib/server/auth/login';
import { startSession } from '$lib/server/auth/cookie';
import { safeRedirectTarget } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { parseForm, readForm } from '$lib/server/http/form';
import { loginSchema } from '$lib/server/users/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('next')));
	return {};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { request, cookies, url } = event;
		const form = parseForm(loginSchema, await readForm(request));
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const db = getDb();
		const result = await authenticate(db, form.data.username, form.data.password, event.getClientAddress());
		if (result.kind === 'throttled') {
			const minutes = Math.max(1, Math.ceil(result.retryAfterMs / 60_000));
			event.setHeaders({ 'Retry-After': String(Math.ceil(result.retryAfterMs / 1000)) });
			return fail(429, { message: 'login.throttled' as const, minutes, values: form.values });
		}
		if (result.kind === 'invalid') {
			return fail(400, { message: 'login.invalid' as const, values: form.values });
		}
		if (result.kind === 'disabled') {
			return fail(403, { message: 'login.disabled' as const, values: form.values });
		}
		startSession(db, cookies, url, result.user.id);
		const fallback = result.user.role === 'learner' ? '/courses' : '/manage';
		redirect(303, safeRedirectTarget(url.searchParams.get('next'), fallback));
	}
} satisfies Actions;
