import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { readEntryForm } from '$lib/server/directory/form';
import { createEntry, todayInVietnam } from '$lib/server/directory/service';
import { readForm } from '$lib/server/http/form';
import { typeOptions } from '../types.server';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	requireRole(event, 'trainer', 'admin');
	const type = event.url.searchParams.get('loai') ?? '';
	return { types: typeOptions(), values: { serviceType: type, checkedToday: 'on' } };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireRole(event, 'trainer', 'admin');
		const result = readEntryForm(await readForm(event.request));
		if (!result.ok) return fail(400, { errors: result.errors, values: result.values });
		const check = result.checkedToday ? { on: todayInVietnam(), byName: user.displayName, byUser: user.id } : null;
		const entry = createEntry(getDb(), result.input, check);
		redirect(303, `/manage/directory?created=${entry.id}#entry-${entry.id}`);
	}
} satisfies Actions;
