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
import { loadState, runSequencing, type SequencedPackage } from './state';

const T0 = Date.UTC(2026, 11, 6, 21);
let storage: string;
beforeAll(() => {
	storage = mkdtempSync(path.join(os.tmpdir(), 'taphuan-globals-'));
});
afterAll(() => rmSync(storage, { recursive: true, force: true }));

let placed = 0;
async function place(db: Db, role: 'writer' | 'reader' | 'remediation', globalToSystem?: boolean): Promise<SequencedPackage> {
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

/** g.lesson as the package's saved sequencing state holds it (scorm-again's global objective map). */
function lessonObjective(db: Db, userId: number, pkg: SequencedPackage): { satisfiedStatus: boolean; satisfiedStatusKnown: boolean } {
	let found: unknown = null;
	const visit = (value: unknown) => {
		if (found || !value || typeof value !== 'object') return;
		const record = value as Record<string, unknown>;
		if (record['g.lesson'] && typeof record['g.lesson'] === 'object' && 'satisfiedStatusKnown' in (record['g.lesson'] as object)) found = record['g.lesson'];
		else Object.values(record).forEach(visit);
	};
	visit(JSON.parse(loadState(db, userId, pkg)!));
	return found as { satisfiedStatus: boolean; satisfiedStatusKnown: boolean };
}

describe('a new attempt on the whole course (objectivesGlobalToSystem="false")', () => {
	// "Kiểm tra" is disabled until g.lesson is satisfied; "Ôn tập" is skipped once it is; a failed
	// check retries the whole course (retryAll)
	const play = async (globalToSystem: boolean) => {
		const { db, lan } = setup();
		const pkg = await place(db, 'remediation', globalToSystem);
		expect(runSequencing(db, lan, pkg, (e) => [e.navigate('start').delivered, e.choosable().has('check')], T0)).toEqual(['lesson', false]);
		expect(pass(db, lan, pkg, 'continue')).toMatchObject({ delivered: 'check' });
		expect(lessonObjective(db, lan, pkg)).toMatchObject({ satisfiedStatus: true, satisfiedStatusKnown: true });
		return { db, lan, pkg };
	};

	it('retryAll starts the course with its global objectives unknown: the lesson must be passed again', async () => {
		const { db, lan, pkg } = await play(false);
		const retried = runSequencing(db, lan, pkg, (e) => [e.endAttempt({ completion: 'completed', success: 'failed' }).delivered, e.choosable().has('check'), e.choosable().has('review')], T0);
		expect(retried).toEqual(['lesson', false, true]);
		expect(lessonObjective(db, lan, pkg).satisfiedStatusKnown).toBe(false);
	});

	it('so does a start after exitAll; leaving with suspendAll keeps them', async () => {
		const { db, lan, pkg } = await play(false);
		runSequencing(db, lan, pkg, (e) => e.navigate('suspendAll'), T0);
		expect(runSequencing(db, lan, pkg, (e) => [e.navigate('resumeAll').delivered, e.choosable().has('check')], T0)).toEqual(['check', true]);
		expect(runSequencing(db, lan, pkg, (e) => e.navigate('exitAll').ended, T0)).toBe(true);
		expect(lessonObjective(db, lan, pkg).satisfiedStatusKnown).toBe(false);
		expect(runSequencing(db, lan, pkg, (e) => [e.navigate('start').delivered, e.choosable().has('check')], T0)).toEqual(['lesson', false]);
	});

	it('global to the system, they outlive the course’s attempts', async () => {
		const { db, lan, pkg } = await play(true);
		const retried = runSequencing(db, lan, pkg, (e) => [e.endAttempt({ completion: 'completed', success: 'failed' }).delivered, e.choosable().has('check')], T0);
		expect(retried).toEqual(['lesson', true]);
		expect(stored(db)).toEqual([{ user_id: lan, target_id: 'g.lesson', status: expect.stringContaining('"satisfiedStatus":true') }]);
	});
});
