import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileResponse, parseRange } from './file-response';

const dir = mkdtempSync(path.join(os.tmpdir(), 'taphuan-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseRange', () => {
	it('reads one range in its three forms and refuses what lies outside the file', () => {
		expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
		expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
		expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
		expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
		expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
		expect(parseRange('bytes=9-3', 100)).toBe('unsatisfiable');
		// several ranges, other units or nothing: the whole file
		expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
		expect(parseRange('items=0-1', 100)).toBeNull();
		expect(parseRange(null, 100)).toBeNull();
	});
});

describe('fileResponse', () => {
	const file = path.join(dir, 'bai.html');
	writeFileSync(file, '<p>Xin chào</p>');
	const get = (headers: Record<string, string> = {}) => new Request('http://x/bai.html', { headers });

	it('sends the file with its type, length and caching', async () => {
		const response = (await fileResponse(get(), file, { cacheControl: 'private, max-age=60', headers: { 'x-extra': '1' } }))!;
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('private, max-age=60');
		expect(response.headers.get('x-extra')).toBe('1');
		expect(await response.text()).toBe('<p>Xin chào</p>');
		expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength('<p>Xin chào</p>')));
	});

	it('answers a range with 206 and only those bytes, an impossible one with 416', async () => {
		const part = (await fileResponse(get({ range: 'bytes=3-5' }), file, { cacheControl: 'no-store' }))!;
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toMatch(/^bytes 3-5\/\d+$/);
		expect(await part.text()).toBe('Xin');
		expect((await fileResponse(get({ range: 'bytes=999-' }), file, { cacheControl: 'no-store' }))!.status).toBe(416);
	});

	it('returns null for a folder or a missing file', async () => {
		expect(await fileResponse(get(), dir, { cacheControl: 'no-store' })).toBeNull();
		expect(await fileResponse(get(), path.join(dir, 'khong-co'), { cacheControl: 'no-store' })).toBeNull();
	});
});
