// The trainers' view of the support directory: every entry, the ones to check again flagged, and
// "checked today" for each. Trainers and admins only, checked in every load and action.
import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { getEntry, isStale, listEntries, markChecked, STALE_AFTER_MONTHS, todayInVietnam } from '$lib/server/directory/service';
import { entryView } from '$lib/server/directory/view';
import { readForm } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	requireRole(event, 'trainer', 'admin');
	const today = todayInVietnam();
	const entries = listEntries(getDb());
	const staleOnly = event.url.searchParams.has('can-kiem-tra');
	const stale = entries.filter((entry) => isStale(entry, today));
	const params = event.url.searchParams;
	const changed = Number(params.get('checked') ?? params.get('created') ?? NaN);
	return {
		total: entries.length,
		staleCount: stale.length,
		staleAfterMonths: STALE_AFTER_MONTHS,
		staleOnly,
		entries: (staleOnly ? stale : entries).map((entry) => ({ ...entryView(entry), stale: isStale(entry, today) })),
		notice: params.has('deleted')
			? { key: 'directory.deleted' as const }
			: params.has('imported')
				? { key: 'directory.imported' as const, params: { added: Number(params.get('added') ?? 0), updated: Number(params.get('updated') ?? 0) } }
				: null,
		changedName: Number.isInteger(changed) ? (getEntry(getDb(), changed)?.name ?? null) : null,
		checked: params.has('checked'),
		created: params.has('created')
	};
}) satisfies PageServerLoad;

export const actions = {
	check: async (event) => {
		const user = requireRole(event, 'trainer', 'admin');
		const id = Number((await readForm(event.request)).get('id'));
		if (!Number.isInteger(id) || !markChecked(getDb(), id, { on: todayInVietnam(), byName: user.displayName, byUser: user.id })) {
			return fail(404, { message: 'directory.notFound' as const });
		}
		const back = event.url.searchParams.has('can-kiem-tra') ? 'can-kiem-tra&' : '';
		redirect(303, `/manage/directory?${back}checked=${id}#entry-${id}`);
	}
} satisfies Actions;
