// Which message areas a route shows, and loading them: one chunk per language and area, fetched
// only when a page needs it (the root layout's load puts them in page data for `t()`).
import type { Area, Locale, Messages } from './index';

type PageArea = Exclude<Area, 'server'>;

const catalogues = import.meta.glob<{ messages: Messages }>(['./vi/*.ts', './en/*.ts', '!./*/server.ts']);

/** Trainer pages show quiz answers and discussion posts too; learner pages only their own area. */
export function areasFor(routeId: string | null): PageArea[] {
	if (routeId?.startsWith('/manage')) return ['common', 'quiz', 'discussion', 'manage', 'certificate', 'directory'];
	if (routeId?.startsWith('/danh-ba')) return ['common', 'directory'];
	if (routeId === '/courses/[course]' || routeId?.includes('/certificate') || routeId?.startsWith('/xac-minh')) return ['common', 'certificate'];
	if (routeId?.includes('/quiz')) return ['common', 'quiz'];
	if (routeId?.includes('/scorm/')) return ['common', 'scorm'];
	if (routeId?.includes('/discussions')) return ['common', 'discussion'];
	return ['common'];
}

export async function loadMessages(locale: Locale, areas: PageArea[]): Promise<Messages> {
	const loaded = await Promise.all(areas.map((area) => catalogues[`./${locale}/${area}.ts`]!()));
	return Object.assign({}, ...loaded.map((module) => module.messages));
}
