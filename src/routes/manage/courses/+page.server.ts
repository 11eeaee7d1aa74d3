import { requireRole } from '$lib/server/auth/guard';
import { reloadCatalog, getCatalog } from '$lib/server/courses/current';
import { formatLoadError } from '$lib/server/courses/format';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireRole(event, 'trainer', 'admin');
	const catalog = getCatalog();
	return {
		courses: catalog.courses.map((c) => ({
			slug: c.slug,
			title: c.title,
			modules: c.modules.map((m) => ({ slug: m.slug, title: m.title, sections: m.lesson.sections.length }))
		})),
		errors: catalog.errors.map((e) => formatLoadError(e, event.locals.locale)),
		loadedAt: catalog.loadedAt,
		canReload: user.role === 'admin'
	};
}) satisfies PageServerLoad;

export const actions = {
	reload: async (event) => {
		requireRole(event, 'admin');
		const catalog = reloadCatalog();
		return { reloaded: catalog.courses.length };
	}
} satisfies Actions;
