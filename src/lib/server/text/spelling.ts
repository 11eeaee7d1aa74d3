// The house spelling (docs/authoring.md, "Chính tả"): tone marks on a final oa, oe, uy go on the
// second vowel (hoà, khoẻ, tuỳ), and the ratio word is "tỉ" (tỉ lệ). Both styles are correct
// Vietnamese; one course in one style reads as one voice, and a test keeps it that way.

/** A final oa/oe/uy with the tone on its first vowel ("hòa", "khỏe", "tùy"), not followed by a letter. */
const OLD_TONE_PLACEMENT = /[òóỏõọ][ae](?!\p{L})|[ùúủũụ]y(?!\p{L})/giu;
const OLD_RATIO = /(?<!\p{L})tỷ (?:lệ|số)(?!\p{L})/giu;
const OLD_QUY = /(?<!\p{L})quí(?!\p{L})/giu;

/** Words of a text (NFC) written in the other style, in order of appearance. */
export function otherStyleWords(text: string): string[] {
	const nfc = text.normalize('NFC');
	const found: { at: number; word: string }[] = [];
	for (const pattern of [OLD_TONE_PLACEMENT, OLD_RATIO, OLD_QUY]) {
		for (const match of nfc.matchAll(pattern)) found.push({ at: match.index, word: wordAround(nfc, match.index, match[0].length) });
	}
	return found.sort((a, b) => a.at - b.at).map((f) => f.word);
}

function wordAround(text: string, at: number, length: number): string {
	let start = at;
	while (start > 0 && /\p{L}/u.test(text[start - 1]!)) start--;
	let end = at + length;
	while (end < text.length && /\p{L}/u.test(text[end]!)) end++;
	return text.slice(start, end);
}
