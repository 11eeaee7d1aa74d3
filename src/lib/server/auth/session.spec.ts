import { sha256 } from '@oslojs/crypto/sha2';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import {
	changePassword,
	createUser,
	getPasswordHash,
	getUser,
	resetPassword,
	setUserDisabled,
	type User
} from '../users/service';
import { verifyPassword } from './password';
import {
	ABSOLUTE_TIMEOUT_MS,
	ACTIVITY_CHECK_INTERVAL_MS,
	createSession,
	INACTIVITY_TIMEOUT_MS,
	invalidateSession,
	invalidateUserSessions,
	sessionExpiresAt,
	validateSessionToken
} from './session';

const T0 = Date.UTC(2025, 0, 1);
const HOUR = 60 * 60 * 1000;

interface SessionRow {
	id: string;
	secret_hash: Buffer;
	user_id: number;
	created_at: number;
	last_verified_at: number;
}

function sessionRow(db: Db, id: string): SessionRow | undefined {
	return db.prepare('SELECT * FROM session WHERE id = ?').get(id) as SessionRow | undefined;
}

function sessionCount(db: Db, userId: number): number {
	return (
		db.prepare('SELECT count(*) AS n FROM session WHERE user_id = ?').get(userId) as { n: number }
	).n;
}

let db: Db;
let lan: User;

beforeEach(async () => {
	db = openDatabase(':memory:');
	lan = await createUser(db, {
		username: 'lan',
		displayName: 'Nguyễn Thị Lan',
		password: 'hoa sen trong đầm',
		role: 'learner'
	});
});

describe('createSession and validateSessionToken', () => {
	it('accept the token they issued', () => {
		const created = createSession(db, lan.id, T0);
		expect(created.token.startsWith(`${created.id}.`)).toBe(true);
		const session = validateSessionToken(db, created.token, T0 + 1000);
		expect(session).toEqual({ id: created.id, userId: lan.id, createdAt: T0, lastVerifiedAt: T0 });
	});

	it('store only a SHA-256 hash of the secret', () => {
		const created = createSession(db, lan.id, T0);
		const secret = created.token.split('.')[1]!;
		expect(secret.length).toBeGreaterThanOrEqual(24);
		const row = sessionRow(db, created.id)!;
		expect(row.user_id).toBe(lan.id);
		expect(Buffer.from(row.secret_hash)).toEqual(
			Buffer.from(sha256(new TextEncoder().encode(secret)))
		);
		for (const value of Object.values(row)) {
			const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
			expect(text).not.toContain(secret);
		}
	});

	it('give every session its own id and secret', () => {
		const a = createSession(db, lan.id, T0);
		const b = createSession(db, lan.id, T0);
		expect(a.id).not.toBe(b.id);
		expect(a.token).not.toBe(b.token);
		expect(sessionCount(db, lan.id)).toBe(2);
	});

	it('reject a tampered secret', () => {
		const { id, token } = createSession(db, lan.id, T0);
		const secret = token.split('.')[1]!;
		const flipped = (secret[0] === 'a' ? 'b' : 'a') + secret.slice(1);
		expect(validateSessionToken(db, `${id}.${flipped}`, T0)).toBeNull();
		expect(validateSessionToken(db, `${id}.${secret}x`, T0)).toBeNull();
		expect(validateSessionToken(db, `${id}.`, T0)).toBeNull();
		// a wrong guess does not end the real session
		expect(validateSessionToken(db, token, T0)).not.toBeNull();
	});

	it('reject tokens of the wrong format', () => {
		const { id, token } = createSession(db, lan.id, T0);
		for (const bad of ['', id, `.${token}`, `${token}.extra`, token.replace('.', ''), '.']) {
			expect(validateSessionToken(db, bad, T0)).toBeNull();
		}
	});

	it('reject an unknown session id', () => {
		const { token } = createSession(db, lan.id, T0);
		const secret = token.split('.')[1]!;
		expect(validateSessionToken(db, `nosuchsession.${secret}`, T0)).toBeNull();
	});
});

describe('session expiry', () => {
	it('ends a session unused for INACTIVITY_TIMEOUT_MS, and deletes it', () => {
		const { id, token } = createSession(db, lan.id, T0);
		expect(validateSessionToken(db, token, T0 + INACTIVITY_TIMEOUT_MS - 1)).not.toBeNull();
		const other = createSession(db, lan.id, T0);
		expect(validateSessionToken(db, other.token, T0 + INACTIVITY_TIMEOUT_MS)).toBeNull();
		expect(sessionRow(db, other.id)).toBeUndefined();
		expect(sessionRow(db, id)).toBeDefined();
	});

	it('keeps an active session alive past the inactivity limit', () => {
		const { token } = createSession(db, lan.id, T0);
		const halfway = T0 + INACTIVITY_TIMEOUT_MS / 2;
		expect(validateSessionToken(db, token, halfway)).not.toBeNull();
		const session = validateSessionToken(db, token, halfway + INACTIVITY_TIMEOUT_MS - 1);
		expect(session?.lastVerifiedAt).toBe(halfway + INACTIVITY_TIMEOUT_MS - 1);
	});

	it('ends every session ABSOLUTE_TIMEOUT_MS after sign-in, however active', () => {
		const { id, token } = createSession(db, lan.id, T0);
		// used every week: never inactive for long
		const week = 7 * 24 * HOUR;
		let now = T0;
		while (now + week < T0 + ABSOLUTE_TIMEOUT_MS) {
			now += week;
			expect(validateSessionToken(db, token, now)).not.toBeNull();
		}
		expect(validateSessionToken(db, token, T0 + ABSOLUTE_TIMEOUT_MS - 1)).not.toBeNull();
		expect(validateSessionToken(db, token, T0 + ABSOLUTE_TIMEOUT_MS)).toBeNull();
		expect(sessionRow(db, id)).toBeUndefined();
	});

	it('sets the cookie expiry to the earlier of the two limits', () => {
		const fresh = { id: 's', userId: lan.id, createdAt: T0, lastVerifiedAt: T0 };
		expect(sessionExpiresAt(fresh).getTime()).toBe(T0 + INACTIVITY_TIMEOUT_MS);
		const old = { ...fresh, lastVerifiedAt: T0 + ABSOLUTE_TIMEOUT_MS - HOUR };
		expect(sessionExpiresAt(old).getTime()).toBe(T0 + ABSOLUTE_TIMEOUT_MS);
	});
});

describe('last_verified_at', () => {
	it('is written only once ACTIVITY_CHECK_INTERVAL_MS has passed', () => {
		const { id, token } = createSession(db, lan.id, T0);
		const early = validateSessionToken(db, token, T0 + ACTIVITY_CHECK_INTERVAL_MS - 1);
		expect(early?.lastVerifiedAt).toBe(T0);
		expect(sessionRow(db, id)!.last_verified_at).toBe(T0);

		const later = T0 + ACTIVITY_CHECK_INTERVAL_MS;
		expect(validateSessionToken(db, token, later)?.lastVerifiedAt).toBe(later);
		expect(sessionRow(db, id)!.last_verified_at).toBe(later);

		expect(validateSessionToken(db, token, later + 1000)?.lastVerifiedAt).toBe(later);
		expect(sessionRow(db, id)!.last_verified_at).toBe(later);
		expect(sessionRow(db, id)!.created_at).toBe(T0);
	});
});

describe('ending sessions', () => {
	let minh: User;
	beforeEach(async () => {
		minh = await createUser(db, {
			username: 'minh',
			displayName: 'Trần Văn Minh',
			password: 'cây đa đầu làng',
			role: 'trainer'
		});
	});

	it('invalidateSession ends just that session', () => {
		const a = createSession(db, lan.id, T0);
		const b = createSession(db, lan.id, T0);
		invalidateSession(db, a.id);
		expect(validateSessionToken(db, a.token, T0)).toBeNull();
		expect(validateSessionToken(db, b.token, T0)).not.toBeNull();
	});

	it('invalidateUserSessions ends all of one user’s sessions and no one else’s', () => {
		const a = createSession(db, lan.id, T0);
		const b = createSession(db, lan.id, T0);
		const other = createSession(db, minh.id, T0);
		invalidateUserSessions(db, lan.id);
		expect(validateSessionToken(db, a.token, T0)).toBeNull();
		expect(validateSessionToken(db, b.token, T0)).toBeNull();
		expect(sessionCount(db, lan.id)).toBe(0);
		expect(validateSessionToken(db, other.token, T0)).not.toBeNull();
	});

	it('changing the password ends all of that user’s sessions, not others’', async () => {
		const a = createSession(db, lan.id);
		const b = createSession(db, lan.id);
		const other = createSession(db, minh.id);
		await changePassword(db, lan.id, 'một mật khẩu mới hơn');
		expect(validateSessionToken(db, a.token)).toBeNull();
		expect(validateSessionToken(db, b.token)).toBeNull();
		expect(sessionCount(db, lan.id)).toBe(0);
		expect(validateSessionToken(db, other.token)).not.toBeNull();
		const hash = getPasswordHash(db, lan.id)!;
		expect(await verifyPassword(hash, 'một mật khẩu mới hơn')).toBe(true);
		expect(await verifyPassword(hash, 'hoa sen trong đầm')).toBe(false);
	});

	it('changing the password clears must_change_password', async () => {
		await resetPassword(db, lan.id);
		expect(getUser(db, lan.id)!.mustChangePassword).toBe(true);
		await changePassword(db, lan.id, 'một mật khẩu mới hơn');
		expect(getUser(db, lan.id)!.mustChangePassword).toBe(false);
	});

	it('disabling a user ends their sessions, not others’; enabling does not bring them back', () => {
		const a = createSession(db, lan.id);
		const other = createSession(db, minh.id);
		setUserDisabled(db, lan.id, true, T0);
		expect(validateSessionToken(db, a.token)).toBeNull();
		expect(sessionCount(db, lan.id)).toBe(0);
		expect(validateSessionToken(db, other.token)).not.toBeNull();
		const row = db.prepare('SELECT disabled_at FROM user WHERE id = ?').get(lan.id) as {
			disabled_at: number | null;
		};
		expect(row.disabled_at).toBe(T0);
		expect(getUser(db, lan.id)!.disabled).toBe(true);

		setUserDisabled(db, lan.id, false);
		expect(getUser(db, lan.id)!.disabled).toBe(false);
		expect(validateSessionToken(db, a.token)).toBeNull();
	});

	it('resetPassword sets must_change_password, ends sessions and returns a password that verifies', async () => {
		const a = createSession(db, lan.id);
		const other = createSession(db, minh.id);
		const temporary = await resetPassword(db, lan.id);
		expect(temporary).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
		expect(getUser(db, lan.id)!.mustChangePassword).toBe(true);
		const row = db.prepare('SELECT must_change_password FROM user WHERE id = ?').get(lan.id) as {
			must_change_password: number;
		};
		expect(row.must_change_password).toBe(1);
		const hash = getPasswordHash(db, lan.id)!;
		expect(hash).not.toContain(temporary);
		expect(await verifyPassword(hash, temporary)).toBe(true);
		expect(await verifyPassword(hash, 'hoa sen trong đầm')).toBe(false);
		expect(validateSessionToken(db, a.token)).toBeNull();
		expect(validateSessionToken(db, other.token)).not.toBeNull();
	});
});
