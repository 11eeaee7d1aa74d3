// The course's general board ("Trao đổi chung"), with the module boards listed beside it.
import { RenderedOnServer } from '$lib/rendered-on-server';
import { boardsWithNews } from '$lib/server/discussions/service';
import { pageScripts } from '$lib/server/page-script';
import { createThreadAction, loadBoard, resolveBoard } from './board.server';
import type { Actions, PageServerLoad } from './$types';

// A document like the module boards (see their +page.server.ts and $lib/documents).
export const csr = false;

export const load = ((event) => {
	const resolved = resolveBoard(event);
	const board = loadBoard(event, resolved);
	const { user, db, course, scope } = resolved;
	const news = boardsWithNews(db, course.slug, scope, user.id);
	const moduleBoards = course.modules.map((m) => ({ slug: m.slug, title: m.title, news: news.get(m.slug) ?? 0 }));
	return { board: new RenderedOnServer({ ...board, moduleBoards }), scriptSrc: pageScripts.discussions.src };
}) satisfies PageServerLoad;

export const actions = { default: createThreadAction } satisfies Actions;
