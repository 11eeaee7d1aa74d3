import { afterEach, describe, expect, it } from 'vitest';
import { clientErrorMessage, isClientError } from './client-error';

const saved = process.env.BODY_SIZE_LIMIT;
afterEach(() => {
	if (saved === undefined) delete process.env.BODY_SIZE_LIMIT;
	else process.env.BODY_SIZE_LIMIT = saved;
});

describe('client errors', () => {
	it('are the 4xx statuses', () => {
		expect([400, 404, 405, 413, 415, 499].every(isClientError)).toBe(true);
		expect([399, 500, 503].some(isClientError)).toBe(false);
	});

	it('say what was wrong, with the limit for a body too large, in the reader’s language', () => {
		process.env.BODY_SIZE_LIMIT = '1M';
		expect(clientErrorMessage('vi', 413)).toContain('mỗi lần gửi tối đa 1 MB');
		expect(clientErrorMessage('en', 413)).toContain('at most 1 MB at a time');
		expect(clientErrorMessage('vi', 415)).toContain('chỉ nhận dữ liệu gửi từ biểu mẫu');
		expect(clientErrorMessage('en', 405)).toContain('(code 405)');
		expect(clientErrorMessage('vi', 404)).toBe('Trang anh/chị tìm không có hoặc đã được chuyển đi.');
	});
});
