import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password';
import { hashPasswords } from './hash';

describe('hashPasswords', () => {
	it('returns each hash in the place of its password, whatever order the hashes finish in', async () => {
		const passwords = ['một hai ba bốn', 'năm sáu bảy tám', 'chín mười mười một', 'abcde-fghjk', 'xanh-la-cay-2022'];
		for (const concurrency of [1, 3, 10]) {
			const hashes = await hashPasswords(passwords, concurrency);
			expect(hashes).toHaveLength(passwords.length);
			for (const [i, password] of passwords.entries()) {
				expect(await verifyPassword(hashes[i]!, password)).toBe(true);
				expect(await verifyPassword(hashes[i]!, passwords[(i + 1) % passwords.length]!)).toBe(false);
			}
		}
		expect(await hashPasswords([])).toEqual([]);
	});
});
