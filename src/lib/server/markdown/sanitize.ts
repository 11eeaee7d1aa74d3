// The one HTML allow-list for everything rendered from Markdown. Course files are trusted,
// discussion posts are not; both go through here so a mistake in either stays harmless.
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: [
		'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li',
		'strong', 'em', 'del', 's', 'code', 'pre', 'a', 'img', 'table', 'thead', 'tbody',
		'tr', 'th', 'td', 'sup', 'sub', 'div', 'span'
	],
	allowedAttributes: {
		h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'],
		a: ['href', 'title', 'rel', 'target'],
		img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
		th: ['align', 'scope'],
		td: ['align'],
		ol: ['start'],
		code: ['class'],
		div: ['class', 'tabindex'],
		span: ['class', 'aria-hidden']
	},
	allowedClasses: { code: [/^language-[a-z0-9-]+$/], div: ['table-scroll'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	// Images only from this site: the CSP blocks others anyway, and learners on mobile data
	// should not be tracked or charged by third-party servers.
	allowedSchemesByTag: { img: [] },
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	transformTags: {
		a: (tagName, attribs) => {
			const external = /^https?:\/\//i.test(attribs.href ?? '');
			return {
				tagName,
				attribs: external ? { ...attribs, rel: 'noopener noreferrer nofollow ugc', target: '_blank' } : attribs
			};
		},
		img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
		// the only div kept is the table wrapper, and its tabindex can only be 0
		div: (tagName, attribs) => ({
			tagName,
			attribs: (attribs.class === 'table-scroll'
				? { class: 'table-scroll', tabindex: '0' }
				: {}) as sanitizeHtml.Attributes
		})
	}
};

export function sanitize(html: string): string {
	return sanitizeHtml(html, OPTIONS);
}
