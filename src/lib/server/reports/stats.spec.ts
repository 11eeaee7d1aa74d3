import { describe, expect, it } from 'vitest';
import { discrimination, facility, histogram, itemFlags, mean, median, percentOf, roundDown, type ItemResult } from './stats';

describe('averages', () => {
	it('mean and median, empty lists give null', () => {
		expect(mean([])).toBeNull();
		expect(median([])).toBeNull();
		expect(mean([1, 2, 6])).toBe(3);
		expect(median([7, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});

	it('percentOf rounds and knows an empty cohort', () => {
		expect(percentOf(1, 3)).toBe(33);
		expect(percentOf(2, 3)).toBe(67);
		expect(percentOf(0, 0)).toBeNull();
	});
});

describe('histogram', () => {
	it('puts 100 in the last bin and each score in its own ten', () => {
		const bins = histogram([0, 9.99, 10, 55, 90, 100, 100]);
		expect(bins).toHaveLength(10);
		expect(bins.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 3]);
		expect(bins[9]).toEqual({ from: 90, to: 100, count: 3 });
	});
});

describe('item statistics, on a hand-computed example', () => {
	// ten attempts ranked by total; 27% of 10 → groups of 2
	const totals = [95, 90, 80, 70, 60, 50, 40, 30, 20, 10];
	const item = (fractions: number[]): ItemResult[] =>
		fractions.map((fraction, i) => ({ attempt: i + 1, total: totals[i]!, fraction }));

	it('facility is the mean fraction earned, as a percent', () => {
		expect(facility(item([1, 1, 1, 0, 1, 0, 1, 0, 0, 0]))).toBe(50);
		expect(facility(item([1, 0.5, 0.5, 0, 0, 0, 0, 0, 0, 0]))).toBe(20);
		expect(facility([])).toBeNull();
	});

	it('discrimination compares the top and bottom 27%', () => {
		// top two: 1, 1 → 1; bottom two: 0, 0 → 0
		expect(discrimination(item([1, 1, 1, 0, 1, 0, 1, 0, 0, 0]))).toBe(1);
		// top: 0, 0.5 → 0.25; bottom: 1, 1 → 1: weaker learners do better
		expect(discrimination(item([0, 0.5, 1, 1, 1, 1, 1, 1, 1, 1]))).toBe(-0.75);
		// everyone right: no separation
		expect(discrimination(item(Array(10).fill(1)))).toBe(0);
	});

	it('needs at least two attempts per group', () => {
		expect(discrimination(item([1, 0, 1, 0, 1, 0, 1]).slice(0, 7))).toBeNull(); // 27% of 7 = 1
		expect(discrimination(item([1, 0, 1, 0, 1, 0, 1, 0]))).not.toBeNull(); // 27% of 8 = 2
	});

	it('ranks ties by attempt so the answer does not depend on row order', () => {
		const tied: ItemResult[] = [
			{ attempt: 3, total: 50, fraction: 0 },
			{ attempt: 1, total: 50, fraction: 1 },
			{ attempt: 2, total: 50, fraction: 1 },
			{ attempt: 4, total: 50, fraction: 0 },
			{ attempt: 5, total: 50, fraction: 0 },
			{ attempt: 6, total: 50, fraction: 0 },
			{ attempt: 7, total: 50, fraction: 1 },
			{ attempt: 8, total: 50, fraction: 1 }
		];
		expect(discrimination(tied)).toBe(discrimination([...tied].reverse()));
		expect(discrimination(tied)).toBe(0); // top: attempts 1,2 (1,1); bottom: 7,8 (1,1)
	});
});

describe('itemFlags', () => {
	it('flags easy, hard, negative and weak questions', () => {
		// both facts, as Moodle's statistics shows both figures: a question everyone gets right
		// also tells nothing about who understood
		expect(itemFlags(95, 0.1)).toEqual(['tooEasy', 'weak']);
		expect(itemFlags(100, 0)).toEqual(['tooEasy', 'weak']);
		expect(itemFlags(95, 0.2)).toEqual(['tooEasy']);
		expect(itemFlags(10, 0.19)).toEqual(['tooHard', 'weak']);
		// a negative index is under 0.2 too, but "negative" says more
		expect(itemFlags(95, -0.1)).toEqual(['tooEasy', 'negative']);
		expect(itemFlags(10, 0.5)).toEqual(['tooHard']);
		expect(itemFlags(50, -0.2)).toEqual(['negative']);
		expect(itemFlags(50, 0.1)).toEqual(['weak']);
		expect(itemFlags(60, 0.45)).toEqual([]);
		expect(itemFlags(null, null)).toEqual([]);
	});
});

describe('roundDown', () => {
	it('cuts to the decimals shown, so a figure never reads as reaching a threshold it misses', () => {
		expect(roundDown(0.199, 2)).toBe(0.19);
		expect(roundDown(0.19, 2)).toBe(0.19);
		expect(roundDown(0.2999, 2)).toBe(0.29);
		expect(roundDown(-0.001, 2)).toBe(-0.01);
		expect(roundDown(0.456, 2)).toBe(0.45);
	});

	it('ignores floating-point noise: 1 − 0.8 is 0.2, not 0.19', () => {
		expect(1 - 0.8).toBeLessThan(0.2);
		expect(roundDown(1 - 0.8, 2)).toBe(0.2);
		expect(roundDown(0.7 - 0.5, 2)).toBe(0.2);
	});
});
