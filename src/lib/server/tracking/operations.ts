// Exactly once for what the browser queued offline and sends again until it hears back: an
// operation carries an id the browser made; the first delivery is applied and its answer stored
// with the id in the same transaction, a later delivery of the same id gets that answer and
// changes nothing. Ids are the learner's own: another learner's id never matches.
import { z } from 'zod';
import type { Db } from '../db/open';

/** What an operation id may look like: the browser's crypto.randomUUID(), or any id of that kind. */
export const OPERATION_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * How long an operation may wait in a browser: one queued longer is refused (its `queuedForMs`
 * fails the schema), so an applied operation older than this can never be delivered again and
 * its record is pruned (pruneAppliedOperations).
 */
export const REPLAY_WINDOW_MS = 30 * 24 * 60 * 60_000;

/**
 * The fields a queued operation adds to its endpoint's body: its id, how long it waited, and the
 * username it was done as. All three or none: a live request carries none.
 */
export const queuedFields = {
	op: z.string().regex(OPERATION_ID).optional(),
	queuedForMs: z.number().finite().min(0).max(REPLAY_WINDOW_MS).optional(),
	learner: z.string().max(100).optional()
};

/**
 * Whether a queued operation may be applied as `username`: one done as another learner (the
 * phone changed hands, or a session changed between queueing and sending) is not, and the
 * endpoint answers 409 without writing; the browser keeps it for its own learner.
 */
export function isOwnOperation(username: string, operation: { op?: string; learner?: string }): boolean {
	return operation.op === undefined || operation.learner === username;
}

/** Forgets operations applied before the replay window: none of them can arrive again. */
export function pruneAppliedOperations(db: Db, now = Date.now()): number {
	return db.prepare('DELETE FROM applied_operation WHERE applied_at < ?').run(now - REPLAY_WINDOW_MS).changes;
}

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
