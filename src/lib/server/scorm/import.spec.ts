import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackage, sha256File } from './import';
import type { ScormItem } from './manifest';

const FIXTURES = '/work/shared/fixtures/scorm';
const PWNED = ['/tmp/taphuan-zip-slip-pwned.txt', '/tmp/taphuan-absolute-pwned.txt'];

let storage: string;
beforeAll(() => {
	storage = mkdtempSync(path.join(os.tmpdir(), 'taphuan-scorm-'));
});
afterAll(() => {
	rmSync(storage, { recursive: true, force: true });
});

function flatten(items: ScormItem[]): ScormItem[] {
	return items.flatMap((item) => [item, ...flatten(item.children)]);
}

async function importOk(fixture: string) {
	const result = await readPackage(path.join(FIXTURES, fixture), storage);
	if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problem)}`);
	return result;
}

describe('readPackage on the real packages', () => {
	it('reads the SCORM 1.2 single-SCO package', async () => {
		const { manifest, dir, hash } = await importOk('scorm12-runtime-basic-calls.zip');
		expect(hash).toBe(await sha256File(path.join(FIXTURES, 'scorm12-runtime-basic-calls.zip')));
		expect(dir).toBe(path.join(storage, hash));
		expect(manifest.version).toBe('1.2');
		expect(manifest.schemaVersion).toBe('1.2');
		expect(manifest.organization).toEqual({ identifier: 'golf_sample_default_org', title: 'Golf Explained - Run-time Basic Calls' });
		expect(manifest.items).toHaveLength(1);
		expect(manifest.items[0]).toMatchObject({ title: 'Golf Explained', launchUrl: 'shared/launchpage.html', masteryScore: null });
		expect(manifest.items[0]!.resource?.scormType).toBe('sco');
		expect(existsSync(path.join(dir, 'shared/launchpage.html'))).toBe(true);
	});

	it('reads the nested table of contents of the multi-SCO package, parameters merged', async () => {
		const { manifest } = await importOk('scorm12-multi-sco.zip');
		expect(manifest.organization.title).toBe('Golf Explained - Minimum Run-time Calls');
		expect(manifest.items.map((item) => [item.title, item.resource, item.children.length])).toEqual([
			['Playing the Game', null, 6],
			['Etiquette', null, 4],
			['Handicapping', null, 5],
			['Having Fun', null, 3]
		]);
		const leaves = flatten(manifest.items).filter((item) => item.resource);
		expect(leaves).toHaveLength(18);
		expect(leaves.every((item) => item.resource?.scormType === 'sco')).toBe(true);
		expect(leaves.find((item) => item.identifier === 'etiquette_quiz_item')?.launchUrl).toBe('shared/assessmenttemplate.html?questions=Etiquette');
		expect(leaves.find((item) => item.identifier === 'playing_par_item')?.launchUrl).toBe('Playing/Par.html');
		const assets = manifest.resources.filter((resource) => resource.scormType === 'asset');
		expect(assets.map((resource) => resource.identifier)).toEqual(['common_files']);
		expect(manifest.resources.find((r) => r.identifier === 'playing_par_resource')?.dependencies).toEqual(['common_files']);
	});

	it('reads the SCORM 2004 3rd Edition package', async () => {
		const { manifest } = await importOk('scorm2004-3rd-runtime-basic-calls.zip');
		expect(manifest.version).toBe('2004');
		expect(manifest.schemaVersion).toBe('2004 3rd Edition');
		expect(manifest.items[0]).toMatchObject({ identifier: 'item_1', launchUrl: 'shared/launchpage.html', scaledPassingScore: null });
		expect(manifest.items[0]!.resource?.scormType).toBe('sco');
	});

	it('recognises the same zip imported again and rewrites nothing', async () => {
		const first = await importOk('scorm12-multi-sco.zip');
		const before = statSync(path.join(first.dir, 'imsmanifest.xml')).mtimeMs;
		const again = await importOk('scorm12-multi-sco.zip');
		expect(again).toMatchObject({ existing: true, hash: first.hash, dir: first.dir });
		expect(again.manifest).toEqual(first.manifest);
		expect(statSync(path.join(first.dir, 'imsmanifest.xml')).mtimeMs).toBe(before);
	});

	it('shows the hostile title as literal text', async () => {
		const { manifest } = await importOk('invalid/hostile-title-xss.zip');
		expect(manifest.organization.title).toBe('<img src=x onerror="window.__xss=1">Golf');
	});
});

describe('readPackage refuses the broken and hostile packages, leaving nothing', () => {
	it.each([
		['not-a-zip.zip', 'scorm.notZip'],
		['hostile-zip-slip.zip', 'scorm.unsafePath'],
		['hostile-absolute-path.zip', 'scorm.unsafePath'],
		['hostile-symlink.zip', 'scorm.symlink'],
		['hostile-zip-bomb.zip', 'scorm.tooLarge'],
		['hostile-too-many-files.zip', 'scorm.tooManyFiles'],
		['hostile-xxe-manifest.zip', 'scorm.doctype'],
		['manifest-in-subfolder.zip', 'scorm.manifestInSubfolder'],
		['scorm12-malformed-xml.zip', 'scorm.badXml'],
		['scorm12-missing-launch-url.zip', 'scorm.noLaunch'],
		['scorm12-missing-required-fields.zip', 'scorm.missingField'],
		['scorm12-item-with-non-existent-resource-id.zip', 'scorm.missingResource'],
		['scorm2004-missing-org-identifier.zip', 'scorm.missingField']
	])('%s → %s', async (fixture, key) => {
		const before = readdirSync(storage).sort();
		const result = await readPackage(path.join(FIXTURES, 'invalid', fixture), storage);
		expect(result.ok ? 'accepted' : result.problem.key).toBe(key);
		expect(JSON.stringify(result)).not.toContain('root:');
		expect(readdirSync(storage).sort()).toEqual(before);
		for (const file of PWNED) expect(existsSync(file)).toBe(false);
	});

	it('says which subfolder holds the manifest, and which fields are missing', async () => {
		const sub = await readPackage(path.join(FIXTURES, 'invalid/manifest-in-subfolder.zip'), storage);
		expect(!sub.ok && sub.problem.params).toEqual({ folder: 'course' });
		const org = await readPackage(path.join(FIXTURES, 'invalid/scorm2004-missing-org-identifier.zip'), storage);
		expect(!org.ok && org.problem.params).toEqual({ element: 'organization', field: 'identifier' });
		const title = await readPackage(path.join(FIXTURES, 'invalid/scorm12-missing-required-fields.zip'), storage);
		expect(!title.ok && title.problem.params).toEqual({ element: 'organization', field: 'title' });
		const ref = await readPackage(path.join(FIXTURES, 'invalid/scorm12-item-with-non-existent-resource-id.zip'), storage);
		expect(!ref.ok && ref.problem.params).toEqual({ item: 'Item 1', resource: 'non_existent_resource' });
	});
});

describe('readPackage and a giant manifest', () => {
	it('refuses a manifest over the limit without reading it into memory', async () => {
		const { buildZip } = await import('./test-zip');
		const { writeFileSync } = await import('node:fs');
		const { MAX_MANIFEST_BYTES } = await import('./import');
		const zip = path.join(storage, 'giant.zip.src');
		const padding = Buffer.alloc(MAX_MANIFEST_BYTES + 1, 0x20);
		writeFileSync(zip, buildZip([{ name: 'imsmanifest.xml', data: padding, deflate: true }]));
		const before = readdirSync(storage).filter((name) => name !== 'giant.zip.src').sort();
		const result = await readPackage(zip, storage, { maxEntryRatio: 1e9 });
		expect(result.ok ? 'accepted' : result.problem.key).toBe('scorm.manifestTooLarge');
		expect(readdirSync(storage).filter((name) => name !== 'giant.zip.src').sort()).toEqual(before);
	});
});

