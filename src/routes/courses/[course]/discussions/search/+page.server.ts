// Search in a course's discussions: what the reader may see, with or without diacritics.
import { RenderedOnServer } from '$lib/rendered-on-server';
import { resolveBoard } from '../board.server';
import { searchPosts } from '$lib/server/discussions/service';
import type { PageServerLoad } from './$types';

// A document like the boards: a GET form and links, nothing for a client script to do.
export const csr = false;

export const load = ((event) => {
	const { db, course, scope } = resolveBoard(event);
	const q = (event.url.searchParams.get('q') ?? '').slice(0, 200);
	return {
		search: new RenderedOnServer({
			course: { slug: course.slug, title: course.title },
			q,
			hits: q.trim() ? searchPosts(db, course.slug, scope, q) : null
		})
	};
}) satisfies PageServerLoad;
