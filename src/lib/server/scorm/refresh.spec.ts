import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { readPackage } from './import';
import type { ScormPackage } from './manifest';
import { refreshStoredPackages } from './refresh';
import type { SequencingTree } from './sequencing/tree';

let storage: string;
beforeAll(() => {
	storage = mkdtempSync(path.join(os.tmpdir(), 'taphuan-refresh-'));
});
afterAll(() => rmSync(storage, { recursive: true, force: true }));

describe('refreshStoredPackages', () => {
	it('reads again, once, a package stored before delivery controls and the analysis were read', async () => {
		const imported = await readPackage('/work/shared/fixtures/scorm/scorm2004-3rd-runtime-basic-calls.zip', storage);
		if (!imported.ok) throw new Error('refused');
		// as an older importer stored it: no delivery controls, no objective ids, no analysis
		const old = JSON.parse(JSON.stringify(imported.manifest), (key, value) => (key === 'deliveryControls' || key === 'objectiveIds' ? undefined : value)) as ScormPackage;
		const db = openDatabase(':memory:');
		db.prepare(`INSERT INTO scorm_package (hash, version, title, manifest, zip_bytes, imported_at) VALUES (?, '2004', 'Golf', ?, 1, 0)`).run(imported.hash, JSON.stringify(old));

		expect(await refreshStoredPackages(db, storage)).toBe(1);
		const row = db.prepare('SELECT manifest, analysis FROM scorm_package').get() as { manifest: string; analysis: string };
		// this package's SCO says the content sets its own status: it must not be completed by default
		expect((JSON.parse(row.manifest) as ScormPackage).items[0]!.deliveryControls).toEqual({ tracked: true, completionSetByContent: true, objectiveSetByContent: true });
		expect(JSON.parse(row.analysis)).toEqual({ externalUrls: [], externalCount: 0, referencesApi: true });
		expect(await refreshStoredPackages(db, storage)).toBe(0);
	});

	it('gives a SCORM 2004 package imported before sequencing was translated its activity tree', async () => {
		const imported = await readPackage('/work/shared/fixtures/scorm/scorm2004-sequencing-random-test.zip', storage);
		if (!imported.ok) throw new Error('refused');
		const db = openDatabase(':memory:');
		db.prepare(`INSERT INTO scorm_package (hash, version, title, manifest, analysis, zip_bytes, imported_at) VALUES (?, '2004', 'Golf', ?, ?, 1, 0)`).run(
			imported.hash,
			JSON.stringify(imported.manifest),
			JSON.stringify(imported.analysis)
		);
		expect(await refreshStoredPackages(db, storage)).toBe(1);
		const row = db.prepare('SELECT sequencing FROM scorm_package').get() as { sequencing: string };
		expect((JSON.parse(row.sequencing) as SequencingTree).root.id).toBe('golf_sample_default_org');
		expect(await refreshStoredPackages(db, storage)).toBe(0);
	});
});
