import { describe, expect, it } from 'vitest';
import { formatDuration2004, formatTimespan12, parseDuration2004, parseTimespan12 } from './time';

describe('SCORM 1.2 timespans', () => {
	it('read HHHH:MM:SS.SS with 2 to 4 hour digits and an optional fraction', () => {
		expect(parseTimespan12('00:05:00')).toBe(300_000);
		expect(parseTimespan12('0001:02:03.5')).toBe(3_723_500);
		expect(parseTimespan12('12:00:00.25')).toBe(43_200_250);
	});
	it('refuse anything else', () => {
		for (const bad of ['5:00', '00:60:00', '00:00:61', 'PT5M', '', '00:00:00.123', '-01:00:00']) {
			expect(parseTimespan12(bad), bad).toBeNull();
		}
	});
	it('write what they read', () => {
		expect(formatTimespan12(3_723_500)).toBe('0001:02:03.50');
		expect(formatTimespan12(0)).toBe('0000:00:00.00');
		expect(parseTimespan12(formatTimespan12(98_765_430))).toBe(98_765_430);
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
		for (const bad of ['P', 'PT', '00:05:00', 'PT5', 'PT-5S', '5M', 'P1Y2']) {
			expect(parseDuration2004(bad), bad).toBeNull();
		}
	});
	it('write what they read', () => {
		expect(formatDuration2004(3_723_500)).toBe('PT1H2M3.5S');
		expect(parseDuration2004(formatDuration2004(98_765_430))).toBe(98_765_430);
	});
});
