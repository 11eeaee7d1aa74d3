import { describe, expect, it } from 'vitest';
import { currentSection, endReached, MIN_OPEN_BEFORE_END_MS } from './reading';

describe('reading position', () => {
	const headings = (tops: number[]) => tops.map((top, i) => ({ id: `muc-${i + 1}`, top }));

	it('is the last section whose heading passed the upper third of the screen', () => {
		expect(currentSection(headings([50, 900, 1800]), 600)).toBe('muc-1');
		expect(currentSection(headings([-900, 100, 700]), 600)).toBe('muc-2');
		expect(currentSection(headings([-2000, -1000, -10]), 600)).toBe('muc-3');
	});

	it('is the first section before any heading is reached, and nothing without sections', () => {
		expect(currentSection(headings([400, 1200]), 600)).toBe('muc-1');
		expect(currentSection([], 600)).toBeNull();
	});

	it('counts the end as reached once it is seen after scrolling, or after a while on a short page', () => {
		expect(endReached({ endVisible: true, scrolled: false, openMs: 100 })).toBe(false);
		expect(endReached({ endVisible: true, scrolled: true, openMs: 100 })).toBe(true);
		expect(endReached({ endVisible: true, scrolled: false, openMs: MIN_OPEN_BEFORE_END_MS })).toBe(true);
		expect(endReached({ endVisible: false, scrolled: true, openMs: MIN_OPEN_BEFORE_END_MS })).toBe(false);
	});
});
