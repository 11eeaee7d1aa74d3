import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { encodeBody, send } from './client';

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

describe('the load generator meets a connection the server has closed', () => {
	it('sends the request once more on a new connection, not on another pooled one that may be closed too', async () => {
		// answers the first request on each connection and closes it at the second, unanswered, as a
		// server does with a kept-alive connection it finds idle too long just as a request arrives
		const served: Socket[] = [];
		const server = createServer((socket) => {
			served.push(socket);
			let requests = 0;
			socket.on('data', (chunk) => {
				requests += chunk.toString('latin1').split('\r\n\r\n').length - 1;
				if (requests > 1) socket.destroy();
				else socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok');
			});
		});
		await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
		const { port } = server.address() as { port: number };
		const url = `http://127.0.0.1:${port}/`;
		try {
			// two connections answered once each, both left in the pool
			expect((await Promise.all([send(url, 'GET', {}), send(url, 'GET', {})])).map((a) => a.text)).toEqual(['ok', 'ok']);
			// the next request goes out on one of them and is closed unanswered; the second try must
			// not take the other
			const answer = await send(url, 'GET', {});
			expect(answer.text).toBe('ok');
			expect(served).toHaveLength(3);
		} finally {
			for (const socket of served) socket.destroy();
			await new Promise((closed) => server.close(closed));
		}
	});
});
