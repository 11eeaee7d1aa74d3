import { describe, expect, it } from 'vitest';
import { boardPath, threadAction } from './index';

describe('threadAction', () => {
	it('keeps the page in the address so a refused post shows the same posts', () => {
		expect(threadAction('report', { page: 3 }, 'post-12')).toBe('?page=3&/report#post-12');
	});

	it('keeps the quote and the post being edited', () => {
		expect(threadAction('reply', { page: 1, quote: 7 }, 'reply')).toBe('?page=1&quote=7&/reply#reply');
		expect(threadAction('edit', { page: 2, edit: 9 }, 'post-9')).toBe('?page=2&edit=9&/edit#post-9');
	});

	it('leaves out what is not there', () => {
		expect(threadAction('reply', { page: 1, quote: null, edit: null }, 'reply')).toBe('?page=1&/reply#reply');
	});

	it('names the action the way SvelteKit reads it', () => {
		const url = new URL(threadAction('reply', { page: 2, quote: 5 }, 'reply'), 'http://localhost/t/1');
		expect([...url.searchParams.keys()].find((key) => key.startsWith('/'))).toBe('/reply');
		expect(url.searchParams.get('page')).toBe('2');
		expect(url.hash).toBe('#reply');
	});
});

describe('boardPath', () => {
	it('addresses a module board and the course’s general board', () => {
		expect(boardPath('k', 'thao-luan')).toBe('/courses/k/thao-luan/discussions');
		expect(boardPath('k', null)).toBe('/courses/k/discussions');
	});
});
