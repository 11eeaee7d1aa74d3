import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageScripts } from '$lib/server/page-script';
import { GET } from './+server';

const get = (path: string, headers: Record<string, string> = {}) => {
	const url = new URL(path, 'http://localhost');
	const script = url.pathname.slice(1).replace(/\.js$/, '');
	return GET({ params: { script }, url, request: new Request(url, { headers }), locals: { locale: 'vi' } } as never) as Response;
};

// budgets for each script's text, minified, before compression (about 40 % of that on the wire).
// The lesson tracker and the discussions carry the offline outbox ($lib/offline/outbox) and its
// visible state ($lib/offline/pending), about 2.5 KB of it.
const LIMITS = { 'lesson-tracker': 8_000, 'quiz-attempt': 12_000, discussions: 10_000, offline: 8_000 };

describe.each(Object.entries(pageScripts))('the page script %s', (name, script) => {
	it('is a small plain script of its own, with no framework and no message text', async () => {
		const response = get(script.src);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/javascript\b/);
		const code = await response.text();
		expect(code).toBe(script.code);
		expect(code).not.toMatch(/^\s*(import|export)\b/m);
		expect(code).not.toMatch(/svelte/i);
		// its texts come from the page, in the learner's language
		expect(code).not.toMatch(/[À-ỹ]/);
		expect(code.length).toBeLessThan(LIMITS[name as keyof typeof LIMITS]);
	});

	it('is kept for a year at its versioned address, and revalidated elsewhere', () => {
		expect(get(script.src).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(get(`/${name}.js?v=old`).headers.get('cache-control')).toBe('no-cache');
		const etag = get(`/${name}.js`).headers.get('etag')!;
		expect(get(`/${name}.js`, { 'if-none-match': etag }).status).toBe(304);
	});
});

describe('a page script sent compressed', () => {
	const script = pageScripts.discussions;
	const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer());

	it('is brotli where the browser takes it, gzip where it takes only that, plain otherwise; the same text each way', async () => {
		const br = get(script.src, { 'accept-encoding': 'gzip, deflate, br, zstd' });
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(br.headers.get('vary')).toBe('Accept-Encoding');
		const brBody = await bytes(br);
		expect(Number(br.headers.get('content-length'))).toBe(brBody.byteLength);
		expect(brotliDecompressSync(brBody).toString()).toBe(script.code);

		const gz = get(script.src, { 'accept-encoding': 'gzip' });
		expect(gz.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(await bytes(gz)).toString()).toBe(script.code);

		const refused = get(script.src, { 'accept-encoding': 'br;q=0, gzip;q=0' });
		expect(refused.headers.get('content-encoding')).toBeNull();
		expect(await refused.text()).toBe(script.code);
		expect(get(script.src).headers.get('content-encoding')).toBeNull();
	});

	it('is smaller than the compression hook’s per-request gzip of the same text', async () => {
		const br = await bytes(get(script.src, { 'accept-encoding': 'br' }));
		expect(br.byteLength).toBeLessThan(gzipSync(script.code, { level: 6 }).byteLength);
	});
});

describe('an unknown script', () => {
	it('is not found, and names nothing of the registry’s own properties', () => {
		expect(() => get('/khong-co.js')).toThrow();
		expect(() => get('/constructor.js')).toThrow();
		expect(() => get('/toString.js')).toThrow();
	});
});
