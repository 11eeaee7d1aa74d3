// The answer when the server cannot take a request now (too busy, or the database cannot take
// writes): 503 with Retry-After, as JSON for scripts (the quiz autosave backs off and retries)
// and as a small page for a browser. Built without the app's layout, which may need the database.
import { json } from '@sveltejs/kit';
import { type Locale, type MessageKey } from '$lib/i18n';
import { translate } from '$lib/server/i18n';

export function unavailableResponse(request: Request, locale: Locale, message: MessageKey, retryAfterSeconds: number): Response {
	const headers = { 'retry-after': String(retryAfterSeconds), 'cache-control': 'no-store' };
	const text = translate(locale, message);
	if (!(request.headers.get('accept') ?? '').includes('text/html')) {
		return json({ message: text, retryAfter: retryAfterSeconds }, { status: 503, headers });
	}
	// the catalogue's own strings: nothing here comes from the request
	const title = translate(locale, 'error.unavailableTitle');
	const page = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>${title}</h1>
<p>${text}</p>
<p><a href="">${translate(locale, 'error.tryAgain')}</a></p>
</body>
</html>`;
	return new Response(page, { status: 503, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}
