// SvelteKit's origin check covers form posts only; JSON endpoints check for themselves.
import { error } from '@sveltejs/kit';

export function assertSameOrigin(request: Request, url: URL): void {
	const site = request.headers.get('sec-fetch-site');
	if (site && site !== 'same-origin') error(403, 'Cross-site request refused');
	const origin = request.headers.get('origin');
	if (origin && origin !== url.origin) error(403, 'Cross-site request refused');
	if (!site && !origin) error(403, 'Cross-site request refused');
}
