// Search over posts, insensitive to case and Vietnamese diacritics: the index holds folded text,
// queries are folded the same way, and the snippet marks the match in the original text.
import { foldVietnamese } from '../markdown/slug';

/** "Mại Dâm" → "mai dam"; each character of NFC text folds to exactly one character, so
 * positions in folded text are positions in the original. */
export function foldForSearch(text: string): string {
	return [...text.normalize('NFC')]
		.map((ch) => (foldVietnamese(ch).normalize('NFC')[0] ?? ch).toLowerCase())
		.join('');
}

/** An FTS5 query that matches all the words of what a person typed, as prefixes. */
export function toFtsQuery(input: string): string | null {
	const words = foldForSearch(input)
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length > 0)
		.slice(0, 8);
	if (words.length === 0) return null;
	return words.map((w) => `"${w}"*`).join(' ');
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A short piece of `text` around the first match, with every match wrapped in <mark>. */
export function snippet(text: string, input: string, width = 160): string {
	const original = [...text.normalize('NFC').replace(/\s+/g, ' ')];
	const folded = foldForSearch(original.join(''));
	const words = foldForSearch(input)
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
	const hits: [number, number][] = [];
	for (const word of words) {
		let from = 0;
		for (;;) {
			const at = folded.indexOf(word, from);
			if (at < 0) break;
			hits.push([at, at + word.length]);
			from = at + word.length;
		}
	}
	hits.sort((a, b) => a[0] - b[0]);
	const first = hits[0]?.[0] ?? 0;
	const start = Math.max(0, first - Math.floor(width / 3));
	const end = Math.min(original.length, start + width);
	let out = start > 0 ? '…' : '';
	let i = start;
	for (const [a, b] of hits) {
		if (b <= i || a >= end) continue;
		const from = Math.max(a, i);
		out += escapeHtml(original.slice(i, from).join(''));
		out += `<mark>${escapeHtml(original.slice(from, Math.min(b, end)).join(''))}</mark>`;
		i = Math.min(b, end);
	}
	out += escapeHtml(original.slice(i, end).join(''));
	return end < original.length ? `${out}…` : out;
}
