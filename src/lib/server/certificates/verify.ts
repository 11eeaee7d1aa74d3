// The public verification page's guard against guessing: every look-up that finds nothing (an
// unknown code, a serial and name that do not match) counts against the visitor's address in the
// sign-in throttle's table (../auth/throttle.ts), so the limit holds across restarts and worker
// processes. A real certificate is always found, so honest visitors never reach the limit.
import { recordFailure, retryAfterMs, type ThrottlePolicy } from '../auth/throttle';
import type { Db } from '../db/open';
import { findCertificateBySerial, getCertificateByCode, verificationOf, type Verification } from './service';

export const VERIFY_POLICY: ThrottlePolicy = {
	maxFailures: 20,
	windowMs: 15 * 60_000,
	lockMs: 5 * 60_000,
	maxLockMs: 60 * 60_000
};

const keyOf = (address: string) => `verify:${address}`;

export type Lookup = { kind: 'found'; verification: Verification } | { kind: 'notFound' } | { kind: 'throttled'; retryAfterMs: number };

function lookUp(db: Db, address: string, find: () => Verification | null, now: number): Lookup {
	const wait = retryAfterMs(db, [keyOf(address)], now);
	if (wait > 0) return { kind: 'throttled', retryAfterMs: wait };
	const verification = find();
	if (verification) return { kind: 'found', verification };
	recordFailure(db, keyOf(address), VERIFY_POLICY, now);
	return { kind: 'notFound' };
}

export function verifyByCode(db: Db, code: string, address: string, now = Date.now()): Lookup {
	return lookUp(db, address, () => {
		const certificate = getCertificateByCode(db, code);
		return certificate && verificationOf(certificate);
	}, now);
}

export function verifyBySerial(db: Db, serial: string, fullName: string, address: string, now = Date.now()): Lookup {
	return lookUp(db, address, () => {
		const certificate = findCertificateBySerial(db, serial, fullName);
		return certificate && verificationOf(certificate);
	}, now);
}
