import { describe, expect, it } from 'vitest';
import { choosePosition } from './ordering';

describe('choosing a position for a step', () => {
	it('takes a free position', () => {
		expect(choosePosition({ a: '', b: '' }, 'a', '2')).toEqual({ a: '2', b: '' });
	});

	it('swaps with the step that held it', () => {
		expect(choosePosition({ a: '1', b: '2', c: '3' }, 'a', '3')).toEqual({ a: '3', b: '2', c: '1' });
	});

	it('leaves the other step blank when the chooser had no position yet', () => {
		expect(choosePosition({ a: '', b: '2' }, 'a', '2')).toEqual({ a: '2', b: '' });
	});

	it('clears a position without touching the others', () => {
		expect(choosePosition({ a: '1', b: '2' }, 'a', '')).toEqual({ a: '', b: '2' });
	});
});
