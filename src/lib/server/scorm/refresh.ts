// Packages imported before the importer learnt to read something (SCORM 2004 delivery controls
// and objective ids, the import analysis, the SCORM 2004 activity tree) are read again from their folder once, at start-up,
// so they play by the same rules as a package imported today. Same zip, same identifiers: the
// activities and every learner's results are untouched.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open';
import { readStoredPackage } from './import';
import type { ScormItem, ScormPackage } from './manifest';
import { syncPackageActivities } from './store';

function readBefore(manifest: ScormPackage): boolean {
	const walk = (items: ScormItem[]): boolean => items.some((item) => item.deliveryControls === undefined || walk(item.children ?? []));
	return walk(manifest.items);
}

/** Returns how many packages were read again. Must run before the catalog caches attachments. */
export async function refreshStoredPackages(db: Db, scormDir: string): Promise<number> {
	const rows = db.prepare('SELECT id, hash, version, manifest, analysis, sequencing FROM scorm_package').all() as {
		id: number;
		hash: string;
		version: '1.2' | '2004';
		manifest: string;
		analysis: string | null;
		sequencing: string | null;
	}[];
	let refreshed = 0;
	for (const row of rows) {
		const treeMissing = row.version === '2004' && row.sequencing === null;
		if (row.analysis !== null && !treeMissing && !readBefore(JSON.parse(row.manifest) as ScormPackage)) continue;
		if (!existsSync(path.join(scormDir, row.hash))) continue;
		const stored = await readStoredPackage(scormDir, row.hash);
		if (!stored.ok) continue;
		db.prepare('UPDATE scorm_package SET manifest = ?, analysis = ?, sequencing = ? WHERE id = ?').run(
			JSON.stringify(stored.manifest),
			JSON.stringify(stored.analysis),
			stored.sequencing ? JSON.stringify(stored.sequencing) : null,
			row.id
		);
		refreshed += 1;
	}
	syncPackageActivities(db);
	return refreshed;
}
