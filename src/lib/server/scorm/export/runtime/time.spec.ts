import { describe, expect, it } from 'vitest';
import { scormTime } from './time';

describe('scormTime writes CMITimespan HHHH:MM:SS.SS', () => {
	it.each([
		[0, '0000:00:00.00'],
		[1_234, '0000:00:01.23'],
		[59_999, '0000:01:00.00'],
		[(1 * 3600 + 2 * 60 + 3) * 1000 + 450, '0001:02:03.45'],
		[36 * 3600 * 1000, '0036:00:00.00'],
		[10_000 * 3600 * 1000, '9999:59:59.99'],
		[-5_000, '0000:00:00.00'],
		[Number.NaN, '0000:00:00.00']
	])('%d ms → %s', (ms, expected) => {
		expect(scormTime(ms)).toBe(expected);
		expect(scormTime(ms)).toMatch(/^\d{4}:[0-5]\d:[0-5]\d\.\d{2}$/);
	});
});
