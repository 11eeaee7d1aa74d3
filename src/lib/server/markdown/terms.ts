// Links glossary terms in a lesson: the first use of each term (any of its spellings, case and
// Unicode form aside) becomes a link to its glossary entry. Headings, links, code and raw HTML are
// left alone: a link inside a link is invalid, and a heading is not where a word is first read.
import type { Token, Tokens } from 'marked';

export interface LinkedTerm {
	id: string;
	/** the spellings that count as a use of the term */
	matches: string[];
}

export interface TermLinks {
	terms: LinkedTerm[];
	href: (id: string) => string;
}

const SKIP = new Set(['heading', 'link', 'image', 'codespan', 'code', 'html', 'directive']);

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Vietnamese writes the tone mark of "oa", "oe", "uy" in two places ("hòa" and "hoà"; "thủy" and
 * "thuỷ"). Both become the second style here, letter for letter (NFC), so a term matches whichever
 * style a lesson uses and positions in the text stay the same.
 */
export function sameTonePlacement(text: string): string {
	return text.replace(/[òóỏõọÒÓỎÕỌ][aeAE]|[ùúủũụÙÚỦŨỤ][yY]/g, (pair) => {
		const [base, mark] = [...pair[0]!.normalize('NFD')] as [string, string];
		return base + (pair[1]! + mark).normalize('NFC');
	});
}

/** Links the first use of each term among `tokens`, in reading order; changes the tokens. */
export function linkTerms(tokens: Token[], links: TermLinks): void {
	// the longest spelling first, so "người bán dâm" is found before a shorter term inside it
	const spellings = links.terms
		.flatMap((term) => term.matches.map((match) => ({ id: term.id, match: sameTonePlacement(match.normalize('NFC')) })))
		.filter((s) => s.match.trim() !== '')
		.sort((a, b) => b.match.length - a.match.length);
	if (spellings.length === 0) return;
	// the first letter in either case (a term may open a sentence), the rest as written, so an
	// abbreviation such as "PEP" is not found inside an ordinary word
	const key = (text: string) => text.slice(0, 1).toLocaleLowerCase('vi') + text.slice(1);
	const idOf = new Map(spellings.map((s) => [key(s.match), s.id]));
	const alternative = (match: string) => {
		const first = [...match][0]!;
		const rest = match.slice(first.length);
		const cases = new Set([first.toLocaleLowerCase('vi'), first.toLocaleUpperCase('vi')]);
		return `[${[...cases].map(escapeRegExp).join('')}]${escapeRegExp(rest)}`;
	};
	// a letter or digit on either side means the spelling is part of a longer word
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${spellings.map((s) => alternative(s.match)).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
	const linked = new Set<string>();

	const linkText = (token: Tokens.Text) => {
		const text = token.text.normalize('NFC');
		const comparable = sameTonePlacement(text);
		let html = '';
		let last = 0;
		let changed = false;
		for (const found of comparable.matchAll(pattern)) {
			const id = idOf.get(key(found[0]));
			if (!id || linked.has(id)) continue;
			linked.add(id);
			changed = true;
			const end = found.index + found[0].length;
			// the words as the lesson wrote them
			html += escapeHtml(text.slice(last, found.index)) + `<a href="${escapeHtml(links.href(id))}">${escapeHtml(text.slice(found.index, end))}</a>`;
			last = end;
		}
		if (!changed) return;
		token.text = html + escapeHtml(text.slice(last));
		token.escaped = true;
	};

	const walk = (list: Token[] | undefined) => {
		for (const token of list ?? []) {
			if (SKIP.has(token.type)) continue;
			if (token.type === 'table') {
				const table = token as Tokens.Table;
				for (const cell of table.header) walk(cell.tokens);
				for (const row of table.rows) for (const cell of row) walk(cell.tokens);
			} else if (token.type === 'list') {
				for (const item of (token as Tokens.List).items) walk(item.tokens);
			} else if ('tokens' in token && token.tokens) {
				walk(token.tokens);
			} else if (token.type === 'text') {
				linkText(token as Tokens.Text);
			}
		}
	};
	walk(tokens);
}
