import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildZip, type TestEntry } from './test-zip';
import { ByteLimit, extractPackage, safeName } from './unzip';

const FIXTURES = '/work/shared/fixtures/scorm';
const PWNED = ['/tmp/taphuan-zip-slip-pwned.txt', '/tmp/taphuan-absolute-pwned.txt'];

let work: string;
beforeEach(() => {
	work = mkdtempSync(path.join(os.tmpdir(), 'taphuan-unzip-'));
});
afterEach(() => {
	rmSync(work, { recursive: true, force: true });
});

/** Bytes under `dir` now. The extraction may remove a file or the whole folder between listing and
 * reading it (it cleans up as it refuses), so what is gone counts as nothing. */
function diskBytes(dir: string): number {
	let total = 0;
	for (const entry of ignoringGone(() => readdirSync(dir, { withFileTypes: true, recursive: true }), [])) {
		if (entry.isFile()) total += ignoringGone(() => statSync(path.join(entry.parentPath, entry.name)).size, 0);
	}
	return total;
}

function ignoringGone<T>(read: () => T, gone: T): T {
	try {
		return read();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return gone;
		throw error;
	}
}

function writeZip(entries: TestEntry[]): string {
	const file = path.join(work, 'hand-made.zip');
	writeFileSync(file, buildZip(entries));
	return file;
}

async function expectRefused(zip: string, key: string, limits = {}) {
	const target = path.join(work, 'out');
	const result = await extractPackage(zip, target, limits);
	expect(result.ok ? 'accepted' : result.problem.key).toBe(key);
	// Nothing left behind: only the zip (if hand-made) remains in the work folder.
	expect(readdirSync(work).filter((name) => name !== 'hand-made.zip')).toEqual([]);
	for (const file of PWNED) expect(existsSync(file)).toBe(false);
	return result;
}

describe('extractPackage on the real packages', () => {
	it.each(['scorm12-runtime-basic-calls.zip', 'scorm12-multi-sco.zip', 'scorm2004-3rd-runtime-basic-calls.zip'])(
		'extracts %s with its manifest at the root',
		async (fixture) => {
			const target = path.join(work, 'out');
			const result = await extractPackage(path.join(FIXTURES, fixture), target);
			expect(result.ok).toBe(true);
			if (!result.ok) return;
			expect(result.files).toContain('imsmanifest.xml');
			expect(result.files.every((file) => existsSync(path.join(target, file)))).toBe(true);
			expect(readdirSync(work)).toEqual(['out']);
		}
	);
});

describe('extractPackage refuses hostile zips and leaves nothing behind', () => {
	it.each([
		['not-a-zip.zip', 'scorm.notZip'],
		['hostile-zip-slip.zip', 'scorm.unsafePath'],
		['hostile-absolute-path.zip', 'scorm.unsafePath'],
		['hostile-symlink.zip', 'scorm.symlink'],
		['hostile-too-many-files.zip', 'scorm.tooManyFiles']
	])('%s → %s', async (fixture, key) => {
		await expectRefused(path.join(FIXTURES, 'invalid', fixture), key);
	});

	it('names the entry that escapes', async () => {
		const result = await expectRefused(path.join(FIXTURES, 'invalid/hostile-zip-slip.zip'), 'scorm.unsafePath');
		expect(!result.ok && result.problem.params).toEqual({ name: '../../../../tmp/taphuan-zip-slip-pwned.txt' });
	});

	it('stops the zip bomb from its declared size, quickly, writing nothing', async () => {
		const started = Date.now();
		await expectRefused(path.join(FIXTURES, 'invalid/hostile-zip-bomb.zip'), 'scorm.tooLarge');
		expect(Date.now() - started).toBeLessThan(2000);
	});

	it('stops the zip bomb on its ratio when the size limit would allow it', async () => {
		await expectRefused(path.join(FIXTURES, 'invalid/hostile-zip-bomb.zip'), 'scorm.ratio', { maxTotalBytes: 2 * 1024 ** 3 });
	});

	it('stops an entry that lies about its size while writing, under the limit on disk', async () => {
		const zip = writeZip([
			{ name: 'imsmanifest.xml', data: '<manifest/>' },
			{ name: 'big.bin', data: Buffer.alloc(20 * 1024 * 1024), deflate: true, declaredSize: 1000 }
		]);
		const target = path.join(work, 'out');
		let peak = 0;
		const watcher = setInterval(() => {
			for (const name of readdirSync(work)) if (name !== 'hand-made.zip') peak = Math.max(peak, diskBytes(path.join(work, name)));
		}, 1);
		const result = await extractPackage(zip, target);
		clearInterval(watcher);
		expect(result.ok ? 'accepted' : result.problem.key).toBe('scorm.tooLarge');
		expect(peak).toBeLessThan(1024 * 1024);
		expect(readdirSync(work)).toEqual(['hand-made.zip']);
	});

	it('refuses the whole package past the total size limit, keeping the disk under it', async () => {
		const zip = writeZip([
			{ name: 'a.bin', data: Buffer.alloc(600 * 1024, 1) },
			{ name: 'b.bin', data: Buffer.alloc(600 * 1024, 2) }
		]);
		await expectRefused(zip, 'scorm.tooLarge', { maxTotalBytes: 1024 * 1024 });
	});

	it.each([
		['..\\..\\evil.txt', 'scorm.unsafePath'],
		['C:\\evil.txt', 'scorm.unsafePath'],
		['C:/evil.txt', 'scorm.unsafePath'],
		['a/../../evil.txt', 'scorm.unsafePath']
	])('refuses the name %s', async (name, key) => {
		await expectRefused(writeZip([{ name: 'ok.txt', data: 'ok' }, { name, data: 'x' }]), key);
	});

	it('refuses symlinks, encrypted entries, duplicates and devices', async () => {
		await expectRefused(writeZip([{ name: 'link', data: '/etc/passwd', mode: 0o120777 }]), 'scorm.symlink');
		await expectRefused(writeZip([{ name: 'secret.txt', data: 'x', flags: 1, deflate: true }]), 'scorm.encrypted');
		await expectRefused(writeZip([{ name: 'a.txt', data: '1' }, { name: 'a.txt', data: '2' }]), 'scorm.duplicateName');
		await expectRefused(writeZip([{ name: 'A.html', data: '1' }, { name: 'a.html', data: '2' }]), 'scorm.duplicateName');
		await expectRefused(writeZip([{ name: 'dev', data: '', mode: 0o020644 }]), 'scorm.unsafePath');
	});

	it('refuses too many entries and a zip larger than allowed before reading them', async () => {
		const entries = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' }));
		await expectRefused(writeZip(entries), 'scorm.tooManyFiles', { maxEntries: 10 });
		await expectRefused(writeZip(entries), 'scorm.zipTooLarge', { maxZipBytes: 100 });
	});

	it('refuses to clobber an existing folder', async () => {
		const zip = writeZip([{ name: 'a/b.txt', data: 'x' }, { name: 'a/b.txt/c', data: 'y' }]);
		await expectRefused(zip, 'scorm.duplicateName');
	});
});

describe('safeName', () => {
	it('keeps ordinary names and normalises harmless dots', () => {
		expect(safeName('shared/launchpage.html')).toBe('shared/launchpage.html');
		expect(safeName('a/./b.html')).toBe('a/b.html');
		expect(safeName('Bài học/trang 1.html')).toBe('Bài học/trang 1.html');
	});
});

describe('ByteLimit', () => {
	it('aborts once the running total passes the limit', async () => {
		const total = { bytes: 0 };
		let written = 0;
		const sink = new Writable({
			write(chunk: Buffer, _enc, done) {
				written += chunk.length;
				done();
			}
		});
		const chunks = Array.from({ length: 100 }, () => Buffer.alloc(1024));
		await expect(pipeline(Readable.from(chunks), new ByteLimit('x', Infinity, total, 10 * 1024), sink)).rejects.toMatchObject({
			problem: { key: 'scorm.tooLarge' }
		});
		expect(written).toBeLessThanOrEqual(10 * 1024);
	});
});
