// The `?page=` of a paged list (a board's threads, a thread's posts).

/**
 * The page a `?page=` asks for, within 1…pages. Missing or not a number: the first. Past the end
 * (things moved or were hidden since the link was made): the last, rather than an empty page.
 */
export function pageParam(url: URL, pages: number): number {
	const asked = Math.floor(Number(url.searchParams.get('page')));
	return Math.min(Math.max(1, pages), Math.max(1, asked || 1));
}
