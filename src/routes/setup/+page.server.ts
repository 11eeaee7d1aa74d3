// First-run setup: creates the first administrator, then closes for good.
import { error, fail, redirect } from '@sveltejs/kit';
import { hashPassword } from '$lib/server/auth/password';
import { startSession } from '$lib/server/auth/cookie';
import { getDb } from '$lib/server/db';
import { parseForm, readForm } from '$lib/server/http/form';
import { setupSchema } from '$lib/server/users/schemas';
import { createFirstAdmin } from '$lib/server/users/setup';
import { hasAdmin } from '$lib/server/users/service';
import { translate } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals }) => {
	if (hasAdmin(getDb())) error(404, translate(locals.locale, 'setup.closed'));
	return {};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, url, locals }) => {
		const db = getDb();
		if (hasAdmin(db)) error(404, translate(locals.locale, 'setup.closed'));
		const form = parseForm(setupSchema, await readForm(request));
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const passwordHash = await hashPassword(form.data.password);
		const admin = createFirstAdmin(db, form.data, passwordHash);
		if (!admin) error(404, translate(locals.locale, 'setup.closed'));
		startSession(db, cookies, url, admin.id);
		redirect(303, '/manage');
	}
} satisfies Actions;
