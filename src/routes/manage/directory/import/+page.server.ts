// Directory import: the same rules as the roster import (../../cohorts/[id]/import): limits before
// reading, every line checked, all stored in one transaction or nothing.
import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { DIRECTORY_COLUMNS, importDirectoryCsv, MAX_DIRECTORY_BYTES, MAX_DIRECTORY_ROWS, tooLargeReport } from '$lib/server/directory/csv';
import { isBodyTooLarge } from '$lib/server/http/body-limit';
import { readForm } from '$lib/server/http/form';
import { typeOptions } from '../types.server';
import type { Actions, PageServerLoad } from './$types';

const MAX_UPLOAD_BYTES = MAX_DIRECTORY_BYTES + 64 * 1024;

export const load = ((event) => {
	requireRole(event, 'trainer', 'admin');
	return {
		columns: DIRECTORY_COLUMNS.map((column) => ({ field: column.field, required: column.required, names: column.names.slice(0, 2) })),
		types: typeOptions(),
		limits: { megabytes: MAX_DIRECTORY_BYTES / 1_000_000, rows: MAX_DIRECTORY_ROWS }
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		requireRole(event, 'trainer', 'admin');
		if (Number(event.request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES) return fail(413, { report: tooLargeReport() });
		let form: FormData;
		try {
			form = await readForm(event.request);
		} catch (error) {
			if (isBodyTooLarge(error)) return fail(413, { report: tooLargeReport() });
			return fail(400, { message: 'directory.importNoFile' as const });
		}
		const file = form.get('file');
		if (!(file instanceof File) || (file.size === 0 && file.name === '')) return fail(400, { message: 'directory.importNoFile' as const });
		if (file.size > MAX_DIRECTORY_BYTES) return fail(413, { report: tooLargeReport() });
		const result = importDirectoryCsv(getDb(), new Uint8Array(await file.arrayBuffer()));
		if (!result.ok) {
			const { ok: _, ...report } = result;
			return fail(400, { report });
		}
		redirect(303, `/manage/directory?imported&added=${result.added}&updated=${result.updated}`);
	}
} satisfies Actions;
