// A module's discussion board, with the module's discussion questions at the top.
import { createThreadAction, loadBoard } from '$lib/server/discussions/routes';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => ({ ...loadBoard(event), moduleBoards: [] })) satisfies PageServerLoad;

export const actions = { default: createThreadAction } satisfies Actions;
