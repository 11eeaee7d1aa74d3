import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open';
import { insertUser } from '../../users/service';
import { readPackage } from '../import';
import { placePackage } from '../place';
import { packageSequencing, type Attachment } from '../store';
import { loadState, runSequencing, type SequencedPackage } from './state';

const T0 = Date.UTC(2026, 11, 6, 4);
const FIXTURES = '/work/shared/fixtures/scorm';
let storage: string;
beforeAll(() => {
	storage = mkdtempSync(path.join(os.tmpdir(), 'taphuan-seqstate-'));
});
afterAll(() => rmSync(storage, { recursive: true, force: true }));

function sequenced(db: Db, attachment: Attachment): SequencedPackage {
	return { attachmentId: attachment.id, packageId: attachment.package.id, tree: packageSequencing(db, attachment.package.id)! };
}

describe('sequencing state per learner per package', () => {
	it('is saved after every request and restored for the next; each learner has their own; a replaced package starts afresh', async () => {
		const db = openDatabase(':memory:');
		const lan = insertUser(db, { username: 'lan', displayName: 'Lan', password: 'x', role: 'learner' }, 'x', T0).id;
		const minh = insertUser(db, { username: 'minh', displayName: 'Minh', password: 'x', role: 'learner' }, 'x', T0).id;
		// a course row is all a placement needs
		db.prepare(`INSERT INTO course (id, title, loaded_at) VALUES ('golf', 'Golf', ?)`).run(T0);
		const imported = await readPackage(path.join(FIXTURES, 'scorm2004-sequencing-post-test-rollup.zip'), storage);
		if (!imported.ok) throw new Error('refused');
		const attachment = placePackage(db, imported, 1, { kind: 'attach', courseSlug: 'golf', moduleSlug: 'm1', title: '' }, null, T0);
		const pkg = sequenced(db, attachment);

		expect(loadState(db, lan, pkg)).toBeNull();
		expect(runSequencing(db, lan, pkg, (e) => e.navigate('start').delivered, T0)).toBe('playing_item');
		expect(runSequencing(db, lan, pkg, (e) => e.endAttempt({ completion: 'completed', success: 'passed', navRequest: 'continue' }).delivered, T0 + 1)).toBe('etuqiette_item');
		// a new request sees what the last one left: Etiquette current, Handicapping still closed
		expect(runSequencing(db, lan, pkg, (e) => [e.current(), e.navigate('choice', 'handicapping_item').accepted], T0 + 2)).toEqual(['etuqiette_item', false]);
		expect(db.prepare('SELECT package_id, tree_version, updated_at FROM scorm_sequencing_state WHERE user_id = ?').get(lan)).toEqual({
			package_id: attachment.package.id,
			tree_version: 1,
			updated_at: T0 + 2
		});
		// stored deflated: a few kilobytes rather than the engine's 50 kB of JSON
		expect((db.prepare('SELECT length(state) AS n FROM scorm_sequencing_state WHERE user_id = ?').get(lan) as { n: number }).n).toBeLessThan(10_000);
		// Minh has not started: his state is his own
		expect(runSequencing(db, minh, pkg, (e) => e.current(), T0)).toBeNull();

		const other = await readPackage(path.join(FIXTURES, 'scorm2004-sequencing-simple-remediation.zip'), storage);
		if (!other.ok) throw new Error('refused');
		const replaced = placePackage(db, other, 1, { kind: 'replace', attachmentId: attachment.id }, null, T0 + 3);
		expect(loadState(db, lan, sequenced(db, replaced))).toBeNull();
		expect(runSequencing(db, lan, sequenced(db, replaced), (e) => e.navigate('start').delivered, T0 + 4)).toBe('playing_item');
		expect(db.prepare('SELECT package_id FROM scorm_sequencing_state WHERE user_id = ?').get(lan)).toEqual({ package_id: replaced.package.id });
	});
});
