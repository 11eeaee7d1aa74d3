import { describe, expect, it } from 'vitest';
import { trackerScript, trackerScriptSrc } from '$lib/server/lesson/script';
import { GET } from './+server';

const get = (path: string, headers: Record<string, string> = {}) =>
	GET({ url: new URL(path, 'http://localhost'), request: new Request(new URL(path, 'http://localhost'), { headers }) } as never) as Response;

describe('the lesson script', () => {
	it('is a small plain script of its own, with no framework and no message text', async () => {
		const response = get(trackerScriptSrc);
		expect(response.headers.get('content-type')).toMatch(/^text\/javascript\b/);
		const code = await response.text();
		expect(code).toBe(trackerScript.code);
		expect(code).not.toMatch(/^\s*(import|export)\b/m);
		expect(code).not.toMatch(/svelte/i);
		expect(code).not.toMatch(/[À-ỹ]/);
		expect(code.length).toBeLessThan(8_000);
	});

	it('is kept for a year at its versioned address, and revalidated elsewhere', () => {
		expect(get(trackerScriptSrc).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(get('/lesson-tracker.js?v=old').headers.get('cache-control')).toBe('no-cache');
		const etag = get('/lesson-tracker.js').headers.get('etag')!;
		expect(get('/lesson-tracker.js', { 'if-none-match': etag }).status).toBe(304);
	});
});
