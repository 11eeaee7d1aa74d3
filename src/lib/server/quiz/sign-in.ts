// Which sign-in sent an answer: the same attempt open on two devices is two sign-ins (each phone
// signs in for itself). A number derived from the session id is enough to tell them apart and
// costs an attempt a few bytes; the id itself is never stored twice.
import { createHash } from 'node:crypto';

/** A 48-bit number for the session `sessionId` (6 bytes in SQLite). */
export function signInNumber(sessionId: string): number {
	return createHash('sha256').update(sessionId).digest().readUIntBE(0, 6);
}

/** The sign-in of a request: null without a session. */
export function requestSignIn(locals: App.Locals): number | null {
	return locals.session ? signInNumber(locals.session.id) : null;
}
