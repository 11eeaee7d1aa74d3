// Sessions as the Lucia guide teaches: the cookie holds `<id>.<secret>`, the database keeps
// only a SHA-256 hash of the secret, compared in constant time. A session ends after
// INACTIVITY_TIMEOUT_MS without use and, whatever happens, ABSOLUTE_TIMEOUT_MS after sign-in.
import { createHash, timingSafeEqual } from 'node:crypto';
import { writeIfPossible } from '../db/errors';
import type { Db } from '../db/open';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A learner who has not opened the site for 14 days signs in again. */
export const INACTIVITY_TIMEOUT_MS = 14 * DAY_MS;
/** No session lives longer than 60 days, however active. */
export const ABSOLUTE_TIMEOUT_MS = 60 * DAY_MS;
/** last_verified_at is written at most once an hour, so reads stay reads. */
export const ACTIVITY_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface Session {
	id: string;
	userId: number;
	createdAt: number;
	lastVerifiedAt: number;
}

export interface SessionWithToken extends Session {
	token: string;
}

// 32 characters without look-alikes; 24 random bytes give 120 bits of entropy.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

export function generateSecureRandomString(): string {
	const bytes = new Uint8Array(24);
	crypto.getRandomValues(bytes);
	let out = '';
	for (const byte of bytes) out += ALPHABET[byte >> 3];
	return out;
}

// Node's own SHA-256: the same bytes as the JavaScript implementation used before, which took
// about 3 % of the server's time under load (every request checks its session)
function hashSecret(secret: string): Buffer {
	return createHash('sha256').update(secret).digest();
}

export function createSession(db: Db, userId: number, now = Date.now()): SessionWithToken {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	db.prepare(
		`INSERT INTO session (id, secret_hash, user_id, created_at, last_verified_at)
		 VALUES (?, ?, ?, ?, ?)`
	).run(id, hashSecret(secret), userId, now, now);
	return { id, userId, createdAt: now, lastVerifiedAt: now, token: `${id}.${secret}` };
}

interface SessionRow {
	id: string;
	secret_hash: Buffer;
	user_id: number;
	created_at: number;
	last_verified_at: number;
}

/** Returns the live session a token names, or null for a missing, tampered or expired one. */
export function validateSessionToken(db: Db, token: string, now = Date.now()): Session | null {
	const parts = token.split('.');
	if (parts.length !== 2) return null;
	const [id, secret] = parts as [string, string];
	if (!id || !secret) return null;
	const row = db.prepare('SELECT * FROM session WHERE id = ?').get(id) as SessionRow | undefined;
	if (!row) return null;
	const hash = hashSecret(secret);
	if (row.secret_hash.length !== hash.length || !timingSafeEqual(hash, row.secret_hash)) return null;
	if (
		now - row.last_verified_at >= INACTIVITY_TIMEOUT_MS ||
		now - row.created_at >= ABSOLUTE_TIMEOUT_MS
	) {
		writeIfPossible(() => invalidateSession(db, id));
		return null;
	}
	let lastVerifiedAt = row.last_verified_at;
	if (now - lastVerifiedAt >= ACTIVITY_CHECK_INTERVAL_MS) {
		lastVerifiedAt = now;
		// bookkeeping: a database that cannot take writes must not sign everyone out
		writeIfPossible(() => db.prepare('UPDATE session SET last_verified_at = ? WHERE id = ?').run(now, id));
	}
	return { id, userId: row.user_id, createdAt: row.created_at, lastVerifiedAt };
}

/** When the session's cookie should expire: the earlier of the two limits. */
export function sessionExpiresAt(session: Session): Date {
	return new Date(
		Math.min(
			session.lastVerifiedAt + INACTIVITY_TIMEOUT_MS,
			session.createdAt + ABSOLUTE_TIMEOUT_MS
		)
	);
}

export function invalidateSession(db: Db, sessionId: string): void {
	db.prepare('DELETE FROM session WHERE id = ?').run(sessionId);
}

export function invalidateUserSessions(db: Db, userId: number): void {
	db.prepare('DELETE FROM session WHERE user_id = ?').run(userId);
}
