// Markdown → safe HTML, on the server. Headings get stable anchor ids; `##` headings are the
// sections a lesson is tracked by. Relative links and images can be rewritten to served URLs.
import { Marked, Renderer, type Tokens, type TokensList } from 'marked';
import { createSlugger } from './slug';
import { sanitize } from './sanitize';
import { linkTerms, type TermLinks } from './terms';
import { showsNothing, stripRawHtml } from '$lib/markdown/raw-html';

export { showsNothing, stripRawHtml };

export interface Section {
	id: string;
	title: string;
}

export interface RenderOptions {
	/** turns a relative link or image path ("media/x.svg") into the URL it is served at */
	resolveRelative?: (path: string) => string;
	/** the HTML of a directive line (`::name argument`, courses/directives.ts); without it such a
	 * line is an ordinary paragraph */
	directive?: (name: string, argument: string) => string;
	/** glossary terms to link on their first use (./terms.ts) */
	terms?: TermLinks;
}

export interface Rendered {
	html: string;
	sections: Section[];
}

type AnchoredHeading = Tokens.Heading & { anchorId?: string };

const RELATIVE = /^(?![a-z][a-z0-9+.-]*:|\/|#)/i;

type DirectiveToken = Tokens.Generic & { name: string; argument: string };

function createMarked(directive?: RenderOptions['directive']): Marked {
	return new Marked({
		gfm: true,
		extensions: directive
			? [
					{
						name: 'directive',
						level: 'block',
						start: (src: string) => src.match(/^::[a-z]/m)?.index,
						tokenizer(src: string) {
							const match = /^::([a-z][a-z0-9-]*)(?:[ \t]+([^\n]*?))?[ \t]*(?:\n|$)/.exec(src);
							if (!match) return undefined;
							return { type: 'directive', raw: match[0], name: match[1]!, argument: match[2] ?? '' } satisfies DirectiveToken;
						},
						renderer: (token) => directive((token as DirectiveToken).name, (token as DirectiveToken).argument)
					}
				]
			: [],
		renderer: {
			heading(token) {
				const { anchorId } = token as AnchoredHeading;
				const inner = this.parser.parseInline(token.tokens);
				// Authors' `#` headings become h2: the page title is the only h1.
				const level = Math.max(token.depth, 2);
				return anchorId
					? `<h${level} id="${anchorId}">${inner}</h${level}>\n`
					: `<h${level}>${inner}</h${level}>\n`;
			},
			checkbox({ checked }) {
				// A task list in a lesson is a list of points to keep in mind, not a form: a drawn box
				// looked tappable on a phone and did nothing. Its items are ordinary bullets; one
				// marked done keeps a tick (text, not a control). Quiz choices (`- [x]` marks the
				// right answer) never come here: the quiz parser reads them itself.
				return checked ? '✓ ' : '';
			},
			table(token) {
				// Wide tables scroll sideways on a phone; the wrapper takes keyboard focus so the
				// scrolling works without a mouse too.
				const html = Renderer.prototype.table.call(this, token);
				return `<div class="table-scroll" tabindex="0">${html}</div>\n`;
			}
		}
	});
}

/** Plain text of a heading, for the table of contents. */
function headingText(token: Tokens.Heading): string {
	return token.text.replace(/[*_`~]/g, '').trim();
}

export function renderMarkdown(markdown: string, options: RenderOptions = {}): Rendered {
	const marked = createMarked(options.directive);
	const tokens: TokensList = marked.lexer(markdown);
	const { resolveRelative } = options;
	if (resolveRelative) {
		marked.walkTokens(tokens, (token) => {
			if ((token.type === 'link' || token.type === 'image') && RELATIVE.test(token.href)) {
				token.href = resolveRelative(token.href);
			}
		});
	}
	const slug = createSlugger();
	const sections: Section[] = [];
	for (const token of tokens) {
		if (token.type !== 'heading') continue;
		const heading = token as AnchoredHeading;
		if (heading.depth > 3) continue;
		heading.anchorId = slug(headingText(heading));
		if (heading.depth === 2) sections.push({ id: heading.anchorId, title: headingText(heading) });
	}
	if (options.terms) linkTerms(tokens, options.terms);
	const html = marked.parser(tokens);
	return { html: sanitize(html), sections };
}

/** For untrusted text (discussion posts): raw HTML dropped, then the same pipeline. */
export function renderUntrustedMarkdown(markdown: string): string {
	return renderMarkdown(stripRawHtml(markdown)).html;
}


const inlineMarked = new Marked({ gfm: true });

/** One line of Markdown (a choice, a matching item) → safe inline HTML. */
export function renderInlineMarkdown(text: string): string {
	return sanitize(inlineMarked.parseInline(text) as string);
}

/** Inline HTML from the renderer → plain text, for places that cannot hold markup (an <option>). */
export function htmlToText(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.trim();
}
