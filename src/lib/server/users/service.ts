// Accounts: creation, look-up, password changes and disabling. Every change that should end
// existing sign-ins (new password, disabled account) invalidates all the user's sessions.
import type { Db } from '../db/open';
import { hashPassword, generateTemporaryPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import { nfc } from '../text/nfc';

export type Role = 'learner' | 'trainer' | 'admin';
export const ROLES: readonly Role[] = ['learner', 'trainer', 'admin'];

export interface User {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	organisation: string;
	commune: string;
	province: string;
	mustChangePassword: boolean;
	disabled: boolean;
	createdAt: number;
}

interface UserRow {
	id: number;
	username: string;
	display_name: string;
	password_hash: string;
	role: Role;
	organisation: string;
	commune: string;
	province: string;
	must_change_password: number;
	disabled_at: number | null;
	created_at: number;
}

function toUser(row: UserRow): User {
	return {
		id: row.id,
		username: row.username,
		displayName: row.display_name,
		role: row.role,
		organisation: row.organisation,
		commune: row.commune,
		province: row.province,
		mustChangePassword: row.must_change_password === 1,
		disabled: row.disabled_at !== null,
		createdAt: row.created_at
	};
}

/** Usernames are compared without regard to case (stored lower-case) or Unicode form (NFC). */
export function normaliseUsername(username: string): string {
	return nfc(username).trim().toLowerCase();
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

export interface NewUser {
	username: string;
	displayName: string;
	password: string;
	role: Role;
	organisation?: string;
	commune?: string;
	province?: string;
	mustChangePassword?: boolean;
}

export class UsernameTakenError extends Error {
	constructor(username: string) {
		super(`Username already taken: ${username}`);
	}
}

/** Hashes first (slow, outside any transaction), then inserts. */
export async function createUser(db: Db, input: NewUser, now = Date.now()): Promise<User> {
	const passwordHash = await hashPassword(input.password);
	return insertUser(db, input, passwordHash, now);
}

/** The synchronous half of createUser, for callers that must insert inside a transaction. */
export function insertUser(db: Db, input: NewUser, passwordHash: string, now = Date.now()): User {
	const username = normaliseUsername(input.username);
	if (findUserByUsername(db, username)) throw new UsernameTakenError(username);
	const result = db
		.prepare(
			`INSERT INTO user (username, display_name, password_hash, role, organisation, commune,
			   province, must_change_password, created_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
		)
		.run(
			username,
			input.displayName.trim(),
			passwordHash,
			input.role,
			input.organisation?.trim() ?? '',
			input.commune?.trim() ?? '',
			input.province?.trim() ?? '',
			input.mustChangePassword ? 1 : 0,
			now
		);
	return getUser(db, Number(result.lastInsertRowid))!;
}

export function getUser(db: Db, id: number): User | null {
	const row = db.prepare('SELECT * FROM user WHERE id = ?').get(id) as UserRow | undefined;
	return row ? toUser(row) : null;
}

export function findUserByUsername(db: Db, username: string): User | null {
	const row = db
		.prepare('SELECT * FROM user WHERE username = ?')
		.get(normaliseUsername(username)) as UserRow | undefined;
	return row ? toUser(row) : null;
}

export function getPasswordHash(db: Db, userId: number): string | null {
	const row = db.prepare('SELECT password_hash FROM user WHERE id = ?').get(userId) as
		| { password_hash: string }
		| undefined;
	return row?.password_hash ?? null;
}

export function hasAdmin(db: Db): boolean {
	return db.prepare(`SELECT 1 FROM user WHERE role = 'admin' LIMIT 1`).get() !== undefined;
}

export function listUsersByRole(db: Db, role: Role): User[] {
	const rows = db
		.prepare('SELECT * FROM user WHERE role = ? AND disabled_at IS NULL ORDER BY display_name')
		.all(role) as UserRow[];
	return rows.map(toUser);
}

/** Sets a password the user chose; ends every session, the caller starts a fresh one. */
export async function changePassword(db: Db, userId: number, newPassword: string): Promise<void> {
	const passwordHash = await hashPassword(newPassword);
	db.transaction(() => {
		db.prepare('UPDATE user SET password_hash = ?, must_change_password = 0 WHERE id = ?').run(
			passwordHash,
			userId
		);
		invalidateUserSessions(db, userId);
	}).immediate();
}

/** Gives the user a temporary password that must be changed at the next sign-in. */
export async function resetPassword(db: Db, userId: number): Promise<string> {
	const temporary = generateTemporaryPassword();
	const passwordHash = await hashPassword(temporary);
	db.transaction(() => {
		db.prepare('UPDATE user SET password_hash = ?, must_change_password = 1 WHERE id = ?').run(
			passwordHash,
			userId
		);
		invalidateUserSessions(db, userId);
	}).immediate();
	return temporary;
}

export function setUserDisabled(db: Db, userId: number, disabled: boolean, now = Date.now()): void {
	db.transaction(() => {
		db.prepare('UPDATE user SET disabled_at = ? WHERE id = ?').run(disabled ? now : null, userId);
		if (disabled) invalidateUserSessions(db, userId);
	}).immediate();
}
