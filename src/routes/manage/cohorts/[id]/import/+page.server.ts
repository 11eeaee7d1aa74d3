// Roster import: a trainer uploads a CSV of learners; every row is checked, then all are created
// in one transaction or none is. The temporary passwords exist only in this response.
import { fail } from '@sveltejs/kit';
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import { isBodyTooLarge } from '$lib/server/http/body-limit';
import { ROSTER_COLUMNS } from '$lib/server/roster/columns';
import { importRosterFile } from '$lib/server/roster/import';
import { MAX_ROSTER_BYTES, MAX_ROSTER_ROWS, tooLargeReport } from '$lib/server/roster/read';
import { readForm } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

/** The file plus the multipart envelope around it. */
const MAX_UPLOAD_BYTES = MAX_ROSTER_BYTES + 64 * 1024;

export const load = ((event) => {
	const { cohort } = requireManagedCohort(event);
	return {
		cohort: { id: cohort.id, name: cohort.name },
		columns: ROSTER_COLUMNS.map((column) => ({ field: column.field, required: column.required, names: column.names.slice(0, 2) })),
		limits: { megabytes: MAX_ROSTER_BYTES / 1_000_000, rows: MAX_ROSTER_ROWS }
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { db, cohort } = requireManagedCohort(event);
		// refuse a large body before reading it, so ten megabytes of garbage cost nothing
		if (Number(event.request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES) {
			return fail(413, { report: tooLargeReport() });
		}
		let form: FormData;
		try {
			form = await readForm(event.request);
		} catch (error) {
			if (isBodyTooLarge(error)) return fail(413, { report: tooLargeReport() });
			return fail(400, { message: 'roster.noFile' as const });
		}
		const file = form.get('file');
		if (!(file instanceof File) || (file.size === 0 && file.name === '')) {
			return fail(400, { message: 'roster.noFile' as const });
		}
		if (file.size > MAX_ROSTER_BYTES) return fail(413, { report: tooLargeReport() });
		const result = await importRosterFile(db, cohort.id, new Uint8Array(await file.arrayBuffer()));
		if (!result.ok) {
			const { ok: _, ...report } = result;
			return fail(400, { report });
		}
		return { imported: result.imported, signInUrl: `${event.url.origin}/login` };
	}
} satisfies Actions;
