import { describe, expect, it } from 'vitest';
import { formatTimeLeft, isUrgent, minutesToAnnounce, timeLeft } from './countdown';

describe('the countdown', () => {
	it('counts to zero and no further', () => {
		expect(timeLeft(10_000, 4_000)).toBe(6_000);
		expect(timeLeft(10_000, 12_000)).toBe(0);
	});

	it('shows minutes and two-digit seconds, rounding down', () => {
		expect(formatTimeLeft(0)).toBe('0:00');
		expect(formatTimeLeft(5_999)).toBe('0:05');
		expect(formatTimeLeft(9 * 60_000 + 5_000)).toBe('9:05');
		expect(formatTimeLeft(90 * 60_000)).toBe('90:00');
	});

	it('is urgent in the last minute', () => {
		expect(isUrgent(60_000)).toBe(false);
		expect(isUrgent(59_999)).toBe(true);
	});

	it('announces five and one minute left, once each, and only when just reached', () => {
		expect(minutesToAnnounce(5 * 60_000 + 1, new Set())).toBeNull();
		expect(minutesToAnnounce(5 * 60_000, new Set())).toBe(5);
		expect(minutesToAnnounce(4 * 60_000 + 30_000, new Set([5]))).toBeNull();
		expect(minutesToAnnounce(3 * 60_000, new Set())).toBeNull();
		expect(minutesToAnnounce(60_000, new Set([5]))).toBe(1);
		expect(minutesToAnnounce(1_000, new Set([5, 1]))).toBeNull();
		expect(minutesToAnnounce(0, new Set())).toBeNull();
	});
});
