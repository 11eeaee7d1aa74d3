// The document pages' own scripts (bundled by `?browser-bundle`, see $lib/documents), each named
// by a hash of its text: its URL changes whenever it does, so browsers may keep it for a year.
// Served from this origin by src/routes/[script].js, as the CSP (`script-src 'self'`) requires.
// A new page script is one line in `pageScripts`.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { acceptedEncodings } from '../../hooks/compression';
import discussions from '$lib/discussions/page?browser-bundle';
import lessonTracker from '$lib/lesson/tracker?browser-bundle';
import offline from '$lib/offline/course-page?browser-bundle';
import quizAttempt from '$lib/quiz/attempt-page?browser-bundle';

export interface PageScript {
	code: string;
	version: string;
	/** where the page loads it from */
	src: string;
}

export function pageScript(path: string, code: string): PageScript {
	const version = createHash('sha256').update(code).digest('base64url').slice(0, 12);
	return { code, version, src: `${path}?v=${version}` };
}

/** Each script compressed once, at the strongest settings: it never changes while the server runs,
 * so a phone gets brotli-11 bytes (about 10 % fewer than the per-request gzip pages get). */
const compressed = new Map<PageScript, { br: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer> }>();

function compressedOnce(script: PageScript) {
	let bodies = compressed.get(script);
	if (!bodies) {
		const text = Buffer.from(script.code);
		bodies = {
			br: new Uint8Array(brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: text.byteLength } })),
			gzip: new Uint8Array(gzipSync(text, { level: 9 }))
		};
		compressed.set(script, bodies);
	}
	return bodies;
}

/** brotli where the browser takes it (every browser does over https and on localhost), else
 * gzip: compressed once, brotli's slower compression costs nothing per request. */
function encodingFor(request: Request): 'br' | 'gzip' | null {
	const accepted = acceptedEncodings(request.headers.get('accept-encoding'));
	return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : null;
}

/** The script's response: immutable at its versioned address, revalidated at a bare or stale one;
 * sent compressed here, so the compression hook leaves it as it is. */
export function serveScript(script: PageScript, url: URL, request: Request): Response {
	const etag = `"${script.version}"`;
	const headers: Record<string, string> = {
		'content-type': 'text/javascript; charset=utf-8',
		etag,
		'cache-control': url.searchParams.get('v') === script.version ? 'public, max-age=31536000, immutable' : 'no-cache',
		vary: 'Accept-Encoding'
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	const encoding = encodingFor(request);
	if (!encoding) return new Response(script.code, { headers });
	const body = compressedOnce(script)[encoding];
	return new Response(body, { headers: { ...headers, 'content-encoding': encoding, 'content-length': String(body.byteLength) } });
}

/** Every page script by its name; served at `/<name>.js`. */
export const pageScripts = {
	'lesson-tracker': pageScript('/lesson-tracker.js', lessonTracker),
	'quiz-attempt': pageScript('/quiz-attempt.js', quizAttempt),
	discussions: pageScript('/discussions.js', discussions),
	offline: pageScript('/offline.js', offline)
} satisfies Record<string, PageScript>;

export type PageScriptName = keyof typeof pageScripts;

export function findPageScript(name: string): PageScript | undefined {
	return Object.hasOwn(pageScripts, name) ? pageScripts[name as PageScriptName] : undefined;
}
