import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { appendChunk, CHUNK_BYTES, completedUpload, discardUpload, startUpload } from './uploads';

const root = mkdtempSync(path.join(os.tmpdir(), 'taphuan-uploads-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(root, 'u-'));
});

const bytes = (text: string) => new TextEncoder().encode(text);

describe('chunked uploads', () => {
	it('put the chunks together in order and hand over the whole file', async () => {
		const started = await startUpload(dir, { userId: 7, size: 10, name: 'goi.zip', maxBytes: 100 });
		if (!started.ok) throw new Error('start');
		expect(started.chunkBytes).toBe(CHUNK_BYTES);
		expect(await appendChunk(dir, started.id, 7, 0, bytes('01234'))).toEqual({ ok: true, received: 5 });
		// not complete yet
		expect(await completedUpload(dir, started.id, 7)).toMatchObject({ ok: false, status: 409, received: 5 });
		expect(await appendChunk(dir, started.id, 7, 5, bytes('56789'))).toEqual({ ok: true, received: 10 });
		const done = await completedUpload(dir, started.id, 7);
		if (!done.ok) throw new Error('complete');
		expect(readFileSync(done.file, 'utf8')).toBe('0123456789');
		expect(done).toMatchObject({ name: 'goi.zip', size: 10 });
		await discardUpload(dir, started.id);
		expect(readdirSync(dir)).toEqual([]);
	});

	it('refuse a chunk for the wrong offset, saying where to resume, and never write it', async () => {
		const started = await startUpload(dir, { userId: 7, size: 10, name: 'goi.zip', maxBytes: 100 });
		if (!started.ok) throw new Error('start');
		await appendChunk(dir, started.id, 7, 0, bytes('01234'));
		// the same chunk again (its answer was lost)
		expect(await appendChunk(dir, started.id, 7, 0, bytes('01234'))).toMatchObject({ ok: false, status: 409, received: 5 });
		// past the end of what arrived
		expect(await appendChunk(dir, started.id, 7, 8, bytes('89'))).toMatchObject({ ok: false, status: 409, received: 5 });
		// more than was announced
		expect(await appendChunk(dir, started.id, 7, 5, bytes('5678901'))).toMatchObject({ ok: false, status: 413 });
		expect(readFileSync(path.join(dir, `${started.id}.part`), 'utf8')).toBe('01234');
	});

	it('belong to the person who started them, and refuse an oversized or empty file up front', async () => {
		const started = await startUpload(dir, { userId: 7, size: 10, name: 'goi.zip', maxBytes: 100 });
		if (!started.ok) throw new Error('start');
		expect(await appendChunk(dir, started.id, 8, 0, bytes('0'))).toMatchObject({ ok: false, status: 404, problem: { key: 'scorm.uploadGone' } });
		expect(await appendChunk(dir, '../../etc/passwd', 7, 0, bytes('0'))).toMatchObject({ ok: false, status: 404 });
		expect(await startUpload(dir, { userId: 7, size: 300 * 1024 * 1024, name: 'lon.zip', maxBytes: 200 * 1024 * 1024 })).toMatchObject({
			ok: false,
			status: 413,
			problem: { key: 'scorm.zipTooLarge', params: { size: 300, limit: 200 } }
		});
		expect(await startUpload(dir, { userId: 7, size: 0, name: 'rong.zip', maxBytes: 100 })).toMatchObject({ ok: false, status: 400 });
	});

	it('clear away uploads abandoned for a day when a new one starts', async () => {
		const old = await startUpload(dir, { userId: 7, size: 10, name: 'cu.zip', maxBytes: 100 });
		if (!old.ok) throw new Error('start');
		const dayAgo = (Date.now() - 25 * 60 * 60_000) / 1000;
		for (const ext of ['json', 'part']) utimesSync(path.join(dir, `${old.id}.${ext}`), dayAgo, dayAgo);
		await startUpload(dir, { userId: 7, size: 10, name: 'moi.zip', maxBytes: 100 });
		expect(existsSync(path.join(dir, `${old.id}.part`))).toBe(false);
		expect(readdirSync(dir)).toHaveLength(2);
	});
});
