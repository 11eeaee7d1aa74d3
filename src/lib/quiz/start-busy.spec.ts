import { describe, expect, it } from 'vitest';
import { busyRetryAfter, unreachable } from './start-busy';

describe('busyRetryAfter', () => {
	it('reads the seconds from the server’s 503 answer', () => {
		expect(busyRetryAfter({ message: 'Máy chủ đang quá tải', retryAfter: 5 })).toBe(5);
		expect(busyRetryAfter({ message: 'x', retryAfter: 0.2 })).toBe(1);
		expect(busyRetryAfter({ message: 'x', retryAfter: 3600 })).toBe(30);
	});

	it('is null for an action result or anything else', () => {
		expect(busyRetryAfter({ type: 'redirect', status: 303, location: '/x' })).toBeNull();
		expect(busyRetryAfter({ type: 'failure', status: 409, data: { retryAfter: 5 } })).toBeNull();
		expect(busyRetryAfter({ message: 'x' })).toBeNull();
		expect(busyRetryAfter({ retryAfter: '5' })).toBeNull();
		expect(busyRetryAfter({ retryAfter: Number.NaN })).toBeNull();
		expect(busyRetryAfter(null)).toBeNull();
		expect(busyRetryAfter('busy')).toBeNull();
	});
});

describe('unreachable', () => {
	it('is an error without a status: the fetch failed or the answer was not the app’s', () => {
		expect(unreachable({ type: 'error' })).toBe(true);
		expect(unreachable({ type: 'error', status: 500 })).toBe(false);
		expect(unreachable({ type: 'redirect', status: 303 })).toBe(false);
	});
});
