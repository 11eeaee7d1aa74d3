// Unpacks an uploaded SCORM .zip without trusting anything it says: names, sizes, counts and
// file types are checked from the central directory first, then bytes are counted while writing.
// Everything is written to a temporary sibling folder that is renamed into place only on success.
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { resolveLimits, type ScormLimits } from './limits';
import { refuse, ScormRefusal, type ScormResult } from './problems';

export type ExtractResult = ScormResult<{ files: string[] }>;

const MB = 1024 * 1024;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

/**
 * Extracts `zipPath` into `targetDir`, which must not exist yet. Returns the extracted file
 * paths (forward slashes, relative to `targetDir`), or the first reason the package is refused;
 * on refusal nothing is left on disk.
 */
export async function extractPackage(
	zipPath: string,
	targetDir: string,
	limits: Partial<ScormLimits> = {}
): Promise<ExtractResult> {
	const max = resolveLimits(limits);
	const target = path.resolve(targetDir);
	let zip: ZipFile | undefined;
	let staging: string | undefined;
	try {
		const { size } = await stat(zipPath);
		if (size > max.maxZipBytes) refuse('scorm.zipTooLarge', { size: Math.ceil(size / MB), limit: Math.floor(max.maxZipBytes / MB) });
		zip = await openZip(zipPath);
		if (zip.entryCount > max.maxEntries) refuse('scorm.tooManyFiles', { count: zip.entryCount, limit: max.maxEntries });
		const entries = await readCentralDirectory(zip, max);

		staging = await mkdtemp(path.join(path.dirname(target), `.${path.basename(target)}-`));
		const files = await writeEntries(zip, entries, staging, max);
		await rename(staging, target);
		staging = undefined;
		return { ok: true, files };
	} catch (err) {
		if (err instanceof ScormRefusal) return { ok: false, problem: err.problem };
		throw err;
	} finally {
		zip?.close();
		if (staging) await rm(staging, { recursive: true, force: true });
	}
}

function openZip(zipPath: string): Promise<ZipFile> {
	return new Promise((resolve, reject) => {
		yauzl.open(zipPath, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true }, (err, zip) => {
			if (err || !zip) reject(new ScormRefusal({ key: 'scorm.notZip' }));
			else resolve(zip);
		});
	});
}

/** yauzl refuses some unsafe names itself; its messages end with the offending name. */
function zipError(err: unknown): ScormRefusal {
	if (err instanceof ScormRefusal) return err;
	const message = err instanceof Error ? err.message : String(err);
	const name = message.includes(': ') ? message.slice(message.indexOf(': ') + 2) : '';
	if (/^(absolute path|invalid relative path|invalid characters in fileName)/.test(message)) {
		return new ScormRefusal({ key: 'scorm.unsafePath', params: { name } });
	}
	return new ScormRefusal({ key: 'scorm.damaged', params: { name: message } });
}

/** Reads every entry header and refuses the package before a single byte is written. */
function readCentralDirectory(zip: ZipFile, max: ScormLimits): Promise<Entry[]> {
	return new Promise((resolve, reject) => {
		const entries: Entry[] = [];
		const seen = new Set<string>();
		let declaredTotal = 0;
		zip.on('error', (err) => reject(zipError(err)));
		zip.on('end', () => resolve(entries));
		zip.on('entry', (entry: Entry) => {
			try {
				const name = safeName(entry.fileName);
				const isDir = name.endsWith('/');
				const key = name.replace(/\/$/, '').toLowerCase();
				// Case-insensitive: two names that differ only in case collide on some file systems.
				if (seen.has(key)) refuse('scorm.duplicateName', { name });
				seen.add(key);
				checkFileType(entry, name, isDir);
				if (entry.isEncrypted()) refuse('scorm.encrypted', { name });
				declaredTotal += entry.uncompressedSize;
				if (declaredTotal > max.maxTotalBytes) refuse('scorm.tooLarge', { name, limit: Math.floor(max.maxTotalBytes / MB) });
				if (entry.uncompressedSize > max.ratioFreeBytes && entry.uncompressedSize > Math.max(entry.compressedSize, 1) * max.maxEntryRatio) {
					refuse('scorm.ratio', { name });
				}
				entries.push(entry);
				zip.readEntry();
			} catch (err) {
				reject(zipError(err));
			}
		});
		zip.readEntry();
	});
}

/** Returns the name if it stays inside the package once normalised; refuses it otherwise. */
export function safeName(name: string): string {
	const unsafe = () => refuse('scorm.unsafePath', { name });
	if (name === '' || name.includes('\0') || name.includes('\\')) unsafe();
	if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) unsafe();
	const parts = name.split('/');
	if (parts.some((part) => part === '..')) unsafe();
	const normalised = path.posix.normalize(name);
	if (normalised.startsWith('../') || normalised === '..' || normalised === '.' || normalised === './' || path.posix.isAbsolute(normalised)) unsafe();
	return normalised;
}

function checkFileType(entry: Entry, name: string, isDir: boolean): void {
	// The Unix mode sits in the top 16 bits; zips made on Windows leave it zero.
	const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
	if (mode === S_IFLNK) refuse('scorm.symlink', { name });
	if (mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) refuse('scorm.unsafePath', { name });
	if (mode === S_IFDIR && !isDir) refuse('scorm.unsafePath', { name });
}

async function writeEntries(zip: ZipFile, entries: Entry[], root: string, max: ScormLimits): Promise<string[]> {
	const files: string[] = [];
	const total = { bytes: 0 };
	for (const entry of entries) {
		const name = safeName(entry.fileName);
		const destination = path.resolve(root, name);
		if (destination !== root && !destination.startsWith(root + path.sep)) refuse('scorm.unsafePath', { name });
		try {
			if (name.endsWith('/')) {
				await mkdir(destination, { recursive: true });
				continue;
			}
			await mkdir(path.dirname(destination), { recursive: true });
			const source = await openEntry(zip, entry);
			const counter = new ByteLimit(name, entry.uncompressedSize, total, max.maxTotalBytes);
			await pipeline(source, counter, createWriteStream(destination, { flags: 'wx' }));
		} catch (err) {
			if (err instanceof ScormRefusal) throw err;
			// A file where a folder should be (or the reverse): two entries claim the same place.
			const code = err instanceof Error && 'code' in err ? err.code : undefined;
			if (code === 'EEXIST' || code === 'EISDIR' || code === 'ENOTDIR') refuse('scorm.duplicateName', { name });
			// Any other disk error is the server's problem, not the package's.
			if (typeof code === 'string') throw err;
			// Size lies caught by yauzl, corrupt deflate data: the zip's fault.
			if (err instanceof Error && /too many bytes/.test(err.message)) refuse('scorm.tooLarge', { name, limit: Math.floor(max.maxTotalBytes / MB) });
			refuse('scorm.damaged', { name });
		}
		files.push(name);
	}
	return files;
}

function openEntry(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
	return new Promise((resolve, reject) => {
		zip.openReadStream(entry, (err, stream) => {
			if (err || !stream) reject(zipError(err));
			else resolve(stream);
		});
	});
}

/**
 * Passes bytes through and aborts once an entry writes more than it declared or the package
 * more than the total limit: declared sizes can lie.
 */
export class ByteLimit extends Transform {
	private entryBytes = 0;

	constructor(
		private readonly name: string,
		private readonly declared: number,
		private readonly total: { bytes: number },
		private readonly maxTotal: number
	) {
		super();
	}

	override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
		this.entryBytes += chunk.length;
		this.total.bytes += chunk.length;
		if (this.entryBytes > this.declared || this.total.bytes > this.maxTotal) {
			callback(new ScormRefusal({ key: 'scorm.tooLarge', params: { name: this.name, limit: Math.floor(this.maxTotal / MB) } }));
			return;
		}
		callback(null, chunk);
	}
}
