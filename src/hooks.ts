// Hooks shared by the server and the browser.
import type { Transport } from '@sveltejs/kit';
import { HtmlOnPage } from '$lib/html-on-page';

export const transport: Transport = {
	HtmlOnPage: {
		encode: (value) => value instanceof HtmlOnPage && [value.elementId],
		decode: ([elementId]: [string]) => new HtmlOnPage(document.getElementById(elementId)?.innerHTML ?? '', elementId)
	}
};
