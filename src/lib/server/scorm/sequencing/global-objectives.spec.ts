import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open';
import { insertUser } from '../../users/service';
import { readPackage } from '../import';
import { placePackage } from '../place';
import { objectivesZip } from '../test-packages';
import { sequencedPackage } from './navigation';
import { runSequencing, type SequencedPackage } from './state';

const T0 = Date.UTC(2026, 11, 6, 21);
let storage: string;
beforeAll(() => {
	storage = mkdtempSync(path.join(os.tmpdir(), 'taphuan-globals-'));
});
afterAll(() => rmSync(storage, { recursive: true, force: true }));

let placed = 0;
async function place(db: Db, role: 'writer' | 'reader', globalToSystem?: boolean): Promise<SequencedPackage> {
	const zip = path.join(storage, `objectives-${++placed}.zip`);
	writeFileSync(zip, objectivesZip(role, globalToSystem));
	const imported = await readPackage(zip, storage);
	if (!imported.ok) throw new Error(JSON.stringify(imported));
	const attachment = placePackage(db, imported, 1, { kind: 'attach', courseSlug: 'c', moduleSlug: `m${placed}`, title: '' }, null, T0);
	return sequencedPackage(db, attachment)!;
}

function setup() {
	const db = openDatabase(':memory:');
	const lan = insertUser(db, { username: 'lan', displayName: 'Lan', password: 'x', role: 'learner' }, 'x', T0).id;
	const minh = insertUser(db, { username: 'minh', displayName: 'Minh', password: 'x', role: 'learner' }, 'x', T0).id;
	db.prepare(`INSERT INTO course (id, title, loaded_at) VALUES ('c', 'C', ?)`).run(T0);
	return { db, lan, minh };
}

const start = (db: Db, userId: number, pkg: SequencedPackage) => runSequencing(db, userId, pkg, (e) => e.navigate('start').delivered, T0);
const pass = (db: Db, userId: number, pkg: SequencedPackage, navRequest?: string) =>
	runSequencing(db, userId, pkg, (e) => e.endAttempt({ completion: 'completed', success: 'passed', navRequest }), T0);
const stored = (db: Db) => db.prepare('SELECT user_id, target_id, status FROM scorm_global_objective').all() as { user_id: number; target_id: string; status: string }[];

describe('global objectives and objectivesGlobalToSystem (SN 3.10.3, CAM)', () => {
	it('true (the default): an objective one package writes is read by the learner’s other packages', async () => {
		const { db, lan, minh } = setup();
		const writer = await place(db, 'writer');
		const reader = await place(db, 'reader');
		expect(writer.tree.objectivesGlobalToSystem).toBe(true);
		expect(start(db, lan, writer)).toBe('lesson');
		pass(db, lan, writer);
		expect(stored(db)).toEqual([{ user_id: lan, target_id: 'g.lesson', status: expect.stringContaining('"satisfiedStatus":true') }]);
		// the review is skipped: the lesson is already satisfied, in another package
		expect(start(db, lan, reader)).toBe('check');
		// another learner's objectives are their own
		expect(start(db, minh, reader)).toBe('review');
	});

	it('true: a package already opened reads what another package wrote since', async () => {
		const { db, lan } = setup();
		const writer = await place(db, 'writer', true);
		const reader = await place(db, 'reader', true);
		expect(start(db, lan, reader)).toBe('review');
		runSequencing(db, lan, reader, (e) => e.endAttempt({ completion: 'incomplete', navRequest: 'exitAll' }), T0);
		start(db, lan, writer);
		pass(db, lan, writer);
		expect(start(db, lan, reader)).toBe('check');
	});

	it('false: objectives stay within their package, neither written for nor read from the others', async () => {
		const { db, lan } = setup();
		const privateWriter = await place(db, 'writer', false);
		const writer = await place(db, 'writer');
		const privateReader = await place(db, 'reader', false);
		start(db, lan, privateWriter);
		pass(db, lan, privateWriter);
		expect(stored(db)).toEqual([]);
		start(db, lan, writer);
		pass(db, lan, writer);
		expect(stored(db)).toHaveLength(1);
		expect(start(db, lan, privateReader)).toBe('review');
	});
});
