import { describe, expect, it } from 'vitest';
import { clockTime, statusText } from './save-status';

const texts = {
	idle: 'Câu trả lời được lưu tự động khi anh/chị chọn.',
	saving: 'Đang lưu…',
	saved: 'Đã lưu ({time})',
	retrying: 'Chưa lưu được — đang thử lại.',
	closed: 'Lần làm bài này đã nộp, không sửa được nữa.',
	rejected: 'Câu trả lời không hợp lệ với bài kiểm tra này.'
};
const at = new Date(2026, 10, 29, 9, 5, 42).getTime();

describe('the autosave status line', () => {
	it('tells the time of the last save in hours and minutes', () => {
		expect(clockTime(at)).toBe('09:05');
		expect(statusText('saved', texts, { now: at })).toBe('Đã lưu (09:05)');
	});

	it('says what is happening in the page language', () => {
		expect(statusText('idle', texts, { now: at })).toBe(texts.idle);
		expect(statusText('saving', texts, { now: at })).toBe(texts.saving);
		expect(statusText('retrying', texts, { now: at })).toBe(texts.retrying);
	});

	it("prefers the server's explanation of a refusal, and has its own when there is none", () => {
		expect(statusText('rejected', texts, { now: at, serverMessage: 'Câu trả lời quá dài (tối đa 500 ký tự).' })).toBe(
			'Câu trả lời quá dài (tối đa 500 ký tự).'
		);
		expect(statusText('rejected', texts, { now: at })).toBe(texts.rejected);
		expect(statusText('closed', texts, { now: at, serverMessage: '' })).toBe(texts.closed);
	});
});
