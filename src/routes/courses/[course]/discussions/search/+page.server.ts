// Search in a course's discussions: what the reader may see, with or without diacritics.
import { resolveBoard } from '$lib/server/discussions/routes';
import { searchPosts } from '$lib/server/discussions/service';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const { db, course, scope } = resolveBoard(event);
	const q = (event.url.searchParams.get('q') ?? '').slice(0, 200);
	return {
		course: { slug: course.slug, title: course.title },
		q,
		hits: q.trim() ? searchPosts(db, course.slug, scope, q) : null
	};
}) satisfies PageServerLoad;
