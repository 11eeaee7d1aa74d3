import { describe, expect, it } from 'vitest';
import { attemptScript } from '$lib/server/quiz/script';
import { GET } from './+server';

const get = (path: string, headers: Record<string, string> = {}) =>
	GET({ url: new URL(path, 'http://localhost'), request: new Request(new URL(path, 'http://localhost'), { headers }) } as never) as Response;

describe('the quiz attempt script', () => {
	it('is a small plain script of its own, with no framework and no message text', async () => {
		const response = get(attemptScript.src);
		expect(response.headers.get('content-type')).toMatch(/^text\/javascript\b/);
		const code = await response.text();
		expect(code).toBe(attemptScript.code);
		expect(code).not.toMatch(/^\s*(import|export)\b/m);
		expect(code).not.toMatch(/svelte/i);
		// its texts come from the page, in the learner's language
		expect(code).not.toMatch(/[À-ỹ]/);
		expect(code.length).toBeLessThan(16_000);
	});

	it('is kept for a year at its versioned address, and revalidated elsewhere', () => {
		expect(get(attemptScript.src).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(get('/quiz-attempt.js?v=old').headers.get('cache-control')).toBe('no-cache');
		const etag = get('/quiz-attempt.js').headers.get('etag')!;
		expect(get('/quiz-attempt.js', { 'if-none-match': etag }).status).toBe(304);
	});
});
