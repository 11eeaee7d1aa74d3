import { fail, redirect } from '@sveltejs/kit';
import { startSession } from '$lib/server/auth/cookie';
import { getDb } from '$lib/server/db';
import { parseForm, readForm } from '$lib/server/http/form';
import { registerLearner } from '$lib/server/users/register';
import { registerSchema } from '$lib/server/users/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	if (locals.user) redirect(303, '/courses');
	return { code: url.searchParams.get('code') ?? '' };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const form = parseForm(registerSchema, await readForm(event.request));
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const db = getDb();
		const result = await registerLearner(db, form.data, event.getClientAddress());
		if (!result.ok) {
			if (result.retryAfterMs) {
				event.setHeaders({ 'Retry-After': String(Math.ceil(result.retryAfterMs / 1000)) });
			}
			return fail(result.status, { errors: result.errors, values: form.values });
		}
		startSession(db, event.cookies, event.url, result.user.id);
		redirect(303, '/courses');
	}
} satisfies Actions;
