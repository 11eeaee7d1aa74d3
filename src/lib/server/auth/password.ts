// Password hashing (argon2id with the OWASP minimum: 19 MiB, t=2, p=1) and the password rules.
import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords';

const ARGON2_OPTIONS = {
	// @node-rs/argon2 uses argon2id unless told otherwise.
	memoryCost: 19456,
	timeCost: 2,
	outputLen: 32,
	parallelism: 1
};

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

// The same Vietnamese password typed on two phones can arrive precomposed or with combining
// marks; both must open the account, so passwords are hashed and checked in NFC.
export function hashPassword(password: string): Promise<string> {
	return hash(password.normalize('NFC'), ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password.normalize('NFC'));
	} catch {
		return false;
	}
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooCommon';

/** Why a new password is refused, or null when it is acceptable. */
export function checkPasswordStrength(password: string, username = ''): PasswordProblem | null {
	// NFC: some Vietnamese input methods send "ệ" as e + two combining marks; it is one character.
	if ([...password.normalize('NFC')].length < MIN_PASSWORD_LENGTH) return 'tooShort';
	if (password.length > MAX_PASSWORD_LENGTH) return 'tooLong';
	const lower = password.normalize('NFC').toLowerCase();
	if (COMMON_PASSWORDS.has(lower)) return 'tooCommon';
	if (username && lower.includes(username.toLowerCase())) return 'tooCommon';
	// one character repeated ("aaaaaaaa") or a plain run ("12345678", "abcdefgh")
	if (new Set(lower).size <= 2 || isPlainRun(lower)) return 'tooCommon';
	return null;
}

/** Each character one step from the one before, always the same way: "abcdefgh", "87654321". */
function isPlainRun(text: string): boolean {
	const codes = [...text].map((char) => char.codePointAt(0)!);
	const step = codes[1]! - codes[0]!;
	return Math.abs(step) === 1 && codes.every((code, i) => i === 0 || code - codes[i - 1]! === step);
}

/** A temporary password a trainer can read out over the phone: no look-alike characters. */
export function generateTemporaryPassword(): string {
	const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
	const bytes = new Uint8Array(10);
	crypto.getRandomValues(bytes);
	let out = '';
	for (const byte of bytes) out += alphabet[byte % alphabet.length];
	return `${out.slice(0, 5)}-${out.slice(5)}`;
}
