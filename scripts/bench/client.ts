// The load generator's HTTP client: plain keep-alive HTTP/1.1 from node:http, sending what a
// browser sends (cookie, Origin, Accept, Accept-Encoding) and decoding what it gets back.
// It replaced fetch, which cost the generator about 10 ms of CPU per exam start and attempt page:
// on two cores that is half a core taken from the server it measures (docs/BENCHMARKS.md).
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/** Every connection is kept open between requests, as a browser keeps its own. */
const agent = new Agent({ keepAlive: true, maxSockets: Infinity, keepAliveMsecs: 60_000 });

/** A request with no answer after this long is counted as failed, not waited for. */
const TIMEOUT_MS = 120_000;

export interface ClientAnswer {
	status: number;
	headers: IncomingHttpHeaders;
	/** the body decoded as the browser would (Content-Encoding undone), as text */
	text: string;
}

/** A form body: URL-encoded as a page without JavaScript posts it, multipart as FormData. */
export function encodeBody(body: FormData | URLSearchParams): { type: string; bytes: Buffer } {
	if (body instanceof URLSearchParams) return { type: 'application/x-www-form-urlencoded;charset=UTF-8', bytes: Buffer.from(body.toString()) };
	const boundary = `----taphuanbench${randomBytes(8).toString('hex')}`;
	const parts: string[] = [];
	for (const [name, value] of body) {
		if (typeof value !== 'string') throw new Error('the benchmark sends text fields only');
		// the HTML standard's escaping of a field name in multipart/form-data
		const escaped = name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
		parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${escaped}"\r\n\r\n${value}\r\n`);
	}
	parts.push(`--${boundary}--\r\n`);
	return { type: `multipart/form-data; boundary=${boundary}`, bytes: Buffer.from(parts.join('')) };
}

function decode(encoding: string | undefined, body: Buffer): string {
	switch (encoding) {
		case 'br':
			return brotliDecompressSync(body).toString('utf8');
		case 'gzip':
			return gunzipSync(body).toString('utf8');
		case 'deflate':
			return inflateSync(body).toString('utf8');
		default:
			return body.toString('utf8');
	}
}

/**
 * Sends one request and reads the whole answer; rejects when the connection fails or times out.
 * A kept-alive connection the server closed just as the request went out (it closes one idle for
 * KEEP_ALIVE_TIMEOUT) fails before any answer: like a browser, the request is sent once more on a
 * new connection. The server had closed that connection, so it did not take the request.
 */
export async function send(url: string, method: 'GET' | 'POST', headers: Record<string, string>, body?: FormData | URLSearchParams): Promise<ClientAnswer> {
	const encoded = body ? encodeBody(body) : null;
	try {
		return await sendOnce(url, method, headers, encoded);
	} catch (error) {
		if (!(error instanceof ClosedBeforeAnswer)) throw error;
		// on a connection of its own: another kept-alive one in the pool may be just as closed
		return sendOnce(url, method, headers, encoded, false);
	}
}

/** The request went out on a reused connection that the server had closed: no answer came. */
class ClosedBeforeAnswer extends Error {}

function sendOnce(
	url: string,
	method: 'GET' | 'POST',
	headers: Record<string, string>,
	encoded: { type: string; bytes: Buffer } | null,
	reuse = true
): Promise<ClientAnswer> {
	return new Promise((done, reject) => {
		let answered = false;
		const sent = httpRequest(
			url,
			{
				method,
				agent: reuse ? agent : false,
				headers: {
					...headers,
					'accept-encoding': 'gzip, deflate, br',
					...(encoded ? { 'content-type': encoded.type, 'content-length': String(encoded.bytes.length) } : {})
				}
			},
			(response) => {
				answered = true;
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('error', reject);
				response.on('end', () => {
					try {
						const text = decode(response.headers['content-encoding'], Buffer.concat(chunks));
						done({ status: response.statusCode ?? 0, headers: response.headers, text });
					} catch (error) {
						reject(error);
					}
				});
			}
		);
		sent.setTimeout(TIMEOUT_MS, () => sent.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
		sent.on('error', (error: NodeJS.ErrnoException) => {
			const closed = error.code === 'ECONNRESET' || error.code === 'EPIPE';
			reject(closed && sent.reusedSocket && !answered ? new ClosedBeforeAnswer(error.message) : error);
		});
		sent.end(encoded?.bytes);
	});
}
