// The course's general board ("Trao đổi chung"), with the module boards listed beside it.
import { boardsWithNews } from '$lib/server/discussions/service';
import { createThreadAction, loadBoard, resolveBoard } from '$lib/server/discussions/routes';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	const board = loadBoard(event);
	const { user, db, course, scope } = resolveBoard(event);
	const news = boardsWithNews(db, course.slug, scope, user.id);
	return {
		...board,
		moduleBoards: course.modules.map((m) => ({ slug: m.slug, title: m.title, news: news.get(m.slug) ?? 0 }))
	};
}) satisfies PageServerLoad;

export const actions = { default: createThreadAction } satisfies Actions;
