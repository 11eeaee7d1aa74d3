// Starts a chunked upload of a SCORM zip (see $lib/server/scorm/uploads.ts).
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/server/i18n';
import { requireRole } from '$lib/server/auth/guard';
import { config } from '$lib/server/config';
import { readJson } from '$lib/server/http/form';
import { assertSameOrigin } from '$lib/server/http/same-origin';
import { resolveLimits } from '$lib/server/scorm/limits';
import { startUpload, uploadsDir } from '$lib/server/scorm/uploads';
import type { RequestHandler } from './$types';

const startSchema = z.object({ name: z.string().max(300), size: z.number().int() });

export const POST: RequestHandler = async (event) => {
	assertSameOrigin(event.request, event.url, event.locals.locale);
	const user = requireRole(event, 'trainer', 'admin');
	const { locale } = event.locals;
	const parsed = startSchema.safeParse(await readJson(event.request));
	if (!parsed.success) return json({ message: translate(locale, 'form.invalid') }, { status: 400 });
	const started = await startUpload(uploadsDir(config.scormDir), {
		userId: user.id,
		size: parsed.data.size,
		name: parsed.data.name,
		maxBytes: resolveLimits().maxZipBytes
	});
	if (!started.ok) return json({ message: translate(locale, started.problem.key, started.problem.params) }, { status: started.status });
	return json({ id: started.id, chunkBytes: started.chunkBytes }, { status: 201 });
};
