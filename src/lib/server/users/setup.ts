// The first administrator. The check and the insert share one IMMEDIATE transaction,
// so when two people submit the setup form at once exactly one of them becomes admin.
import type { Db } from '../db/open';
import { hasAdmin, insertUser, type User } from './service';

export function createFirstAdmin(
	db: Db,
	input: { username: string; displayName: string },
	passwordHash: string
): User | null {
	return db
		.transaction(() => {
			if (hasAdmin(db)) return null;
			return insertUser(db, { ...input, password: '', role: 'admin' }, passwordHash);
		})
		.immediate();
}
