// The course glossary: every term with its English gloss, its definition and the words to avoid
// beside it. Lessons link here on a term's first use. A document page (see $lib/documents).
import { error } from '@sveltejs/kit';
import { RenderedOnServer } from '$lib/rendered-on-server';
import { requireUser } from '$lib/server/auth/guard';
import { requireCourse } from '$lib/server/courses/access';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { translate } from '$lib/server/i18n';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load = ((event) => {
	const user = requireUser(event);
	const course = requireCourse(getDb(), getCatalog(), user, event.params.course, event.locals.locale);
	if (!course.glossary) error(404, translate(event.locals.locale, 'error.notFound'));
	return {
		glossary: new RenderedOnServer({
			course: { slug: course.slug, title: course.title, language: course.language },
			title: course.glossary.title,
			// rendered and sanitised by the course loader
			introHtml: course.glossary.introHtml,
			terms: course.glossary.terms
		})
	};
}) satisfies PageServerLoad;
