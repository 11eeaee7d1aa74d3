// Checks a username and password with throttling per account and per address. A wrong password
// and an unknown user look the same from outside, including in how long they take.
import type { Db } from '../db/open';
import { findUserByUsername, getPasswordHash, normaliseUsername, type User } from '../users/service';
import { hashPassword, verifyPassword } from './password';
import {
	ACCOUNT_POLICY,
	ADDRESS_POLICY,
	clearFailures,
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

	const user = findUserByUsername(db, username);
	const storedHash = user ? getPasswordHash(db, user.id) : null;
	dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
	const valid = await verifyPassword(storedHash ?? (await dummyHash), password);
	if (!user || !valid) {
		recordFailure(db, accountKey, ACCOUNT_POLICY);
		recordFailure(db, addressKey, ADDRESS_POLICY);
		return { kind: 'invalid' };
	}
	if (user.disabled) return { kind: 'disabled' };
	clearFailures(db, accountKey);
	return { kind: 'ok', user };
}
