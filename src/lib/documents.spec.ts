import { describe, expect, it } from 'vitest';
import { documentRoutes, isDocumentRoute } from './documents';

const pageServerModules = import.meta.glob<string>('/src/routes/**/+page.server.ts', { query: '?raw', import: 'default', eager: true });

/** Route ids whose page turns SvelteKit's client off. */
function routesWithoutClient(): string[] {
	return Object.entries(pageServerModules)
		.filter(([, source]) => /^export const csr = false;$/m.test(source))
		.map(([file]) => file.slice('/src/routes'.length, -'/+page.server.ts'.length) || '/')
		.sort();
}

describe('document routes', () => {
	it('lists exactly the pages served without the client, so links to them load them whole', () => {
		expect(routesWithoutClient()).toEqual(documentRoutes().sort());
	});

	it('knows a lesson, a quiz attempt and a thread from the pages around them', () => {
		expect(isDocumentRoute('/courses/[course]/[module]')).toBe(true);
		expect(isDocumentRoute('/courses/[course]/[module]/quiz/[number]')).toBe(true);
		expect(isDocumentRoute('/courses/[course]/[module]/quiz')).toBe(false);
		expect(isDocumentRoute('/courses/[course]/discussions/[thread]')).toBe(true);
		expect(isDocumentRoute(null)).toBe(false);
	});
});
