import { describe, expect, it } from 'vitest';
import { RenderedOnServer } from '$lib/rendered-on-server';
import { transport } from './hooks';

describe('transport', () => {
	it('serialises data rendered on the server as a placeholder, not the data', () => {
		const { encode, decode } = transport.RenderedOnServer!;
		const encoded = encode(new RenderedOnServer('<p>' + 'bài học '.repeat(2000) + '</p>'));
		expect(JSON.stringify(encoded).length).toBeLessThan(10);
		expect(encode('<p>một chuỗi</p>')).toBe(false);
		expect(JSON.stringify(encode(new RenderedOnServer({ objectives: ['Nhận diện bạo lực'.repeat(50)] }))).length).toBeLessThan(10);
		expect(decode(encoded)).toEqual(new RenderedOnServer(null));
	});
});
