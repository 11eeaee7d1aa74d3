// Pages served without SvelteKit's client (`export const csr = false` in their +page.server.ts):
// plain documents, with at most a small script of their own. The browser must load them: the
// client router would render them without that script. documents.spec.ts keeps the list true.
const DOCUMENT_ROUTES = new Set([
	'/courses/[course]',
	'/courses/[course]/[module]',
	'/courses/[course]/[module]/quiz/[number]',
	'/courses/[course]/[module]/discussions',
	'/courses/[course]/discussions',
	'/courses/[course]/discussions/[thread]',
	'/courses/[course]/discussions/search',
	'/courses/[course]/thuat-ngu',
	'/danh-ba',
	'/offline'
]);

export function isDocumentRoute(routeId: string | null | undefined): boolean {
	return routeId != null && DOCUMENT_ROUTES.has(routeId);
}

export const documentRoutes = (): string[] => [...DOCUMENT_ROUTES];
