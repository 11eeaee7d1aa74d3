import { describe, expect, it } from 'vitest';
import { pageParam } from './page-param';

const at = (query: string) => new URL(`http://localhost/board${query}`);

describe('pageParam', () => {
	it('reads the page asked for', () => {
		expect(pageParam(at('?page=2'), 3)).toBe(2);
	});

	it('takes the first page when none, or nothing sensible, is asked for', () => {
		for (const query of ['', '?page=', '?page=abc', '?page=0', '?page=-4', '?page=NaN']) expect(pageParam(at(query), 3)).toBe(1);
	});

	it('takes the last page for one past the end, and whole pages only', () => {
		expect(pageParam(at('?page=99'), 3)).toBe(3);
		expect(pageParam(at('?page=Infinity'), 3)).toBe(3);
		expect(pageParam(at('?page=2.7'), 3)).toBe(2);
	});

	it('has a first page even when the list is empty', () => {
		expect(pageParam(at('?page=5'), 0)).toBe(1);
	});
});
