import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { createUser, setUserDisabled, type User } from '../users/service';
import { parseForm } from '../http/form';
import { loginSchema } from '../users/schemas';
import { authenticate } from './login';
import { ACCOUNT_POLICY, ADDRESS_POLICY, recordFailure } from './throttle';

const PASSWORD = 'hoa sen trong đầm';

function failures(db: Db, key: string): number | undefined {
	const row = db.prepare('SELECT failures FROM throttle WHERE key = ?').get(key) as
		| { failures: number }
		| undefined;
	return row?.failures;
}

let db: Db;
let lan: User;

beforeEach(async () => {
	db = openDatabase(':memory:');
	lan = await createUser(db, {
		username: 'lan',
		displayName: 'Nguyễn Thị Lan',
		password: PASSWORD,
		role: 'learner'
	});
});

describe('authenticate', () => {
	it('signs in with the right password, whatever the username’s case', async () => {
		expect(await authenticate(db, 'lan', PASSWORD, '10.0.0.1')).toEqual({ kind: 'ok', user: lan });
		const result = await authenticate(db, '  LAN ', PASSWORD, '10.0.0.1');
		expect(result.kind === 'ok' && result.user.id).toBe(lan.id);
	});

	it('signs in when the sign-in form was typed in decomposed Unicode (NFD)', async () => {
		const form = new FormData();
		form.append('username', ' LAN ');
		form.append('password', PASSWORD.normalize('NFD'));
		const parsed = parseForm(loginSchema, form);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const result = await authenticate(db, parsed.data.username, parsed.data.password, '10.0.0.1');
		expect(result.kind === 'ok' && result.user.id).toBe(lan.id);
		// and the other way round: a password set in NFD is checked in its NFC form
		const hoa = await createUser(db, { username: 'hoa', displayName: 'Hoà', password: PASSWORD.normalize('NFD'), role: 'learner' });
		const again = await authenticate(db, 'hoa', PASSWORD, '10.0.0.1');
		expect(again.kind === 'ok' && again.user.id).toBe(hoa.id);
	});

	it('answers a wrong password and an unknown user the same way, and counts both', async () => {
		const wrongPassword = await authenticate(db, 'lan', 'hoa sen trong ao', '10.0.0.1');
		const unknownUser = await authenticate(db, 'khongco', PASSWORD, '10.0.0.1');
		expect(wrongPassword).toEqual({ kind: 'invalid' });
		expect(unknownUser).toEqual(wrongPassword);
		expect(failures(db, 'login:user:lan')).toBe(1);
		expect(failures(db, 'login:user:khongco')).toBe(1);
		expect(failures(db, 'login:addr:10.0.0.1')).toBe(2);
	});

	it('throttles an account after 5 wrong passwords, even from different addresses', async () => {
		for (let i = 0; i < ACCOUNT_POLICY.maxFailures; i++) {
			expect(await authenticate(db, 'lan', `sai mật khẩu ${i}`, `10.0.0.${i}`)).toEqual({
				kind: 'invalid'
			});
		}
		const result = await authenticate(db, 'lan', PASSWORD, '10.9.9.9');
		expect(result.kind).toBe('throttled');
		if (result.kind !== 'throttled') return;
		expect(result.retryAfterMs).toBeGreaterThan(0);
		expect(result.retryAfterMs).toBeLessThanOrEqual(ACCOUNT_POLICY.lockMs);
		// a throttled attempt is not checked and not counted
		expect(failures(db, 'login:user:lan')).toBe(ACCOUNT_POLICY.maxFailures);
		expect(failures(db, 'login:addr:10.9.9.9')).toBeUndefined();
	});

	it('does not throttle other accounts when one is locked', async () => {
		const minh = await createUser(db, {
			username: 'minh',
			displayName: 'Trần Văn Minh',
			password: 'cây đa đầu làng',
			role: 'learner'
		});
		for (let i = 0; i < ACCOUNT_POLICY.maxFailures; i++) {
			await authenticate(db, 'lan', 'sai mật khẩu', `10.0.0.${i}`);
		}
		expect((await authenticate(db, 'lan', PASSWORD, '10.0.0.1')).kind).toBe('throttled');
		expect(await authenticate(db, 'minh', 'cây đa đầu làng', '10.0.0.1')).toEqual({
			kind: 'ok',
			user: minh
		});
	});

	it('throttles an address after ADDRESS_POLICY.maxFailures failures across accounts', async () => {
		for (let i = 0; i < ADDRESS_POLICY.maxFailures - 1; i++) {
			recordFailure(db, 'login:addr:10.0.0.7', ADDRESS_POLICY);
		}
		expect((await authenticate(db, 'nguoi0', 'đoán bừa mật khẩu', '10.0.0.7')).kind).toBe('invalid');
		expect(failures(db, 'login:addr:10.0.0.7')).toBe(ADDRESS_POLICY.maxFailures);
		// no account reached its own limit
		expect(failures(db, 'login:user:nguoi0')).toBe(1);
		const fromSameAddress = await authenticate(db, 'lan', PASSWORD, '10.0.0.7');
		expect(fromSameAddress.kind).toBe('throttled');
		expect((await authenticate(db, 'lan', PASSWORD, '10.0.0.8')).kind).toBe('ok');
	});

	it('does not count successful sign-ins against a shared address', async () => {
		for (let i = 0; i < 3; i++) {
			expect((await authenticate(db, 'lan', PASSWORD, '10.0.0.9')).kind).toBe('ok');
		}
		expect(failures(db, 'login:addr:10.0.0.9') ?? 0).toBe(0);
	});

	it('lets no more than the account limit through when guesses arrive in parallel', async () => {
		const results = await Promise.all(
			Array.from({ length: 12 }, (_, i) => authenticate(db, 'lan', `đoán ${i}`, `10.1.0.${i}`))
		);
		const kinds = results.map((r) => r.kind);
		expect(kinds.filter((k) => k === 'invalid')).toHaveLength(ACCOUNT_POLICY.maxFailures);
		expect(kinds.filter((k) => k === 'throttled')).toHaveLength(12 - ACCOUNT_POLICY.maxFailures);
	});

	it('clears the account’s failures on success', async () => {
		for (let i = 0; i < ACCOUNT_POLICY.maxFailures - 1; i++) {
			await authenticate(db, 'lan', 'sai mật khẩu', '10.0.0.1');
		}
		expect(failures(db, 'login:user:lan')).toBe(ACCOUNT_POLICY.maxFailures - 1);
		expect((await authenticate(db, 'lan', PASSWORD, '10.0.0.1')).kind).toBe('ok');
		expect(failures(db, 'login:user:lan')).toBeUndefined();
		for (let i = 0; i < ACCOUNT_POLICY.maxFailures - 1; i++) {
			await authenticate(db, 'lan', 'sai mật khẩu', '10.0.0.1');
		}
		expect((await authenticate(db, 'lan', PASSWORD, '10.0.0.1')).kind).toBe('ok');
	});

	it('refuses a disabled user with the right password, and counts a wrong one as invalid', async () => {
		setUserDisabled(db, lan.id, true);
		expect(await authenticate(db, 'lan', PASSWORD, '10.0.0.1')).toEqual({ kind: 'disabled' });
		expect(await authenticate(db, 'lan', 'sai mật khẩu', '10.0.0.1')).toEqual({ kind: 'invalid' });
		setUserDisabled(db, lan.id, false);
		expect((await authenticate(db, 'lan', PASSWORD, '10.0.0.1')).kind).toBe('ok');
	});
});
