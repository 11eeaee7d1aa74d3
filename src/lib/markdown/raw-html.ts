// Raw HTML in untrusted Markdown (discussion posts): dropped before rendering, and detected so
// the writer can be told it will not show. Shared: the server renders with it, and the post form
// (rendered on the server, but a component) says when a draft holds HTML.

/**
 * Removes raw HTML tags and comments from untrusted Markdown, except inside code, before it is
 * parsed. Posts are written in Markdown; dropping tags first means Markdown wrapped in stray HTML
 * (`<p>Văn bản **đậm**</p>`) still renders, and the sanitiser after it has less to catch.
 */
export function stripRawHtml(markdown: string): string {
	// fenced blocks and inline code spans keep their text exactly
	const parts = markdown.split(/(^(?:```|~~~)[^\n]*\n[\s\S]*?(?:^(?:```|~~~)[^\n]*$|(?![\s\S]))|`[^`\n]+`)/m);
	return parts
		.map((part, i) =>
			i % 2 === 1
				? part
				: part
						// elements whose content is code or markup, not text: dropped whole
						.replace(/<(script|style|iframe|object|embed|svg|math|template|noscript|textarea|title)\b[\s\S]*?(<\/\1\s*>|$)/gi, '')
						.replace(/<!--[\s\S]*?(-->|$)|<\/?[a-zA-Z][^>]*(>|$)/g, '')
		)
		.join('');
}

/** The text holds raw HTML (outside code) that will not be shown. */
export function hasRawHtml(markdown: string): boolean {
	return stripRawHtml(markdown) !== markdown;
}

/**
 * Rendered HTML that shows nothing: no text and no image. A post typed only as HTML renders so
 * (its tags are dropped) and would be an empty card on the board.
 */
export function showsNothing(html: string): boolean {
	return !/<img\b/i.test(html) && html.replace(/<[^>]*>/g, '').trim() === '';
}
