// Exactly once for what the browser queued offline and sends again until it hears back: an
// operation carries an id the browser made; the first delivery is applied and its answer stored
// with the id in the same transaction, a later delivery of the same id gets that answer and
// changes nothing. Ids are the learner's own: another learner's id never matches.
import type { Db } from '../db/open';

/** What an operation id may look like: the browser's crypto.randomUUID(), or any id of that kind. */
export const OPERATION_ID = /^[A-Za-z0-9_-]{8,64}$/;

export interface Once<T> {
	result: T;
	/** the operation had been applied before: `result` is the answer given then */
	replayed: boolean;
}

/**
 * Runs `apply` once per (user, opId): inside one immediate transaction, so two deliveries racing
 * on two processes cannot both apply. `apply` may open transactions of its own (they nest).
 */
export function applyOnce<T>(db: Db, userId: number, opId: string, kind: string, apply: () => T, now = Date.now()): Once<T> {
	return db
		.transaction((): Once<T> => {
			const stored = db
				.prepare('SELECT result FROM applied_operation WHERE user_id = ? AND op_id = ?')
				.get(userId, opId) as { result: string } | undefined;
			if (stored) return { result: JSON.parse(stored.result) as T, replayed: true };
			const result = apply();
			db.prepare('INSERT INTO applied_operation (user_id, op_id, kind, result, applied_at) VALUES (?, ?, ?, ?, ?)').run(
				userId,
				opId,
				kind,
				JSON.stringify(result),
				now
			);
			return { result, replayed: false };
		})
		.immediate();
}
