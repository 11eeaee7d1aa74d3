import { describe, expect, it } from 'vitest';
import { formatSerial, serialFormatProblem, yearInVietnam } from './serial';

describe('serial numbers', () => {
	it('writes the number zero-padded as asked, and the year', () => {
		expect(formatSerial('{n:4}/{year}/HY-PCMD', 42, 2026)).toBe('0042/2026/HY-PCMD');
		expect(formatSerial('{year}-{n}', 7, 2027)).toBe('2027-7');
		expect(formatSerial('{n:3}/{year}', 12345, 2026)).toBe('12345/2026');
	});

	it('refuses a format without the number or the year, or with a placeholder it does not know', () => {
		expect(serialFormatProblem('{n:4}/{year}/HY-PCMD')).toBeNull();
		expect(serialFormatProblem('{year}/HY')).toBe('noNumber');
		expect(serialFormatProblem('{n:4}/HY')).toBe('noYear');
		expect(serialFormatProblem('{n}/{nam}')).toBe('unknownPlaceholder');
		expect(serialFormatProblem('{n}/{year}/{')).toBe('unknownPlaceholder');
	});

	it('counts the year in Viet Nam time', () => {
		// 31/12/2026 18:00 UTC is 1/1/2027 01:00 in Hà Nội
		expect(yearInVietnam(Date.UTC(2026, 11, 31, 18))).toBe(2027);
		expect(yearInVietnam(Date.UTC(2026, 11, 31, 16))).toBe(2026);
	});
});
