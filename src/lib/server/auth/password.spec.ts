import { describe, expect, it } from 'vitest';
import {
	checkPasswordStrength,
	generateTemporaryPassword,
	hashPassword,
	MAX_PASSWORD_LENGTH,
	verifyPassword
} from './password';

describe('checkPasswordStrength', () => {
	it('refuses passwords shorter than 8 characters', () => {
		expect(checkPasswordStrength('')).toBe('tooShort');
		expect(checkPasswordStrength('hoa sen')).toBe('tooShort');
		expect(checkPasswordStrength('hoa senx')).toBeNull();
	});

	it('refuses passwords longer than the maximum', () => {
		const long = 'cây đa '.repeat(30);
		expect(long.length).toBeGreaterThan(MAX_PASSWORD_LENGTH);
		expect(checkPasswordStrength(long)).toBe('tooLong');
		expect(checkPasswordStrength(long.slice(0, MAX_PASSWORD_LENGTH))).toBeNull();
	});

	it('counts 8 Vietnamese letters with diacritics as 8 characters', () => {
		const eight = 'đườngặộ'.concat('ữ');
		expect([...eight]).toHaveLength(8);
		expect(checkPasswordStrength(eight)).toBeNull();
		expect(checkPasswordStrength(eight.slice(0, 7))).toBe('tooShort');
	});

	it('counts characters, not code points, when an input method sends combining marks', () => {
		// Unikey's "Unicode tổ hợp" sends ệ as e + two combining marks (NFD).
		const sevenDecomposed = 'nghệđẹp'.normalize('NFD');
		expect([...sevenDecomposed].length).toBeGreaterThan(8);
		expect(checkPasswordStrength(sevenDecomposed)).toBe('tooShort');
		expect(checkPasswordStrength('nghệđẹpx'.normalize('NFD'))).toBeNull();
	});

	it('refuses common passwords, whatever their case', () => {
		for (const common of ['matkhau123', 'MatKhau123', '12345678', 'password1', 'anhyeuem']) {
			expect(checkPasswordStrength(common), common).toBe('tooCommon');
		}
	});

	it('refuses a password that contains the username', () => {
		expect(checkPasswordStrength('lannguyen2024', 'lannguyen')).toBe('tooCommon');
		expect(checkPasswordStrength('LanNguyen2024', 'lannguyen')).toBe('tooCommon');
		expect(checkPasswordStrength('lannguyen2024', 'minh')).toBeNull();
	});

	it('refuses one or two characters repeated', () => {
		expect(checkPasswordStrength('aaaaaaaaaa')).toBe('tooCommon');
		expect(checkPasswordStrength('ââââââââ')).toBe('tooCommon');
		expect(checkPasswordStrength('abababab')).toBe('tooCommon');
		expect(checkPasswordStrength('77777777777')).toBe('tooCommon');
	});

	it('refuses a plain run of letters or digits', () => {
		expect(checkPasswordStrength('abcdefgh')).toBe('tooCommon');
		expect(checkPasswordStrength('23456789')).toBe('tooCommon');
		expect(checkPasswordStrength('98765432')).toBe('tooCommon');
		expect(checkPasswordStrength('abcdefgz')).toBeNull();
	});

	it('accepts a passphrase', () => {
		expect(checkPasswordStrength('trâu ăn cỏ bên đê', 'lan')).toBeNull();
		expect(checkPasswordStrength('correct horse battery staple')).toBeNull();
	});
});

describe('hashPassword and verifyPassword', () => {
	it('hash with argon2id, 19 MiB, t=2, p=1 and verify the same password only', async () => {
		const hash = await hashPassword('trâu ăn cỏ bên đê');
		expect(hash.startsWith('$argon2id$')).toBe(true);
		expect(hash).toContain('$m=19456,t=2,p=1$');
		expect(hash).not.toContain('trâu');
		expect(await verifyPassword(hash, 'trâu ăn cỏ bên đê')).toBe(true);
		expect(await verifyPassword(hash, 'trau an co ben de')).toBe(false);
		expect(await verifyPassword(hash, '')).toBe(false);
	});

	it('salt every hash', async () => {
		const [a, b] = await Promise.all([hashPassword('cùng một mật khẩu'), hashPassword('cùng một mật khẩu')]);
		expect(a).not.toBe(b);
	});

	it('return false, not throw, for a hash that is not one', async () => {
		expect(await verifyPassword('not a hash', 'anything')).toBe(false);
		expect(await verifyPassword('', 'anything')).toBe(false);
		expect(await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$garbage', 'anything')).toBe(false);
	});

	it('accepts the same Vietnamese password typed precomposed or with combining marks', async () => {
		const composed = 'Hoa sen nở rộ'.normalize('NFC');
		const decomposed = composed.normalize('NFD');
		expect(decomposed).not.toBe(composed);
		const stored = await hashPassword(decomposed);
		expect(await verifyPassword(stored, composed)).toBe(true);
		expect(await verifyPassword(stored, 'Hoa sen no ro')).toBe(false);
	});
});

describe('generateTemporaryPassword', () => {
	it('gives two groups of five unambiguous characters, different each time', () => {
		const passwords = new Set(Array.from({ length: 50 }, generateTemporaryPassword));
		expect(passwords.size).toBe(50);
		for (const password of passwords) {
			expect(password).toMatch(/^[a-km-np-z2-9]{5}-[a-km-np-z2-9]{5}$/);
			expect(password).not.toMatch(/[ilo01]/);
			expect(checkPasswordStrength(password)).toBeNull();
		}
	});
});
