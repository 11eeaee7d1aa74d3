import { describe, expect, it } from 'vitest';
import { cpuTicksOf, expectedUnread, memoryOf, proportionalKbOf, sortedMoments, spread, summarise, table } from './stats';

describe('summarise', () => {
	it('takes nearest-rank percentiles, never between two samples', () => {
		const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted
		expect(summarise(samples)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100, runs: 100 });
		expect(summarise([3, 1, 2])).toEqual({ p50: 2, p95: 3, p99: 3, max: 3, runs: 3 });
	});

	it('sorts numbers as numbers', () => {
		expect(summarise([10, 9, 100, 2]).max).toBe(100);
		expect(summarise([10, 9, 100, 2]).p50).toBe(9);
	});

	it('says nothing of no samples', () => {
		expect(summarise([]).runs).toBe(0);
		expect(summarise([]).p95).toBeNaN();
	});
});

describe('reading /proc', () => {
	it('finds the resident and peak memory in a status file', () => {
		const status = 'Name:\tnode\nVmPeak:\t 1200 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nThreads:\t11\n';
		expect(memoryOf(status)).toEqual({ rssKb: 102400, peakKb: 204800 });
	});

	it('finds the proportional set size in smaps_rollup', () => {
		expect(proportionalKbOf('55d4a5176000-7fffa77e7000 ---p 00000000 00:00 0  [rollup]\nRss:   1664 kB\nPss:    557 kB\nPss_Dirty:  116 kB\n')).toBe(557);
	});

	it('adds user and system time from a stat line, whatever the command name holds', () => {
		const stat = '4242 (node (worker) 1) S 4200 4242 4200 0 -1 4194304 1000 0 0 0 150 25 0 0 20 0 11 0 500';
		expect(cpuTicksOf(stat)).toBe(175);
	});
});

describe('schedules', () => {
	it('spreads clients over the window', () => {
		let i = 0;
		const steps = [0, 0.5, 0.999];
		expect(spread(3, 1000, 10_000, () => steps[i++]!)).toEqual([1000, 6000, 10_990]);
	});

	it('orders one client’s moments', () => {
		const values = [0.9, 0.1, 0.5];
		const moments = sortedMoments(3, 0, 100, () => values.shift()!);
		expect(moments.map(Math.round)).toEqual([10, 50, 90]);
	});
});

describe('expectedUnread', () => {
	const posts = [
		{ id: 1, threadId: 10, authorId: 1 },
		{ id: 2, threadId: 10, authorId: 2 },
		{ id: 3, threadId: 10, authorId: 3 },
		{ id: 4, threadId: 11, authorId: 2 },
		{ id: 5, threadId: 10, authorId: 2 }
	];

	it('counts others’ posts above the last one the reader was shown', () => {
		expect(expectedUnread(posts, 9, new Map([[10, 2]]))).toEqual(new Map([[10, 2], [11, 1]]));
	});

	it('never counts the reader’s own posts, and writing marks the thread read up to that post', () => {
		// reader 3 wrote post 3: posts 1 and 2 are read by then, post 5 is new
		expect(expectedUnread(posts, 3, new Map())).toEqual(new Map([[10, 1], [11, 1]]));
		// reader 2 wrote post 5, the last of thread 10
		expect(expectedUnread(posts, 2, new Map())).toEqual(new Map([[10, 0], [11, 0]]));
	});

	it('lists every thread, with 0 when nothing is new', () => {
		expect(expectedUnread(posts, 9, new Map([[10, 5], [11, 4]]))).toEqual(new Map([[10, 0], [11, 0]]));
	});
});

describe('table', () => {
	it('writes a Markdown table, numbers aligned right', () => {
		expect(table(['page', 'p95'], [['home', '12 ms']])).toBe('| page | p95 |\n| --- | ---: |\n| home | 12 ms |');
	});
});
