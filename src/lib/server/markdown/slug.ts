// Anchor ids for headings: Vietnamese folded to plain ASCII ("Tình huống" → "tinh-huong"),
// made unique within one document.
export function foldVietnamese(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D');
}

export function slugify(text: string): string {
	const slug = foldVietnamese(text)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return slug || 'muc';
}

export function createSlugger() {
	const seen = new Map<string, number>();
	return (text: string): string => {
		const base = slugify(text);
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		return count === 0 ? base : `${base}-${count}`;
	};
}
