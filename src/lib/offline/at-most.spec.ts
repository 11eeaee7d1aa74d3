import { describe, expect, it } from 'vitest';
import { atMost } from './at-most';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('atMost', () => {
	it('does every item once, never more than the limit at a time', async () => {
		let running = 0;
		let most = 0;
		const done: number[] = [];
		await atMost(3, [1, 2, 3, 4, 5, 6, 7, 8], async (item) => {
			running++;
			most = Math.max(most, running);
			await tick();
			done.push(item);
			running--;
		});
		expect(done.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(most).toBe(3);
	});

	it('a lane takes the next item as soon as it finishes one', async () => {
		const finished: number[] = [];
		await atMost(2, [40, 1, 2, 3], async (ms) => {
			await new Promise((resolve) => setTimeout(resolve, ms));
			finished.push(ms);
		});
		// the slow first item does not hold back the three quick ones: the other lane does them
		expect(finished).toEqual([1, 2, 3, 40]);
	});

	it('fails with the first failure and starts nothing after it', async () => {
		const started: number[] = [];
		const run = atMost(1, [1, 2, 3], async (item) => {
			started.push(item);
			if (item === 2) throw new Error('two failed');
		});
		await expect(run).rejects.toThrow('two failed');
		expect(started).toEqual([1, 2]);
	});

	it('nothing to do is done at once', async () => {
		let calls = 0;
		await atMost(4, [], async () => void calls++);
		expect(calls).toBe(0);
	});
});
