// A participant joins with the cohort's enrolment code. Wrong codes count against the
// address, so codes cannot be guessed quickly.
import type { MessageKey } from '$lib/i18n';
import type { Db } from '../db/open';
import { hashPassword } from '../auth/password';
import { ADDRESS_POLICY, recordFailure, retryAfterMs } from '../auth/throttle';
import { addMember, findCohortByCode } from '../cohorts/service';
import { findUserByUsername, insertUser, UsernameTakenError, type User } from './service';

export interface Registration {
	enrolCode: string;
	username: string;
	displayName: string;
	organisation: string;
	commune: string;
	province: string;
	password: string;
}

export type RegisterResult =
	| { ok: true; user: User }
	| { ok: false; status: 400 | 429; errors: Partial<Record<keyof Registration, MessageKey>>; retryAfterMs?: number };

export async function registerLearner(
	db: Db,
	input: Registration,
	address: string,
	now = Date.now()
): Promise<RegisterResult> {
	const addressKey = `register:addr:${address}`;
	const wait = retryAfterMs(db, [addressKey], now);
	if (wait > 0) {
		return { ok: false, status: 429, errors: { enrolCode: 'register.throttled' }, retryAfterMs: wait };
	}
	const cohort = findCohortByCode(db, input.enrolCode);
	if (!cohort || !cohort.enrolmentOpen) {
		recordFailure(db, addressKey, ADDRESS_POLICY, now);
		return {
			ok: false,
			status: 400,
			errors: { enrolCode: cohort ? 'register.codeClosed' : 'register.codeInvalid' }
		};
	}
	if (findUserByUsername(db, input.username)) {
		return { ok: false, status: 400, errors: { username: 'register.usernameTaken' } };
	}
	const passwordHash = await hashPassword(input.password);
	try {
		const user = db
			.transaction(() => {
				const created = insertUser(db, { ...input, role: 'learner' }, passwordHash, now);
				addMember(db, cohort.id, created.id, 'learner', now);
				return created;
			})
			.immediate();
		return { ok: true, user };
	} catch (error) {
		// someone took the name while we were hashing
		if (error instanceof UsernameTakenError) {
			return { ok: false, status: 400, errors: { username: 'register.usernameTaken' } };
		}
		throw error;
	}
}
