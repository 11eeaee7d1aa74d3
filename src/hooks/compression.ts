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

/** The encodings an Accept-Encoding header takes (a weight of 0 refuses one). */
export function acceptedEncodings(acceptEncoding: string | null): Set<string> {
	const offered = new Map<string, number>();
	for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		offered.set(name, q ? Number(q.slice(2)) : 1);
	}
	return new Set([...offered].filter(([, weight]) => weight > 0).map(([name]) => name));
}

/** The encoding to use for a page compressed per request; null for none. gzip first: on the longest
 * lesson it costs a third of brotli-5's time for 3 % more bytes (docs/BENCHMARKS.md, "Lesson page"). */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
	const accepted = acceptedEncodings(acceptEncoding);
	return accepted.has('gzip') ? 'gzip' : accepted.has('br') ? 'br' : null;
}

export function compress(body: Uint8Array, encoding: Encoding): Buffer {
	return encoding === 'br'
		? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })
		: gzipSync(body, { level: 6 });
}

/**
 * Recently sent pages, compressed: compressing a long lesson is the largest single cost of serving
 * it (about 1 ms for 28 KB). A signed-in page names its reader in the footer, so a stored page is
 * reused when the same page goes out again unchanged: a reload, a return to a lesson, the same
 * learner on two devices, and every page a signed-out visitor sees. Pages are found by SvelteKit's
 * ETag (a hash of the page) and checked byte for byte before the stored bytes are reused, so a
 * hash collision only costs a compression.
 */
export class CompressedPages {
	#entries = new Map<string, { body: Uint8Array; compressed: Buffer }>();
	#bytes = 0;
	constructor(readonly maxBytes = 4 * 1024 * 1024) {}

	compress(body: Uint8Array, encoding: Encoding, etag: string | null): Buffer {
		if (!etag || body.byteLength > this.maxBytes / 8) return compress(body, encoding);
		const key = `${encoding} ${etag}`;
		const hit = this.#entries.get(key);
		if (hit && Buffer.from(hit.body.buffer, hit.body.byteOffset, hit.body.byteLength).equals(body)) {
			// most recently used last
			this.#entries.delete(key);
			this.#entries.set(key, hit);
			return hit.compressed;
		}
		const compressed = compress(body, encoding);
		if (hit) this.#forget(key);
		this.#entries.set(key, { body, compressed });
		this.#bytes += body.byteLength + compressed.byteLength;
		for (const oldest of this.#entries.keys()) {
			if (this.#bytes <= this.maxBytes) break;
			this.#forget(oldest);
		}
		return compressed;
	}

	get size() {
		return this.#entries.size;
	}

	#forget(key: string) {
		const entry = this.#entries.get(key)!;
		this.#bytes -= entry.body.byteLength + entry.compressed.byteLength;
		this.#entries.delete(key);
	}
}

const recentPages = new CompressedPages();

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
	const compressed = recentPages.compress(body, encoding, response.headers.get('etag'));
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(compressed.byteLength));
	return new Response(new Uint8Array(compressed), { status: response.status, statusText: response.statusText, headers });
};
