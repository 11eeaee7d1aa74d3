import { describe, expect, it } from 'vitest';
import { nightShift } from './plan';

const HOUR = 3_600_000;
// 10 March 2026, midnight in Viet Nam (UTC+7)
const DAY0 = Date.UTC(2026, 2, 10) - 7 * HOUR;

describe('nightShift', () => {
	it('leaves a session in the day where it is', () => {
		expect(nightShift([DAY0 + 20 * HOUR, DAY0 + 22 * HOUR, DAY0 + 24.5 * HOUR])).toBe(0);
	});

	it('moves a session that runs past 1 a.m. to six the next morning, whole', () => {
		const start = DAY0 + 23.5 * HOUR;
		expect(start + nightShift([start, start + 2 * HOUR])).toBe(DAY0 + 30 * HOUR);
	});

	it('moves a session that starts in the small hours to six the same morning', () => {
		const start = DAY0 + 2 * HOUR;
		expect(start + nightShift([start])).toBe(DAY0 + 6 * HOUR);
	});
});
