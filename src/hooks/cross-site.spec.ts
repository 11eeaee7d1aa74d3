import { describe, expect, it } from 'vitest';
import { isCrossSiteForm } from './cross-site';

const url = new URL('https://taphuan.example/login');
const post = (headers: Record<string, string>, method = 'POST') => new Request(url, { method, headers, body: method === 'GET' ? undefined : 'a=1' });

describe('a form from another site', () => {
	it('is refused for every form type and unsafe method, as SvelteKit refuses it', () => {
		for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain;charset=UTF-8']) {
			expect(isCrossSiteForm(post({ 'content-type': type, origin: 'https://evil.example' }), url)).toBe(true);
		}
		for (const method of ['PUT', 'PATCH', 'DELETE']) {
			expect(isCrossSiteForm(post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, method), url)).toBe(true);
		}
		// no Origin at all: refused too (browsers send one with every form post)
		expect(isCrossSiteForm(post({ 'content-type': 'application/x-www-form-urlencoded' }), url)).toBe(true);
		// the same site at another address (an IP, http instead of https) is another origin
		expect(isCrossSiteForm(post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'http://taphuan.example' }), url)).toBe(true);
	});

	it('lets through the same origin, safe methods and JSON (JSON endpoints check for themselves)', () => {
		expect(isCrossSiteForm(post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'https://taphuan.example' }), url)).toBe(false);
		expect(isCrossSiteForm(new Request(url, { headers: { origin: 'https://evil.example' } }), url)).toBe(false);
		expect(isCrossSiteForm(post({ 'content-type': 'application/json', origin: 'https://evil.example' }), url)).toBe(false);
	});
});
