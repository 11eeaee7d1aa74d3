import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { readEntryForm } from '$lib/server/directory/form';
import { deleteEntry, getEntry, todayInVietnam, updateEntry } from '$lib/server/directory/service';
import { readForm } from '$lib/server/http/form';
import { translate } from '$lib/server/i18n';
import { typeOptions } from '../types.server';
import type { Actions, PageServerLoad } from './$types';

function requireEntry(event: RequestEvent<{ id: string }>) {
	const user = requireRole(event, 'trainer', 'admin');
	const entry = /^\d+$/.test(event.params.id) ? getEntry(getDb(), Number(event.params.id)) : null;
	if (!entry) error(404, { message: translate(event.locals.locale, 'directory.notFound') });
	return { user, entry };
}

export const load = ((event) => {
	const { entry } = requireEntry(event);
	return {
		id: entry.id,
		name: entry.name,
		types: typeOptions(),
		values: {
			serviceType: entry.serviceType,
			name: entry.name,
			address: entry.address,
			commune: entry.commune,
			phone: entry.phone,
			hours: entry.hours,
			cost: entry.cost,
			notes: entry.notes
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const { user, entry } = requireEntry(event);
		const result = readEntryForm(await readForm(event.request));
		if (!result.ok) return fail(400, { errors: result.errors, values: result.values });
		const check = result.checkedToday ? { on: todayInVietnam(), byName: user.displayName, byUser: user.id } : null;
		updateEntry(getDb(), entry.id, result.input, check);
		return { saved: true };
	},
	delete: async (event) => {
		const { entry } = requireEntry(event);
		const form = await readForm(event.request);
		if (form.get('confirm') !== 'on') return fail(400, { deleteMessage: 'directory.deleteNeedsConfirm' as const });
		deleteEntry(getDb(), entry.id);
		redirect(303, '/manage/directory?deleted');
	}
} satisfies Actions;
