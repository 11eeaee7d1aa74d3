// A module's discussion board, with the module's discussion questions at the top.
import { RenderedOnServer } from '$lib/rendered-on-server';
import { pageScripts } from '$lib/server/page-script';
import { createThreadAction, loadBoard } from '../../discussions/board.server';
import type { Actions, PageServerLoad } from './$types';

// A board is a document: server-rendered HTML whose forms are plain POSTs, and one small script
// of its own (src/lib/discussions/page.ts), without SvelteKit's client (see $lib/documents). While
// hundreds of learners follow one board, no thread is serialised for hydration on each view.
export const csr = false;

export const load = ((event) => ({
	board: new RenderedOnServer({ ...loadBoard(event), moduleBoards: [] }),
	scriptSrc: pageScripts.discussions.src
})) satisfies PageServerLoad;

export const actions = { default: createThreadAction } satisfies Actions;
