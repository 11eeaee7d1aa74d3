// HTML only the server needs: SvelteKit serialises every page's server data for the browser,
// even for a page that runs no client code (csr = false, see $lib/documents), and throws the
// result away. For a lesson that was its 20 KB body escaped on every view: a tenth of the
// server's time on the lesson page. Wrapped in this, the HTML is rendered on the server and the
// transport hook (src/hooks.ts) serialises a placeholder instead.
export class RenderedOnServer {
	constructor(readonly html: string) {}
}
