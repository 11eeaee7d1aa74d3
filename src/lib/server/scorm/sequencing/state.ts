// A learner's sequencing state in a SCORM 2004 package, kept on the server (the engine's
// serialised state, engine.ts) and restored for every request: what was attempted and passed,
// where the learner is or suspended, the package's global objectives. State made for another
// package or tree version is not restored: a replaced package starts afresh (tracking rows of the
// SCOs that kept their identifier stay as they are).
import { deflateSync, inflateSync } from 'node:zlib';
import type { Db } from '../../db/open';
import { withEngine, type Engine } from './engine';
import type { SequencingTree } from './tree';

export interface SequencedPackage {
	attachmentId: number;
	packageId: number;
	tree: SequencingTree;
}

/** The saved state for this package and tree, or null (never opened, or made for another one). */
export function loadState(db: Db, userId: number, pkg: SequencedPackage): string | null {
	const row = db.prepare('SELECT package_id, tree_version, state FROM scorm_sequencing_state WHERE user_id = ? AND attachment_id = ?').get(userId, pkg.attachmentId) as
		| { package_id: number; tree_version: number; state: Buffer }
		| undefined;
	if (!row || row.package_id !== pkg.packageId || row.tree_version !== pkg.tree.treeVersion) return null;
	return inflateSync(row.state).toString('utf8');
}

export function saveState(db: Db, userId: number, pkg: SequencedPackage, state: string, now = Date.now()): void {
	db.prepare(
		`INSERT INTO scorm_sequencing_state (user_id, attachment_id, package_id, tree_version, state, updated_at) VALUES (?, ?, ?, ?, ?, ?)
		 ON CONFLICT (user_id, attachment_id) DO UPDATE SET package_id = excluded.package_id, tree_version = excluded.tree_version,
		   state = excluded.state, updated_at = excluded.updated_at`
	).run(userId, pkg.attachmentId, pkg.packageId, pkg.tree.treeVersion, deflateSync(state), now);
}

/**
 * Runs `fn` on the learner's engine and saves what it changed, in one write transaction, so two
 * requests of one learner (two tabs) take turns rather than overwrite each other's state.
 */
export function runSequencing<T>(db: Db, userId: number, pkg: SequencedPackage, fn: (engine: Engine) => T, now = Date.now()): T {
	return db
		.transaction(() => {
			const { result, state } = withEngine(pkg.tree, loadState(db, userId, pkg), fn);
			saveState(db, userId, pkg, state, now);
			return result;
		})
		.immediate();
}
