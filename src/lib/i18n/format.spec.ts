import { describe, expect, it } from 'vitest';
import { formatDateTime } from './index';

describe('formatDateTime', () => {
	it('shows Viet Nam time in each language, the same on every call', () => {
		const at = Date.UTC(2026, 10, 29, 1, 5); // 08:05 in Ha Noi
		expect(formatDateTime('vi', at)).toMatch(/08:05/);
		expect(formatDateTime('en', at)).toMatch(/08:05/);
		expect(formatDateTime('en', at)).toMatch(/29 Nov 2026/);
		expect(formatDateTime('vi', at)).toBe(formatDateTime('vi', at));
		expect(formatDateTime('vi', at)).not.toBe(formatDateTime('en', at));
	});
});
