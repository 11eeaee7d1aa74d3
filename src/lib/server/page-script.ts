// A document page's own script (bundled by `?browser-bundle`, see $lib/documents), named by a hash
// of its text: its URL changes whenever it does, so browsers may keep it for a year. Served from
// this origin, as the CSP (`script-src 'self'`) requires.
import { createHash } from 'node:crypto';

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

/** The script's response: immutable at its versioned address, revalidated at a bare or stale one. */
export function serveScript(script: PageScript, url: URL, request: Request): Response {
	const etag = `"${script.version}"`;
	const headers = {
		'content-type': 'text/javascript; charset=utf-8',
		etag,
		'cache-control': url.searchParams.get('v') === script.version ? 'public, max-age=31536000, immutable' : 'no-cache'
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	return new Response(script.code, { headers });
}
