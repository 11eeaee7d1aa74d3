// Checks a username and password with throttling per account and per address. A wrong password
// and an unknown user look the same from outside, including in how long they take.
import type { Db } from '../db/open';
import { findUserByUsername, getPasswordHash, normaliseUsername, type User } from '../users/service';
import { hashPassword, verifyPassword } from './password';
import {
	ACCOUNT_POLICY,
	ADDRESS_POLICY,
	clearFailures,
	forgiveFailure,
	recordFailure,
	retryAfterMs
} from './throttle';

export type LoginResult =
	| { kind: 'ok'; user: User }
	| { kind: 'invalid' }
	| { kind: 'disabled' }
	| { kind: 'throttled'; retryAfterMs: number };

let dummyHash: Promise<string> | undefined;

export async function authenticate(
	db: Db,
	username: string,
	password: string,
	address: string
): Promise<LoginResult> {
	const accountKey = `login:user:${normaliseUsername(username)}`;
	const addressKey = `login:addr:${address}`;
	const wait = retryAfterMs(db, [accountKey, addressKey]);
	if (wait > 0) return { kind: 'throttled', retryAfterMs: wait };

	// Counted as failures before the slow check, so a burst of parallel guesses cannot all
	// slip past the lock while the first ones are still being verified.
	recordFailure(db, accountKey, ACCOUNT_POLICY);
	recordFailure(db, addressKey, ADDRESS_POLICY);
	const user = findUserByUsername(db, username);
	const storedHash = user ? getPasswordHash(db, user.id) : null;
	dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
	const valid = await verifyPassword(storedHash ?? (await dummyHash), password);
	if (!user || !valid) return { kind: 'invalid' };
	clearFailures(db, accountKey);
	forgiveFailure(db, addressKey, ADDRESS_POLICY);
	if (user.disabled) return { kind: 'disabled' };
	return { kind: 'ok', user };
}

export type PasswordCheck = { kind: 'ok' } | { kind: 'invalid' } | { kind: 'throttled'; retryAfterMs: number };

/** Re-checks a signed-in user's password (before changing it), under the same per-account limit. */
export async function checkCurrentPassword(db: Db, user: User, password: string): Promise<PasswordCheck> {
	const accountKey = `login:user:${user.username}`;
	const wait = retryAfterMs(db, [accountKey]);
	if (wait > 0) return { kind: 'throttled', retryAfterMs: wait };
	recordFailure(db, accountKey, ACCOUNT_POLICY);
	const valid = await verifyPassword(getPasswordHash(db, user.id) ?? '', password);
	if (!valid) return { kind: 'invalid' };
	clearFailures(db, accountKey);
	return { kind: 'ok' };
}
