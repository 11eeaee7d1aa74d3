// The last step of an upload: check the zip (safe extraction, manifest), store it, and place it
// in a module — or in place of an attachment's package. A refused zip leaves nothing behind.
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/server/i18n';
import { requireRole } from '$lib/server/auth/guard';
import { config } from '$lib/server/config';
import { requireCourse, requireModule } from '$lib/server/courses/access';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { readJson } from '$lib/server/http/form';
import { assertSameOrigin } from '$lib/server/http/same-origin';
import { requireAttachment } from '$lib/server/scorm/access';
import { readPackage } from '$lib/server/scorm/import';
import { placePackage, type Placement } from '$lib/server/scorm/place';
import { completedUpload, discardUpload, uploadsDir } from '$lib/server/scorm/uploads';
import { prerequisiteWarnings } from '$lib/server/scorm/prerequisites';
import type { RequestHandler } from './$types';

const importSchema = z.union([
	z.object({ course: z.string().max(100), module: z.string().max(100), title: z.string().max(200).default('') }),
	z.object({ replace: z.number().int().positive() })
]);

export const POST: RequestHandler = async (event) => {
	assertSameOrigin(event.request, event.url, event.locals.locale);
	const user = requireRole(event, 'trainer', 'admin');
	const { locale } = event.locals;
	const parsed = importSchema.safeParse(await readJson(event.request));
	if (!parsed.success) return json({ message: translate(locale, 'form.invalid') }, { status: 400 });
	const db = getDb();
	const catalog = getCatalog();
	let placement: Placement;
	if ('replace' in parsed.data) {
		requireAttachment(db, catalog, user, parsed.data.replace, locale);
		placement = { kind: 'replace', attachmentId: parsed.data.replace };
	} else {
		const course = requireCourse(db, catalog, user, parsed.data.course, locale);
		const module = requireModule(course, parsed.data.module, locale);
		placement = { kind: 'attach', courseSlug: course.slug, moduleSlug: module.slug, title: parsed.data.title };
	}

	const dir = uploadsDir(config.scormDir);
	const upload = await completedUpload(dir, event.params.id, user.id);
	if (!upload.ok) return json({ message: translate(locale, upload.problem.key, upload.problem.params) }, { status: upload.status });
	try {
		const imported = await readPackage(upload.file, config.scormDir);
		if (!imported.ok) return json({ message: translate(locale, imported.problem.key, imported.problem.params) }, { status: 422 });
		const attachment = placePackage(db, imported, upload.size, placement, user.id);
		return json(
			{
				attachmentId: attachment.id,
				title: attachment.title,
				version: attachment.package.version,
				scos: attachment.scos.length,
				existing: imported.existing,
				analysis: imported.analysis,
				// what of the package's sequencing the translation left out (sequencing/translate.ts)
				sequencingWarnings: imported.sequencing?.warnings ?? prerequisiteWarnings(imported.manifest.items)
			},
			{ status: 201 }
		);
	} finally {
		await discardUpload(dir, event.params.id);
	}
};
