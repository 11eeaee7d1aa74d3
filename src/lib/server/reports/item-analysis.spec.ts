import { describe, expect, it } from 'vitest';
import { analyseItems } from './item-analysis';
import type { AttemptResult } from './quiz-results';

/** Attempts at a one-question quiz: each attempt's total percent and its points out of 1000. */
function attempts(rows: [total: number, points: number][]): AttemptResult[] {
	return rows.map(([total, score], i) => ({
		id: i + 1,
		userId: i + 1,
		number: 1,
		startedAt: 0,
		submittedAt: 1,
		percent: total,
		passed: total >= 50,
		questions: new Map([['cau', { points: 1000, score, response: { type: 'single' as const, choice: 'a' }, position: 0 }]])
	}));
}

const item = (rows: [number, number][]) => analyseItems(null, attempts(rows)).items[0]!;

describe('item analysis flags and figures', () => {
	it('shows the discrimination rounded down, as the flag reads it: 0.199 is 0.19 and weak', () => {
		// 8 attempts: the top 2 earned 19.9% of the points, the bottom 2 none
		const shown = item([[100, 199], [90, 199], [80, 1000], [70, 1000], [60, 1000], [50, 1000], [40, 0], [30, 0]]);
		expect(shown.discrimination).toBe(0.19);
		expect(shown.discrimination!.toFixed(2)).toBe('0.19');
		expect(shown.flags).toEqual(['weak']);
	});

	it('flags a question that is too easy and also weak with both', () => {
		const everyoneRight = item(Array.from({ length: 10 }, (_, i): [number, number] => [100 - i * 5, 1000]));
		expect(everyoneRight).toMatchObject({ facility: 100, discrimination: 0, flags: ['tooEasy', 'weak'] });
	});

	it('does not flag an index of exactly 0.2 that floating point computes as 0.19999…', () => {
		// 20 attempts, groups of 5: the top all right, one of the bottom 5 wrong: 1 − 0.8
		const rows = Array.from({ length: 20 }, (_, i): [number, number] => [100 - i, i === 19 ? 0 : 1000]);
		expect(item(rows)).toMatchObject({ facility: 95, discrimination: 0.2, flags: ['tooEasy'] });
	});

	it('flags the facility from the whole percent shown: 90.4% shows as 90% and is not "too easy"', () => {
		// 7 attempts (too few for discrimination), 904 of 1000 points each
		const rows = Array.from({ length: 7 }, (_, i): [number, number] => [100 - i, 904]);
		expect(item(rows)).toMatchObject({ facility: 90, discrimination: null, flags: [] });
	});
});
