// Admins create accounts of any role (trainers above all; learners usually sign up with a code).
import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { parseForm, readForm } from '$lib/server/http/form';
import { createAccountSchema } from '$lib/server/users/schemas';
import { createUser, UsernameTakenError } from '$lib/server/users/service';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	requireRole(event, 'admin');
	return {};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		requireRole(event, 'admin');
		const form = parseForm(createAccountSchema, await readForm(event.request));
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		try {
			const user = await createUser(getDb(), { ...form.data, mustChangePassword: true });
			return { created: { username: user.username, displayName: user.displayName, role: user.role } };
		} catch (error) {
			if (error instanceof UsernameTakenError) {
				return fail(400, { errors: { username: 'register.usernameTaken' as const }, values: form.values });
			}
			throw error;
		}
	}
} satisfies Actions;
