// The support directory for everyone signed in: search by type, commune and words (tone marks
// optional), call with one tap, print. A document page (see $lib/documents): a GET form, no script.
import { isServiceType, serviceTypeKey, SERVICE_TYPES } from '$lib/directory/types';
import { RenderedOnServer } from '$lib/rendered-on-server';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { listCommunes, listEntries, searchEntries } from '$lib/server/directory/service';
import { entryView } from '$lib/server/directory/view';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load = ((event) => {
	const user = requireUser(event);
	const params = event.url.searchParams;
	const typeParam = params.get('loai') ?? '';
	const type = isServiceType(typeParam) ? typeParam : null;
	const commune = (params.get('xa') ?? '').slice(0, 100);
	const query = (params.get('q') ?? '').slice(0, 200);
	const entries = listEntries(getDb());
	const found = searchEntries(entries, { type, commune, query });
	return {
		directory: new RenderedOnServer({
			total: entries.length,
			filter: { type: type ?? '', commune, query },
			filtered: type !== null || commune.trim() !== '' || query.trim() !== '',
			types: SERVICE_TYPES.map((code) => ({ code, key: serviceTypeKey(code) })),
			communes: listCommunes(entries),
			entries: found.map(entryView),
			canManage: user.role === 'trainer' || user.role === 'admin'
		})
	};
}) satisfies PageServerLoad;
