import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCatalog, moduleActivities } from '../courses/catalog';
import { openDatabase, type Db } from '../db/open';
import { getTracking } from '../tracking/service';
import { insertUser } from '../users/service';
import { readPackage } from './import';
import { placePackage } from './place';
import { recordCommit } from './runtime/commit';
import { attachmentsRevision, listAttachments, packageSequencing, removeAttachment } from './store';
import { buildZip } from './test-zip';

const T0 = Date.UTC(2026, 10, 29, 2);

/** A two-SCO package whose items are `ids`. */
function packageZip(dir: string, name: string, ids: string[]): string {
	const items = ids.map((id) => `<item identifier="${id}" identifierref="r-${id}"><title>Phần ${id}</title></item>`).join('');
	const resources = ids.map((id) => `<resource identifier="r-${id}" type="webcontent" adlcp:scormtype="sco" href="${id}.html"><file href="${id}.html"/></resource>`).join('');
	const manifest = `<?xml version="1.0"?>
<manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
<metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
<organizations default="o"><organization identifier="o"><title>Gói ${name}</title>${items}</organization></organizations>
<resources>${resources}</resources></manifest>`;
	const file = path.join(dir, `${name}.zip`);
	writeFileSync(file, buildZip([{ name: 'imsmanifest.xml', data: manifest }, ...ids.map((id) => ({ name: `${id}.html`, data: `<p>${id}</p>` }))]));
	return file;
}

let work: string;
let storage: string;
let db: Db;
let userId: number;

beforeAll(() => {
	work = mkdtempSync(path.join(os.tmpdir(), 'taphuan-store-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeEach(() => {
	storage = mkdtempSync(path.join(work, 'scorm-'));
	db = openDatabase(':memory:');
	userId = insertUser(db, { username: 'lan', displayName: 'Lan', password: 'x', role: 'learner' }, 'x', T0).id;
});

async function importZip(file: string) {
	const result = await readPackage(file, storage);
	if (!result.ok) throw new Error(JSON.stringify(result.problem));
	return result;
}

describe('placing packages in modules', () => {
	it('makes one activity per SCO, counted toward the module', async () => {
		const catalog = buildCatalog(db, 'courses', T0);
		const course = catalog.courses[0]!;
		const module = course.modules[1]!;
		const before = attachmentsRevision(db);
		const attachment = placePackage(db, await importZip(packageZip(work, 'v1', ['a', 'b'])), 100, { kind: 'attach', courseSlug: course.slug, moduleSlug: module.slug, title: '' }, userId, T0);
		expect(attachment).toMatchObject({ title: 'Gói v1', courseSlug: course.slug, moduleSlug: module.slug });
		expect(attachment.scos.map((sco) => sco.identifier)).toEqual(['a', 'b']);
		expect(attachmentsRevision(db)).not.toBe(before);
		const refreshed = buildCatalog(db, 'courses', T0);
		expect(moduleActivities(refreshed, course, module).filter((a) => a.kind === 'scorm').map((a) => a.id)).toEqual(attachment.scos.map((sco) => sco.activityId));
	});

	it('keeps learners’ tracking when a new version keeps a SCO’s identifier', async () => {
		const catalog = buildCatalog(db, 'courses', T0);
		const [course, module] = [catalog.courses[0]!, catalog.courses[0]!.modules[1]!];
		const first = placePackage(db, await importZip(packageZip(work, 'v1', ['a', 'b'])), 100, { kind: 'attach', courseSlug: course.slug, moduleSlug: module.slug, title: 'Kỹ năng' }, userId, T0);
		const [a, b] = first.scos;
		recordCommit(db, { activityId: b!.activityId, packageId: first.package.id, version: '1.2', scormType: 'sco', rules: b!.rules, deliveryControls: b!.deliveryControls }, { userId, session: 'session-1', kind: 'commit', sequence: 1, terminate: true, cmi: { core: { lesson_status: 'passed', score: { raw: '90' } } } }, T0);

		const second = placePackage(db, await importZip(packageZip(work, 'v2', ['b', 'c'])), 120, { kind: 'replace', attachmentId: first.id }, userId, T0 + 1000);
		expect(second.id).toBe(first.id);
		expect(second.title).toBe('Kỹ năng');
		expect(second.package.id).not.toBe(first.package.id);
		expect(second.scos.map((sco) => sco.identifier)).toEqual(['b', 'c']);
		expect(second.scos[0]!.activityId).toBe(b!.activityId);
		expect(second.scos[1]!.activityId).not.toBe(a!.activityId);
		expect(getTracking(db, userId, b!.activityId)).toMatchObject({ successStatus: 'passed', scoreRaw: 90 });
		expect(db.prepare('SELECT package_id FROM scorm_attachment_version WHERE attachment_id = ? ORDER BY from_at').all(first.id)).toEqual([
			{ package_id: first.package.id },
			{ package_id: second.package.id }
		]);
	});

	it('recognises the same zip imported twice, and forgets a removed attachment', async () => {
		const catalog = buildCatalog(db, 'courses', T0);
		const [course, module] = [catalog.courses[0]!, catalog.courses[0]!.modules[0]!];
		const zip = packageZip(work, 'v1', ['a']);
		const one = placePackage(db, await importZip(zip), 100, { kind: 'attach', courseSlug: course.slug, moduleSlug: module.slug, title: '' }, userId, T0);
		const again = await importZip(zip);
		expect(again.existing).toBe(true);
		const two = placePackage(db, again, 100, { kind: 'attach', courseSlug: course.slug, moduleSlug: module.slug, title: 'Bản sao' }, userId, T0);
		expect(two.package.id).toBe(one.package.id);
		expect(db.prepare('SELECT count(*) AS n FROM scorm_package').get()).toEqual({ n: 1 });
		expect(removeAttachment(db, one.id, T0 + 5)).toBe(true);
		expect(removeAttachment(db, one.id, T0 + 6)).toBe(false);
		expect(listAttachments(db).map((attachment) => attachment.id)).toEqual([two.id]);
	});

	it('stores a SCORM 2004 package’s activity tree with it, and none for SCORM 1.2', async () => {
		const catalog = buildCatalog(db, 'courses', T0);
		const [course, module] = [catalog.courses[0]!, catalog.courses[0]!.modules[0]!];
		const golf = placePackage(db, await importZip('/work/shared/fixtures/scorm/scorm2004-sequencing-post-test-rollup.zip'), 100, { kind: 'attach', courseSlug: course.slug, moduleSlug: module.slug, title: '' }, userId, T0);
		expect(packageSequencing(db, golf.package.id)?.root.id).toBe('golf_sample_default_org');
		expect(packageSequencing(db, golf.package.id)?.root.children?.map((activity) => activity.id)).toEqual(['playing_item', 'etuqiette_item', 'handicapping_item', 'havingfun_item', 'assessment_item']);
		const old = placePackage(db, await importZip(packageZip(work, 'v1', ['a'])), 100, { kind: 'attach', courseSlug: course.slug, moduleSlug: module.slug, title: '' }, userId, T0);
		expect(old.package.version).toBe('1.2');
		expect(packageSequencing(db, old.package.id)).toBeNull();
	});
});
