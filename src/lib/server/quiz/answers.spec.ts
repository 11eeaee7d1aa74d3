import { describe, expect, it } from 'vitest';
import { decodeAnswer, encodeAnswer } from './answers';
import type { Response } from './types';

// every type of answer, with text that JSON escapes (quotes, a backslash, a line break, Vietnamese)
const ANSWERS: Response[] = [
	{ type: 'single', choice: 'c-992a6579' },
	{ type: 'truefalse', choice: 'c-83eb5874' },
	{ type: 'multiple', choices: ['c-34d026ba', 'c-65a14cdc'] },
	{ type: 'multiple', choices: [] },
	{ type: 'short', text: 'Nghị định “282/2025” \\ "trích"\ndòng hai' },
	{ type: 'matching', pairs: { 'l-2': 'r-1', 'l-1': 'r-2' } },
	{ type: 'ordering', order: ['s-3', '', 's-1'] }
];

describe('answers stored by their value only', () => {
	it('gives back exactly the answer saved, and the JSON it was stored as before 022', () => {
		for (const answer of ANSWERS) {
			const stored = encodeAnswer(answer.type, answer);
			expect(stored.length).toBeLessThan(JSON.stringify(answer).length - 15);
			const read = decodeAnswer(answer.type, stored);
			expect(read).toStrictEqual(answer);
			// byte for byte, key order included: what the view quiz_response rebuilds in SQL
			expect(JSON.stringify(read)).toBe(JSON.stringify(answer));
		}
	});

	it('refuses an answer of another type than its question (it would read back as the question’s)', () => {
		expect(() => encodeAnswer('truefalse', { type: 'single', choice: 'c-1' })).toThrow(/a single answer to a truefalse question/);
	});
});
