import { error, fail } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';
import { requireRole } from '$lib/server/auth/guard';
import { requireCourse } from '$lib/server/courses/access';
import { moduleAttachments } from '$lib/server/courses/catalog';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { packageSequencing } from '$lib/server/scorm/store';
import { requireAttachment } from '$lib/server/scorm/access';
import { resolveLimits } from '$lib/server/scorm/limits';
import { versionLabel } from '$lib/server/scorm/sco';
import { prerequisiteWarnings } from '$lib/server/scorm/prerequisites';
import { removeAttachment } from '$lib/server/scorm/store';
import { readForm } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireRole(event, 'trainer', 'admin');
	const catalog = getCatalog();
	const course = requireCourse(getDb(), catalog, user, event.params.course, event.locals.locale);
	return {
		course: { slug: course.slug, title: course.title },
		maxZipMb: Math.floor(resolveLimits().maxZipBytes / (1024 * 1024)),
		modules: course.modules.map((module) => ({
			slug: module.slug,
			number: module.number,
			title: module.title,
			packages: moduleAttachments(catalog, course, module).map((attachment) => ({
				id: attachment.id,
				title: attachment.title,
				version: versionLabel(attachment.package.version, attachment.package.manifest),
				scormVersion: attachment.package.version,
				analysis: attachment.package.analysis,
				sequencingWarnings:
					attachment.package.version === '2004'
						? (packageSequencing(getDb(), attachment.package.id)?.warnings ?? [])
						: prerequisiteWarnings(attachment.package.manifest.items),
				scos: attachment.scos.length,
				zipBytes: attachment.package.zipBytes,
				updatedAt: attachment.updatedAt,
				fromCourseFile: attachment.source === 'course-file'
			}))
		}))
	};
}) satisfies PageServerLoad;

export const actions = {
	remove: async (event) => {
		const user = requireRole(event, 'trainer', 'admin');
		const id = String((await readForm(event.request)).get('attachment') ?? '');
		const db = getDb();
		const { attachment } = requireAttachment(db, getCatalog(), user, id, event.locals.locale);
		if (attachment.courseSlug !== event.params.course) error(404, translate(event.locals.locale, 'error.notFound'));
		// a package declared in course.md comes back on the next start: it is removed from course.md
		if (attachment.source === 'course-file') return fail(409, { message: 'scorm.manage.declared' as const });
		removeAttachment(db, attachment.id);
		return { removed: attachment.title };
	}
} satisfies Actions;
