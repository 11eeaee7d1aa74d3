// Large packages arrive in pieces: the browser sends the zip in chunks small enough for the
// server's body limit, each appended at its offset. A dropped connection on mobile data costs
// one chunk, not the whole upload (the page asks where to resume), and the server never holds
// more than a chunk in memory. Each upload is a `.part` file plus a small JSON note of who sends
// what, in a folder beside the packages, so any server process can take the next chunk.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ScormProblem } from './problems';

export const CHUNK_BYTES = 512 * 1024;
/** an upload not finished within a day is abandoned */
const ABANDONED_MS = 24 * 60 * 60_000;

interface UploadNote {
	userId: number;
	size: number;
	name: string;
	startedAt: number;
}

export type UploadResult<T> = ({ ok: true } & T) | { ok: false; status: number; problem: ScormProblem; received?: number };

export function uploadsDir(scormDir: string): string {
	return path.join(scormDir, '.uploads');
}

const ID = /^[a-f0-9]{32}$/;

function files(dir: string, id: string) {
	return { note: path.join(dir, `${id}.json`), part: path.join(dir, `${id}.part`) };
}

export async function startUpload(
	dir: string,
	input: { userId: number; size: number; name: string; maxBytes: number },
	now = Date.now()
): Promise<UploadResult<{ id: string; chunkBytes: number }>> {
	if (!Number.isSafeInteger(input.size) || input.size <= 0) return { ok: false, status: 400, problem: { key: 'scorm.notZip' } };
	if (input.size > input.maxBytes) {
		const MB = 1024 * 1024;
		return { ok: false, status: 413, problem: { key: 'scorm.zipTooLarge', params: { size: Math.ceil(input.size / MB), limit: Math.floor(input.maxBytes / MB) } } };
	}
	await mkdir(dir, { recursive: true });
	await removeAbandoned(dir, now);
	const id = randomBytes(16).toString('hex');
	const { note, part } = files(dir, id);
	await writeFile(part, new Uint8Array());
	await writeFile(note, JSON.stringify({ userId: input.userId, size: input.size, name: input.name.slice(0, 200), startedAt: now } satisfies UploadNote));
	return { ok: true, id, chunkBytes: CHUNK_BYTES };
}

async function readNote(dir: string, id: string, userId: number): Promise<UploadNote | null> {
	if (!ID.test(id)) return null;
	const text = await readFile(files(dir, id).note, 'utf8').catch(() => null);
	if (text === null) return null;
	const note = JSON.parse(text) as UploadNote;
	return note.userId === userId ? note : null;
}

/** Appends a chunk sent for `offset`. A chunk for the wrong offset (a retry of one that did
 * arrive, or one after a lost one) is refused with the size received so far, to resume from. */
export async function appendChunk(dir: string, id: string, userId: number, offset: number, bytes: Uint8Array): Promise<UploadResult<{ received: number }>> {
	const note = await readNote(dir, id, userId);
	if (!note) return { ok: false, status: 404, problem: { key: 'scorm.uploadGone' } };
	const { part } = files(dir, id);
	const received = (await stat(part)).size;
	if (offset !== received) return { ok: false, status: 409, problem: { key: 'scorm.uploadOffset' }, received };
	if (received + bytes.length > note.size || bytes.length > CHUNK_BYTES) return { ok: false, status: 413, problem: { key: 'scorm.uploadOffset' }, received };
	await appendFile(part, bytes);
	return { ok: true, received: received + bytes.length };
}

/** The whole zip, once every byte has arrived. */
export async function completedUpload(dir: string, id: string, userId: number): Promise<UploadResult<{ file: string; name: string; size: number }>> {
	const note = await readNote(dir, id, userId);
	if (!note) return { ok: false, status: 404, problem: { key: 'scorm.uploadGone' } };
	const { part } = files(dir, id);
	const received = (await stat(part)).size;
	if (received !== note.size) return { ok: false, status: 409, problem: { key: 'scorm.uploadOffset' }, received };
	return { ok: true, file: part, name: note.name, size: note.size };
}

export async function discardUpload(dir: string, id: string): Promise<void> {
	if (!ID.test(id)) return;
	const { note, part } = files(dir, id);
	await rm(part, { force: true });
	await rm(note, { force: true });
}

async function removeAbandoned(dir: string, now: number): Promise<void> {
	if (!existsSync(dir)) return;
	for (const name of await readdir(dir)) {
		const info = await stat(path.join(dir, name)).catch(() => null);
		if (info && now - info.mtimeMs > ABANDONED_MS) await rm(path.join(dir, name), { force: true });
	}
}
