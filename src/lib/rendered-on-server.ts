// Data only the server renders with. SvelteKit serialises every page's server data for the
// browser, even for a page that runs no client code (csr = false, see $lib/documents), and throws
// the result away: for a lesson, its 20 KB body, headings and objectives escaped character by
// character on every view (a fifth of the server's time on the lesson page). Wrapped in this, the
// data is rendered on the server and the transport hook (src/hooks.ts) serialises a placeholder.
export class RenderedOnServer<T = unknown> {
	constructor(readonly value: T) {}
}
