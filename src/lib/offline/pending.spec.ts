import { describe, expect, it } from 'vitest';
import { pendingText } from './pending';

const texts = { synced: 'Đã đồng bộ', one: '1 thay đổi chờ gửi', many: '{n} thay đổi chờ gửi' };

describe('pendingText', () => {
	it('says synced when nothing waits, and how many changes wait otherwise', () => {
		expect(pendingText(texts, 0)).toBe('Đã đồng bộ');
		expect(pendingText(texts, 1)).toBe('1 thay đổi chờ gửi');
		expect(pendingText(texts, 12)).toBe('12 thay đổi chờ gửi');
		expect(pendingText({ synced: 'Synced', one: '1 change waiting to be sent', many: '{n} changes waiting to be sent' }, 2)).toBe(
			'2 changes waiting to be sent'
		);
	});

	it('adds the posts given back, until the learner has seen them', () => {
		expect(pendingText({ ...texts, returned: '{n} bài viết chưa đăng được.' }, 0, 1)).toBe('Đã đồng bộ 1 bài viết chưa đăng được.');
	});
});
