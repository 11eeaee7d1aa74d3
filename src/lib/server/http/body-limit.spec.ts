import { afterEach, describe, expect, it } from 'vitest';
import { bodySizeLimit, bodySizeLimitText, formatBytes, parseByteSize, readFormWithinLimit } from './body-limit';

const saved = process.env.BODY_SIZE_LIMIT;
afterEach(() => {
	if (saved === undefined) delete process.env.BODY_SIZE_LIMIT;
	else process.env.BODY_SIZE_LIMIT = saved;
});

describe('the body size limit', () => {
	it('reads the setting as adapter-node does', () => {
		expect(parseByteSize('1M')).toBe(1_048_576);
		expect(parseByteSize('512k')).toBe(524_288);
		expect(parseByteSize('2000')).toBe(2000);
		process.env.BODY_SIZE_LIMIT = '1M';
		expect(bodySizeLimit()).toBe(1_048_576);
		delete process.env.BODY_SIZE_LIMIT;
		expect(bodySizeLimit()).toBe(524_288);
	});

	it('states it in the reader’s language', () => {
		expect(formatBytes(1_048_576, 'vi')).toBe('1 MB');
		expect(formatBytes(1_572_864, 'vi')).toBe('1,5 MB');
		expect(formatBytes(1_572_864, 'en')).toBe('1.5 MB');
		expect(formatBytes(524_288, 'en')).toBe('512 KB');
		process.env.BODY_SIZE_LIMIT = '1M';
		expect(bodySizeLimitText('vi')).toBe('1 MB');
	});
});

describe('readFormWithinLimit', () => {
	const request = (body: ReadableStream) =>
		new Request('http://localhost/', { method: 'POST', body, duplex: 'half', headers: { 'content-type': 'application/x-www-form-urlencoded' } } as RequestInit);

	it('gives the form, or null when the server stopped the body at its limit', async () => {
		const form = await readFormWithinLimit(new Request('http://localhost/', { method: 'POST', body: new URLSearchParams({ body: 'Chào chị' }) }));
		expect(form?.get('body')).toBe('Chào chị');
		// what adapter-node does past BODY_SIZE_LIMIT
		const tooLarge = Object.assign(new Error('request body size exceeded BODY_SIZE_LIMIT of 1048576'), { status: 413 });
		expect(await readFormWithinLimit(request(new ReadableStream({ start: (c) => c.error(tooLarge) })))).toBeNull();
		const other = new Error('connection reset');
		await expect(readFormWithinLimit(request(new ReadableStream({ start: (c) => c.error(other) })))).rejects.toBe(other);
	});
});
