import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { chooseEncoding, CompressedPages, handleCompression } from './compression';

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

describe('CompressedPages', () => {
	const bytes = (text: string) => new TextEncoder().encode(text);

	it('reuses the compressed bytes of a page sent before, found by its ETag', () => {
		const pages = new CompressedPages();
		const first = pages.compress(bytes(page), 'gzip', '"abc"');
		const again = pages.compress(bytes(page), 'gzip', '"abc"');
		expect(again).toBe(first);
		expect(gunzipSync(again).toString('utf8')).toBe(page);
		// the other encoding is another entry
		expect(brotliDecompressSync(pages.compress(bytes(page), 'br', '"abc"')).toString('utf8')).toBe(page);
		expect(pages.size).toBe(2);
	});

	it('compresses again when another page comes with the same ETag (a collision), and without an ETag', () => {
		const pages = new CompressedPages();
		pages.compress(bytes(page), 'gzip', '"abc"');
		const other = page.replace('Phòng', 'Chống');
		expect(gunzipSync(pages.compress(bytes(other), 'gzip', '"abc"')).toString('utf8')).toBe(other);
		expect(gunzipSync(pages.compress(bytes(page), 'gzip', '"abc"')).toString('utf8')).toBe(page);
		expect(pages.size).toBe(1);
		pages.compress(bytes(page), 'gzip', null);
		expect(pages.size).toBe(1);
	});

	it('forgets the least recently used pages beyond its size', () => {
		const pages = new CompressedPages(page.length * 16);
		const variants = Array.from({ length: 40 }, (_, i) => `${page}${i}`);
		const first = pages.compress(bytes(variants[0]!), 'gzip', '"0"');
		for (let i = 1; i < variants.length; i++) {
			pages.compress(bytes(variants[i]!), 'gzip', `"${i}"`);
			// the first page stays because it keeps being used
			expect(pages.compress(bytes(variants[0]!), 'gzip', '"0"')).toBe(first);
		}
		expect(pages.size).toBeLessThan(16);
		expect(pages.size).toBeGreaterThan(2);
	});
});
