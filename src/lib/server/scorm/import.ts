// Turns an uploaded .zip into a checked package folder `storageRoot/<sha-256 of the zip>/`.
// The same zip uploaded twice is recognised and not rewritten; a refused one leaves nothing.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { analysePackage, type PackageAnalysis } from './analysis';
import { resolveLimits, type ScormLimits } from './limits';
import { findManifest, MANIFEST_NAME, parseManifest, type ScormPackage } from './manifest';
import type { ScormResult } from './problems';
import type { SequencingTree } from './sequencing/tree';
import { extractPackage } from './unzip';

const MB = 1024 * 1024;

export type ImportResult = ScormResult<{
	hash: string;
	/** absolute folder the package now lives in */
	dir: string;
	manifest: ScormPackage;
	/** SCORM 2004's activity tree for the sequencing engine; null for 1.2 */
	sequencing: SequencingTree | null;
	files: string[];
	/** what the trainer should know before learners open it (analysis.ts) */
	analysis: PackageAnalysis;
	/** true when this exact zip had been imported before and its folder was reused */
	existing: boolean;
}>;

export async function readPackage(zipPath: string, storageRoot: string, limits: Partial<ScormLimits> = {}): Promise<ImportResult> {
	const root = path.resolve(storageRoot);
	await mkdir(root, { recursive: true });
	// Refuse an oversized upload before spending time hashing it.
	const { size } = await stat(zipPath);
	const maxZipBytes = resolveLimits(limits).maxZipBytes;
	if (size > maxZipBytes) return { ok: false, problem: { key: 'scorm.zipTooLarge', params: { size: Math.ceil(size / MB), limit: Math.floor(maxZipBytes / MB) } } };
	const hash = await sha256File(zipPath);
	const dir = path.join(root, hash);
	if (existsSync(dir)) return openStored(dir, hash, true);

	const work = path.join(root, `.import-${randomUUID()}`);
	try {
		const extracted = await extractPackage(zipPath, work, limits);
		if (!extracted.ok) return extracted;
		const parsed = await readManifestIn(work, extracted.files);
		if (!parsed.ok) return parsed;
		try {
			await rename(work, dir);
		} catch (err) {
			// Someone imported the same zip at the same moment: theirs is as good as ours.
			const code = (err as NodeJS.ErrnoException).code;
			if ((code === 'ENOTEMPTY' || code === 'EEXIST') && existsSync(dir)) return openStored(dir, hash, true);
			throw err;
		}
		return { ok: true, hash, dir, manifest: parsed.manifest, sequencing: parsed.sequencing, files: extracted.files, analysis: await analysePackage(dir, extracted.files), existing: false };
	} finally {
		await rm(work, { recursive: true, force: true });
	}
}

/** Reads again a package already in storage (its folder is `storageRoot/<hash>`). */
export function readStoredPackage(storageRoot: string, hash: string): Promise<ImportResult> {
	return openStored(path.join(path.resolve(storageRoot), hash), hash, true);
}

async function openStored(dir: string, hash: string, existing: boolean): Promise<ImportResult> {
	const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
		.sort();
	const parsed = await readManifestIn(dir, files);
	if (!parsed.ok) return parsed;
	return { ok: true, hash, dir, manifest: parsed.manifest, sequencing: parsed.sequencing, files, analysis: await analysePackage(dir, files), existing };
}

/** Real manifests are a few hundred kilobytes at most; a bigger one is not read into memory. */
export const MAX_MANIFEST_BYTES = 5 * MB;

async function readManifestIn(dir: string, files: string[]) {
	const found = findManifest(files);
	if (!found.ok) return found;
	const known = new Set(files);
	const file = path.join(dir, MANIFEST_NAME);
	const { size } = await stat(file);
	if (size > MAX_MANIFEST_BYTES) {
		return { ok: false as const, problem: { key: 'scorm.manifestTooLarge' as const, params: { size: Math.ceil(size / MB), limit: MAX_MANIFEST_BYTES / MB } } };
	}
	return parseManifest(decodeXml(await readFile(file)), (name) => known.has(name));
}

/** Manifests are UTF-8 almost always; some Windows tools write UTF-16 with a byte-order mark. */
export function decodeXml(bytes: Uint8Array): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

export async function sha256File(file: string): Promise<string> {
	const hash = createHash('sha256');
	await pipeline(createReadStream(file), hash);
	return hash.digest('hex');
}
