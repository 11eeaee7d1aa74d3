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
	it('prefers brotli, honours q=0, falls back to gzip or nothing', () => {
		expect(chooseEncoding('gzip, deflate, br')).toBe('br');
		expect(chooseEncoding('gzip, br;q=0')).toBe('gzip');
		expect(chooseEncoding('identity')).toBeNull();
		expect(chooseEncoding(null)).toBeNull();
	});
});

describe('handleCompression', () => {
	it('compresses an HTML page with brotli, and it decodes to the same text', async () => {
		const response = await run('gzip, br', page);
		expect(response.headers.get('content-encoding')).toBe('br');
		expect(response.headers.get('vary')).toContain('Accept-Encoding');
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(bytes.byteLength).toBeLessThan(page.length / 5);
		expect(brotliDecompressSync(bytes).toString('utf8')).toBe(page);
	});

	it('uses gzip when brotli is not offered', async () => {
		const response = await run('gzip', page, 'application/json');
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8')).toBe(page);
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
