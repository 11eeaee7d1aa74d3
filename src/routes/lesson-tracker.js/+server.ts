// Serves the lesson page's script: same-origin, as the CSP (`script-src 'self'`) requires.
import { trackerScript } from '$lib/server/lesson/script';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, request }) => {
	const etag = `"${trackerScript.version}"`;
	const headers = {
		'content-type': 'text/javascript; charset=utf-8',
		etag,
		// the versioned URL never changes its content; a bare or stale one is checked each time
		'cache-control': url.searchParams.get('v') === trackerScript.version ? 'public, max-age=31536000, immutable' : 'no-cache'
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	return new Response(trackerScript.code, { headers });
};
