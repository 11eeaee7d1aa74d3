import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { chooseEncoding, handleCompression } from './compression';

const page = '<!doctype html><p>' + 'Phòng, chống mại dâm. '.repeat(200) + '</p>';

function run(accept: string | null, body: string | null, type = 'text/html; charset=utf-8', method = 'GET') {
	const headers = new Headers(accept === null ? {} : { 'accept-encoding': accept });
	const event = { request: new Request('http://localhost/', { method, headers }) } as RequestEvent;
	return handleCompression({ event, resolve: async () => new Response(body, { headers: { 'content-type': type } }) });
}

describe('chooseEncoding', () => {
	it('prefers gzip (cheaper per request), honours q=0, falls back to brotli or nothing', () => {
		expect(chooseEncoding('gzip, deflate, br')).toBe('gzip');
		expect(chooseEncoding('gzip;q=0, br')).toBe('br');
		expect(chooseEncoding('gzip, br;q=0')).toBe('gzip');
		expect(chooseEncoding('identity')).toBeNull();
		expect(chooseEncoding(null)).toBeNull();
	});
});

describe('handleCompression', () => {
	it('compresses an HTML page with gzip, and it decodes to the same text', async () => {
		const response = await run('gzip, deflate, br', page);
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.get('vary')).toContain('Accept-Encoding');
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(bytes.byteLength).toBeLessThan(page.length / 5);
		expect(gunzipSync(bytes).toString('utf8')).toBe(page);
	});

	it('uses brotli when gzip is not offered', async () => {
		const response = await run('br', page, 'application/json');
		expect(response.headers.get('content-encoding')).toBe('br');
		expect(brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString('utf8')).toBe(page);
	});

	it('leaves small bodies, other types, HEAD and clients without compression alone', async () => {
		for (const response of [
			await run('br', '<p>ngắn</p>'),
			await run('br', page, 'image/png'),
			await run(null, page),
			await run('br', null, 'text/html', 'HEAD')
		]) {
			expect(response.headers.get('content-encoding')).toBeNull();
		}
		expect(await (await run(null, page)).text()).toBe(page);
	});
});
