// SCORM 2004 4th Edition shared data (RTE 4.3 adl.data; CAM adlcp:data): buckets of text, named by
// a targetID, that a learner's SCOs share. An item's adlcp:map entries say which buckets its SCO
// sees (adl.data.n, in the map's order) and whether it may read and write each one. The server is
// the judge of both: a SCO is given only the buckets it may read, and a commit writes only the
// buckets its item may write, whatever the browser sends.
//
// The buckets live per learner, in the scope the package's adlcp:sharedDataGlobalToSystem names:
// the learner's whole platform when true (the CAM default), the placed package when false.
import type { Db } from '../../db/open';
import type { SequencedPackage } from './state';
import { findActivity, type SharedDataMap } from './tree';

/** adl.data.n.store is characterstring SPM 64000 (RTE 4.3). */
export const STORE_MAX_CHARS = 64_000;

/** What one SCO of a package shares: where its buckets live and which it maps. */
export interface ScoSharedData {
	scope: string;
	maps: SharedDataMap[];
}

/** The SCO's shared data settings, or null when its item maps no bucket. */
export function scoSharedData(pkg: SequencedPackage, identifier: string): ScoSharedData | null {
	const maps = findActivity(pkg.tree.root, identifier)?.sharedDataMaps ?? [];
	if (maps.length === 0) return null;
	return { scope: pkg.tree.sharedDataGlobalToSystem ? 'system' : `attachment:${pkg.attachmentId}`, maps };
}

/** What the SCO starts with: its maps, and the stored value of each bucket it may read (a bucket
 * never written is left out: the SCO reading it gets error 403, value not initialised). */
export function launchSharedData(db: Db, userId: number, shared: ScoSharedData): { maps: SharedDataMap[]; stores: Record<string, string> } {
	const read = db.prepare('SELECT store FROM scorm_shared_data WHERE user_id = ? AND scope = ? AND target_id = ?');
	const stores: Record<string, string> = {};
	for (const map of shared.maps) {
		if (!map.readSharedData) continue;
		const row = read.get(userId, shared.scope, map.targetID) as { store: string } | undefined;
		if (row) stores[map.targetID] = row.store;
	}
	return { maps: shared.maps, stores };
}

/**
 * Stores what the SCO wrote (targetID → value, as scorm-again reports the buckets it wrote), for
 * the buckets its item may write; others are ignored. Runs in the caller's transaction.
 */
export function saveSharedData(db: Db, userId: number, shared: ScoSharedData, written: Record<string, unknown>, now = Date.now()): void {
	const write = db.prepare(
		`INSERT INTO scorm_shared_data (user_id, scope, target_id, store, updated_at) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (user_id, scope, target_id) DO UPDATE SET store = excluded.store, updated_at = excluded.updated_at`
	);
	for (const map of shared.maps) {
		if (!map.writeSharedData || !Object.hasOwn(written, map.targetID)) continue;
		const value = written[map.targetID];
		if (typeof value !== 'string' || value.length > STORE_MAX_CHARS) continue;
		write.run(userId, shared.scope, map.targetID, value, now);
	}
}
