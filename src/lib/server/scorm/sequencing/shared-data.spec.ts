import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open';
import { insertUser } from '../../users/service';
import { readPackage } from '../import';
import { parseManifest } from '../manifest';
import { placePackage } from '../place';
import { recordCommit } from '../runtime/commit';
import type { Attachment } from '../store';
import { sharedDataManifest, sharedDataZip } from '../test-packages';
import { sequencedPackage } from './navigation';
import { launchSharedData, scoSharedData } from './shared-data';

const T0 = Date.UTC(2026, 11, 6, 20);
let storage: string;
beforeAll(() => {
	storage = mkdtempSync(path.join(os.tmpdir(), 'taphuan-shared-'));
});
afterAll(() => rmSync(storage, { recursive: true, force: true }));

describe('adlcp:data read at import', () => {
	it('keeps each item’s maps in order, with the scope the organization names (system by default)', () => {
		const parsed = parseManifest(sharedDataManifest(), () => true);
		if (!parsed.ok || !parsed.sequencing) throw new Error('no tree');
		const [writer, reader] = parsed.sequencing.root.children!;
		expect(writer!.sharedDataMaps).toEqual([{ targetID: 'notes', readSharedData: true, writeSharedData: true }]);
		expect(reader!.sharedDataMaps).toEqual([
			{ targetID: 'notes', readSharedData: true, writeSharedData: false },
			{ targetID: 'drafts', readSharedData: false, writeSharedData: true }
		]);
		expect(parsed.sequencing.sharedDataGlobalToSystem).toBe(true);
		const local = parseManifest(sharedDataManifest(false), () => true);
		expect(local.ok && local.sequencing?.sharedDataGlobalToSystem).toBe(false);
	});
});

let zipCount = 0;
async function place(db: Db, globalToSystem: boolean | undefined, moduleSlug: string): Promise<Attachment> {
	const zip = path.join(storage, `shared-${++zipCount}.zip`);
	writeFileSync(zip, sharedDataZip(globalToSystem));
	const imported = await readPackage(zip, storage);
	if (!imported.ok) throw new Error(JSON.stringify(imported));
	return placePackage(db, imported, 1, { kind: 'attach', courseSlug: 'c', moduleSlug, title: '' }, null, T0);
}

function setup() {
	const db = openDatabase(':memory:');
	const lan = insertUser(db, { username: 'lan', displayName: 'Lan', password: 'x', role: 'learner' }, 'x', T0).id;
	const minh = insertUser(db, { username: 'minh', displayName: 'Minh', password: 'x', role: 'learner' }, 'x', T0).id;
	db.prepare(`INSERT INTO course (id, title, loaded_at) VALUES ('c', 'C', ?)`).run(T0);
	return { db, lan, minh };
}

/** One session of `identifier`: launched, one commit carrying what the SCO wrote to adl.data. */
function session(db: Db, userId: number, attachment: Attachment, identifier: string, id: string, written: Record<string, string>, at: number, sequence = 1) {
	const sco = attachment.scos.find((s) => s.identifier === identifier)!;
	const pkg = sequencedPackage(db, attachment)!;
	const target = {
		activityId: sco.activityId,
		packageId: attachment.package.id,
		version: '2004' as const,
		scormType: 'sco' as const,
		rules: sco.rules,
		deliveryControls: sco.deliveryControls,
		sharedData: scoSharedData(pkg, identifier)
	};
	if (sequence === 1) recordCommit(db, target, { userId, session: id, kind: 'launch', sequence: 0, terminate: false, cmi: null }, at);
	return recordCommit(db, target, { userId, session: id, kind: 'commit', sequence, terminate: false, cmi: { completion_status: 'incomplete' }, sharedData: written }, at + 1000);
}

const launch = (db: Db, userId: number, attachment: Attachment, identifier: string) =>
	launchSharedData(db, userId, scoSharedData(sequencedPackage(db, attachment)!, identifier)!);

const rows = (db: Db) => db.prepare('SELECT user_id, scope, target_id, store FROM scorm_shared_data ORDER BY user_id, scope, target_id').all();

describe('shared data stored per learner', () => {
	it('stores what a SCO may write with its commit, and gives the next SCO what it may read', async () => {
		const { db, lan, minh } = setup();
		const attachment = await place(db, undefined, 'm1');
		expect(launch(db, lan, attachment, 'reader')).toEqual({ maps: expect.any(Array), stores: {} });
		session(db, lan, attachment, 'writer', 's1', { notes: 'Ghi chú của Lan' }, T0);
		expect(rows(db)).toEqual([{ user_id: lan, scope: 'system', target_id: 'notes', store: 'Ghi chú của Lan' }]);
		// the reader sees notes; drafts (write-only to it) is never sent to its browser
		session(db, lan, attachment, 'reader', 's2', { notes: 'đổi', drafts: 'nháp', other: 'x' }, T0 + 10_000);
		expect(launch(db, lan, attachment, 'reader').stores).toEqual({ notes: 'Ghi chú của Lan' });
		// its write to the read-only notes and to a bucket it does not map were ignored
		expect(rows(db)).toEqual([
			{ user_id: lan, scope: 'system', target_id: 'drafts', store: 'nháp' },
			{ user_id: lan, scope: 'system', target_id: 'notes', store: 'Ghi chú của Lan' }
		]);
		// another learner has buckets of their own
		expect(launch(db, minh, attachment, 'reader').stores).toEqual({});
		// a stale message (a repeated sequence number) writes nothing
		expect(session(db, lan, attachment, 'writer', 's1', { notes: 'cũ' }, T0 + 20_000, 1)).toBe('stale');
		expect(launch(db, lan, attachment, 'writer').stores).toEqual({ notes: 'Ghi chú của Lan' });
	});

	it('shares a bucket with the learner’s other packages when sharedDataGlobalToSystem is true, not when false', async () => {
		const { db, lan } = setup();
		const first = await place(db, true, 'm1');
		const second = await place(db, undefined, 'm2');
		const own = await place(db, false, 'm3');
		session(db, lan, first, 'writer', 's1', { notes: 'dùng chung' }, T0);
		expect(launch(db, lan, second, 'reader').stores).toEqual({ notes: 'dùng chung' });
		expect(launch(db, lan, own, 'reader').stores).toEqual({});
		session(db, lan, own, 'writer', 's2', { notes: 'riêng' }, T0 + 10_000);
		expect(launch(db, lan, own, 'reader').stores).toEqual({ notes: 'riêng' });
		expect(launch(db, lan, first, 'reader').stores).toEqual({ notes: 'dùng chung' });
	});
});
