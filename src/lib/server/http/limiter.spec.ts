import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLimiter } from './limiter';

describe('createLimiter', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('admits up to the in-flight limit at once', async () => {
		const limiter = createLimiter({ inFlight: 2, queued: 0, timeoutMs: 1000 });
		expect(await limiter.acquire()).toBe(true);
		expect(await limiter.acquire()).toBe(true);
		expect(await limiter.acquire()).toBe(false);
		expect(limiter.active).toBe(2);
	});

	it('queues past the limit and hands a released slot to the first in line', async () => {
		const limiter = createLimiter({ inFlight: 1, queued: 2, timeoutMs: 1000 });
		await limiter.acquire();
		const order: string[] = [];
		const second = limiter.acquire().then((ok) => order.push(`second:${ok}`));
		const third = limiter.acquire().then((ok) => order.push(`third:${ok}`));
		expect(await limiter.acquire()).toBe(false); // the queue is full
		expect(limiter.waiting).toBe(2);
		limiter.release();
		await second;
		expect(order).toEqual(['second:true']);
		limiter.release();
		await third;
		expect(order).toEqual(['second:true', 'third:true']);
		limiter.release();
		expect(limiter.active).toBe(0);
	});

	it('turns a request away after waiting too long, and forgets it', async () => {
		const limiter = createLimiter({ inFlight: 1, queued: 5, timeoutMs: 1000 });
		await limiter.acquire();
		const waiting = limiter.acquire();
		vi.advanceTimersByTime(1000);
		expect(await waiting).toBe(false);
		expect(limiter.waiting).toBe(0);
		limiter.release();
		expect(limiter.active).toBe(0);
		expect(await limiter.acquire()).toBe(true);
	});
});
