import { describe, expect, it } from 'vitest';
import { formatDuration2004, formatTimespan12, parseDuration2004, parseTimespan12 } from './time';

describe('SCORM 1.2 timespans', () => {
	it('read HHHH:MM:SS.SS with 2 to 4 hour digits and an optional fraction', () => {
		expect(parseTimespan12('00:05:00')).toBe(300_000);
		expect(parseTimespan12('0001:02:03.5')).toBe(3_723_500);
		expect(parseTimespan12('12:00:00.25')).toBe(43_200_250);
		expect(parseTimespan12('9999:59:59.99')).toBe(35_999_999_990);
	});
	it('refuse anything else', () => {
		for (const bad of ['5:00', '00:60:00', '00:00:61', 'PT5M', '', '00:00:00.123', '-01:00:00', '10000:00:00']) {
			expect(parseTimespan12(bad), bad).toBeNull();
		}
	});
	it('write what they read', () => {
		expect(formatTimespan12(3_723_500)).toBe('0001:02:03.50');
		expect(formatTimespan12(0)).toBe('0000:00:00.00');
		expect(parseTimespan12(formatTimespan12(98_765_430))).toBe(98_765_430);
	});
	it.each([
		[0, '0000:00:00.00'],
		[1_234, '0000:00:01.23'],
		[59_999, '0000:01:00.00'],
		[(1 * 3600 + 2 * 60 + 3) * 1000 + 450, '0001:02:03.45'],
		[36 * 3600 * 1000, '0036:00:00.00'],
		// past four hour digits: the largest timespan, not 9999 hours and whatever minutes were left
		[10_000 * 3600 * 1000, '9999:59:59.99'],
		[10_000 * 3600 * 1000 + 61_000, '9999:59:59.99'],
		[-5_000, '0000:00:00.00'],
		[Number.NaN, '0000:00:00.00'],
		[Number.POSITIVE_INFINITY, '0000:00:00.00']
	])('write %d ms as %s, always a well-formed timespan', (ms, expected) => {
		expect(formatTimespan12(ms)).toBe(expected);
		expect(formatTimespan12(ms)).toMatch(/^\d{4}:[0-5]\d:[0-5]\d\.\d{2}$/);
		expect(parseTimespan12(formatTimespan12(ms))).not.toBeNull();
	});
});

describe('SCORM 2004 durations', () => {
	it('read ISO 8601 durations', () => {
		expect(parseDuration2004('PT5M')).toBe(300_000);
		expect(parseDuration2004('PT1H2M3.5S')).toBe(3_723_500);
		expect(parseDuration2004('P1DT1S')).toBe(86_401_000);
		expect(parseDuration2004('PT0S')).toBe(0);
	});
	it('refuse anything else', () => {
		for (const bad of ['P', 'PT', 'P1DT', '00:05:00', 'PT5', 'PT-5S', '5M', 'P1Y2', 'PT1.234S']) {
			expect(parseDuration2004(bad), bad).toBeNull();
		}
	});
	it('write what they read', () => {
		expect(formatDuration2004(3_723_500)).toBe('PT1H2M3.5S');
		expect(formatDuration2004(0)).toBe('PT0H0M0S');
		expect(parseDuration2004(formatDuration2004(98_765_430))).toBe(98_765_430);
	});
	it('write any length of time, and nonsense as none', () => {
		expect(formatDuration2004(10_000 * 3600 * 1000)).toBe('PT10000H0M0S');
		for (const nonsense of [-5_000, Number.NaN, Number.POSITIVE_INFINITY]) {
			expect(formatDuration2004(nonsense)).toBe('PT0H0M0S');
		}
	});
});
