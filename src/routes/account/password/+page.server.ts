import { fail, redirect } from '@sveltejs/kit';
import { startSession } from '$lib/server/auth/cookie';
import { requireUser } from '$lib/server/auth/guard';
import { checkCurrentPassword } from '$lib/server/auth/login';
import { getDb } from '$lib/server/db';
import { parseForm, readForm } from '$lib/server/http/form';
import { changePasswordSchema } from '$lib/server/users/schemas';
import { changePassword } from '$lib/server/users/service';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireUser(event);
	return { mustChange: user.mustChangePassword };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const db = getDb();
		const form = parseForm(changePasswordSchema, await readForm(event.request));
		if (!form.ok) return fail(400, { errors: form.errors });
		const check = await checkCurrentPassword(db, user, form.data.currentPassword);
		if (check.kind === 'throttled') {
			const minutes = Math.max(1, Math.ceil(check.retryAfterMs / 60_000));
			return fail(429, { errors: { currentPassword: 'password.throttled' as const }, minutes });
		}
		if (check.kind === 'invalid') return fail(400, { errors: { currentPassword: 'password.currentWrong' as const } });
		await changePassword(db, user.id, form.data.password);
		// every other session has just ended; this browser gets a fresh one
		startSession(db, event.cookies, event.url, user.id);
		if (user.mustChangePassword) redirect(303, '/');
		return { changed: true };
	}
} satisfies Actions;
