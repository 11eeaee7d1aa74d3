// A learner's sequencing state in a SCORM 2004 package, kept on the server (the engine's
// serialised state, engine.ts) and restored for every request: what was attempted and passed,
// where the learner is or suspended, the package's global objectives. State made for another
// package or tree version is not restored: a replaced package starts afresh (tracking rows of the
// SCOs that kept their identifier stay as they are).
import { deflateSync, inflateSync } from 'node:zlib';
import type { Db } from '../../db/open';
import { GLOBAL_OBJECTIVE_VALUES, withEngine, type Engine, type GlobalObjectiveValues } from './engine';
import type { Activity, SequencingTree } from './tree';

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

/** The global objectives the tree's objectives map (mapInfo targetObjectiveID). */
export function globalObjectiveIds(tree: SequencingTree): string[] {
	const ids = new Set<string>();
	const visit = (activity: Activity) => {
		for (const objective of [...(activity.primaryObjective ? [activity.primaryObjective] : []), ...(activity.objectives ?? [])]) {
			for (const map of objective.mapInfo ?? []) if (map.targetObjectiveID) ids.add(map.targetObjectiveID);
		}
		for (const child of activity.children ?? []) visit(child);
	};
	visit(tree.root);
	return [...ids];
}

/** The learner's system-wide global objectives the tree maps (SN: objectivesGlobalToSystem). */
export function loadSystemObjectives(db: Db, userId: number, tree: SequencingTree): Record<string, GlobalObjectiveValues> {
	const read = db.prepare('SELECT status FROM scorm_global_objective WHERE user_id = ? AND target_id = ?');
	const found: Record<string, GlobalObjectiveValues> = {};
	for (const id of globalObjectiveIds(tree)) {
		const row = read.get(userId, id) as { status: string } | undefined;
		if (row) found[id] = JSON.parse(row.status) as GlobalObjectiveValues;
	}
	return found;
}

const known = (values: GlobalObjectiveValues) => GLOBAL_OBJECTIVE_VALUES.some((key) => key.endsWith('Known') && values[key] === true);

/** Keeps what changed of the objectives, once something of them is known. */
function saveSystemObjectives(db: Db, userId: number, before: Record<string, GlobalObjectiveValues>, after: Record<string, GlobalObjectiveValues>, now: number): void {
	const write = db.prepare(
		`INSERT INTO scorm_global_objective (user_id, target_id, status, updated_at) VALUES (?, ?, ?, ?)
		 ON CONFLICT (user_id, target_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`
	);
	for (const [id, values] of Object.entries(after)) {
		const json = JSON.stringify(values);
		if (before[id] ? JSON.stringify(before[id]) === json : !known(values)) continue;
		write.run(userId, id, json, now);
	}
}

/**
 * Runs `fn` on the learner's engine and saves what it changed, in one write transaction, so two
 * requests of one learner (two tabs) take turns rather than overwrite each other's state. A
 * package whose global objectives are global to the system reads them from, and writes them to,
 * the learner's own store, which every such package shares; the others keep them in their state.
 */
export function runSequencing<T>(db: Db, userId: number, pkg: SequencedPackage, fn: (engine: Engine) => T, now = Date.now()): T {
	return db
		.transaction(() => {
			const system = pkg.tree.objectivesGlobalToSystem ? loadSystemObjectives(db, userId, pkg.tree) : null;
			const { result, state, globals } = withEngine(pkg.tree, loadState(db, userId, pkg), fn, system);
			saveState(db, userId, pkg, state, now);
			if (system && globals) saveSystemObjectives(db, userId, system, globals, now);
			return result;
		})
		.immediate();
}
