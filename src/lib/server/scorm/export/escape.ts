// Text into XML and HTML, in element content and in quoted attributes alike.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeMarkup(text: string): string {
	return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}
