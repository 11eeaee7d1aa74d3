import { describe, expect, it } from 'vitest';
import { encodeBody } from './client';

describe('the load generator encodes forms as a browser does', () => {
	it('multipart: every field, repeated names and Vietnamese text read back by a standard parser', async () => {
		const form = new FormData();
		form.append('q:1', 'Người bán dâm có quyền được hỗ trợ');
		form.append('question', 'cau-1');
		form.append('question', 'cau-2');
		form.append('tên "lạ"', 'a\r\nb');
		const { type, bytes } = encodeBody(form);
		const read = await new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }).formData();
		expect([...read.entries()]).toEqual([...form.entries()]);
	});

	it('URL-encoded: the same fields in the same order', async () => {
		const fields = new URLSearchParams([['q:2', 'có & không'], ['question', 'cau-2']]);
		const { type, bytes } = encodeBody(fields);
		expect(type).toMatch(/^application\/x-www-form-urlencoded/);
		const read = await new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }).formData();
		expect([...read.entries()]).toEqual([...fields.entries()]);
	});
});
