// Where the learner is in a lesson, as plain functions of what the page measures: the section
// being read, and whether the end counts as reached.

/** Seeing the end of a short lesson at once is not reading it: scrolling, or this long open, is. */
export const MIN_OPEN_BEFORE_END_MS = 10_000;

/** The last section whose heading has passed the upper third of the screen; else the first. */
export function currentSection(headings: { id: string; top: number }[], viewportHeight: number): string | null {
	let current: string | null = null;
	for (const heading of headings) {
		if (heading.top - viewportHeight * 0.3 <= 0) current = heading.id;
	}
	return current ?? headings[0]?.id ?? null;
}

export function endReached(state: { endVisible: boolean; scrolled: boolean; openMs: number }): boolean {
	return state.endVisible && (state.scrolled || state.openMs >= MIN_OPEN_BEFORE_END_MS);
}
