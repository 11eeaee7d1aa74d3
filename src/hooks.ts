// Hooks shared by the server and the browser.
import type { Transport } from '@sveltejs/kit';
import { RenderedOnServer } from '$lib/rendered-on-server';

export const transport: Transport = {
	// a page that runs no client code never decodes it; one that did would get nothing
	RenderedOnServer: {
		encode: (value) => value instanceof RenderedOnServer && [0],
		decode: () => new RenderedOnServer(null)
	}
};
