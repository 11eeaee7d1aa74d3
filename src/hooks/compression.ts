// Pages, page data, CSV exports and the lesson script compressed for phones on mobile data.
// adapter-node serves the built assets precompressed, but responses rendered per request leave
// uncompressed; a lesson page's HTML shrinks to about a fifth. Brotli at a low quality costs about
// a millisecond here.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Handle } from '@sveltejs/kit';

const COMPRESSIBLE = /^(text\/html|text\/javascript|application\/json|text\/csv|text\/plain)\b/;
/** Below this, compressing saves less than the header costs. */
const MIN_BYTES = 1024;

export type Encoding = 'br' | 'gzip';

/** The encoding to use for a request's Accept-Encoding; null for none. gzip first: on the longest
 * lesson it costs a third of brotli-5's time for 3 % more bytes (docs/BENCHMARKS.md, "Lesson page"). */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
	const offered = new Map<string, number>();
	for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		offered.set(name, q ? Number(q.slice(2)) : 1);
	}
	if ((offered.get('gzip') ?? 0) > 0) return 'gzip';
	if ((offered.get('br') ?? 0) > 0) return 'br';
	return null;
}

export function compress(body: Uint8Array, encoding: Encoding): Buffer {
	return encoding === 'br'
		? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })
		: gzipSync(body, { level: 6 });
}

export const handleCompression: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const type = response.headers.get('content-type') ?? '';
	if (
		event.request.method === 'HEAD' ||
		!response.body ||
		response.status === 204 ||
		response.status === 304 ||
		response.headers.has('content-encoding') ||
		!COMPRESSIBLE.test(type)
	) {
		return response;
	}
	const encoding = chooseEncoding(event.request.headers.get('accept-encoding'));
	const headers = new Headers(response.headers);
	headers.append('vary', 'Accept-Encoding');
	if (!encoding) return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
	const body = new Uint8Array(await response.arrayBuffer());
	if (body.byteLength < MIN_BYTES) return new Response(body, { status: response.status, statusText: response.statusText, headers });
	const compressed = compress(body, encoding);
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(compressed.byteLength));
	return new Response(new Uint8Array(compressed), { status: response.status, statusText: response.statusText, headers });
};
