import { fail, redirect } from '@sveltejs/kit';
import { startSession } from '$lib/server/auth/cookie';
import { requireUser } from '$lib/server/auth/guard';
import { verifyPassword } from '$lib/server/auth/password';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/http/form';
import { changePasswordSchema } from '$lib/server/users/schemas';
import { changePassword, getPasswordHash } from '$lib/server/users/service';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireUser(event);
	return { mustChange: user.mustChangePassword };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const db = getDb();
		const form = parseForm(changePasswordSchema, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const valid = await verifyPassword(getPasswordHash(db, user.id) ?? '', form.data.currentPassword);
		if (!valid) return fail(400, { errors: { currentPassword: 'password.currentWrong' as const } });
		await changePassword(db, user.id, form.data.password);
		// every other session has just ended; this browser gets a fresh one
		startSession(db, event.cookies, event.url, user.id);
		if (user.mustChangePassword) redirect(303, '/');
		return { changed: true };
	}
} satisfies Actions;
