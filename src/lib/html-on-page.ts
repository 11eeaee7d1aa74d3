// HTML the server-rendered page already shows, sent to the browser once rather than twice.
// Page data is serialised into the page for hydration; for a lesson body (20 KB and more) that
// doubled what the server serialises, compresses and sends on every view. The transport hook
// (src/hooks.ts) sends only the element's id; the browser reads the HTML back from that element.
// Client-side navigations fetch page data without a rendered page: their loads send plain strings.
export class HtmlOnPage {
	constructor(
		readonly html: string,
		/** the id of the element whose content is exactly this HTML */
		readonly elementId: string
	) {}
}

/** The HTML itself, whichever way it came. */
export const htmlOf = (value: string | HtmlOnPage) => (typeof value === 'string' ? value : value.html);

/** The element holding a lesson's body on the lesson page. */
export const LESSON_BODY_ID = 'lesson-body';
