// Imports a checked roster into a cohort, all or nothing. Passwords are hashed first, outside
// the transaction (a thousand hashes take seconds and must not hold the write lock); then one
// IMMEDIATE transaction checks the usernames again and inserts every account and membership.
import { generateTemporaryPassword } from '../auth/password';
import { addMember } from '../cohorts/service';
import type { Db } from '../db/open';
import { insertUser } from '../users/service';
import { findTakenUsernames } from './duplicates';
import { hashPasswords } from './hash';
import { toReport, type RosterReport } from './problems';
import { readRoster } from './read';
import type { RosterRow } from './rows';

export interface ImportedLearner {
	username: string;
	displayName: string;
	/** the generated password, shown once; null when the file gave one */
	temporaryPassword: string | null;
}

export type RosterImport = { ok: true; imported: ImportedLearner[] } | ({ ok: false } & RosterReport);

/**
 * Every imported account must choose its own password at first sign-in, generated or not: a
 * password from the file is known to the trainer and sits in a spreadsheet somewhere.
 */
export async function importRoster(db: Db, cohortId: number, rows: RosterRow[], now = Date.now()): Promise<RosterImport> {
	const taken = findTakenUsernames(db, rows);
	if (taken.length) return { ok: false, ...toReport(rows.length, taken) };
	const temporary = rows.map((row) => (row.password === null ? generateTemporaryPassword() : null));
	const hashes = await hashPasswords(rows.map((row, i) => row.password ?? temporary[i]!));
	return db
		.transaction((): RosterImport => {
			// someone may have registered one of these names while we were hashing
			const takenMeanwhile = findTakenUsernames(db, rows);
			if (takenMeanwhile.length) return { ok: false, ...toReport(rows.length, takenMeanwhile) };
			const imported = rows.map((row, i) => {
				const user = insertUser(db, { ...row, password: '', role: 'learner', mustChangePassword: true }, hashes[i]!, now);
				addMember(db, cohortId, user.id, 'learner', now);
				return { username: user.username, displayName: user.displayName, temporaryPassword: temporary[i]! };
			});
			return { ok: true, imported };
		})
		.immediate();
}

/** The whole import from the uploaded bytes: read, validate, check against the database, insert. */
export async function importRosterFile(db: Db, cohortId: number, bytes: Uint8Array, now = Date.now()): Promise<RosterImport> {
	const read = readRoster(bytes, (rows) => findTakenUsernames(db, rows));
	if (!read.ok) return read;
	return importRoster(db, cohortId, read.rows, now);
}
