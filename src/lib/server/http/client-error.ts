// What a person is told when the server refuses a request as sent (SvelteKit's own 4xx errors:
// a body over the size limit, a form action sent as JSON, a method a page does not take). These
// are not bugs: handleError answers them without an error id and logs one line, no stack trace.
import type { Locale } from '$lib/i18n';
import { translate } from '../i18n';
import { bodySizeLimitText } from './body-limit';

export function isClientError(status: number): boolean {
	return status >= 400 && status < 500;
}

export function clientErrorMessage(locale: Locale, status: number): string {
	if (status === 404) return translate(locale, 'error.notFound');
	if (status === 413) return translate(locale, 'error.tooLarge', { limit: bodySizeLimitText(locale) });
	if (status === 415) return translate(locale, 'error.unsupportedType');
	return translate(locale, 'error.refused', { status });
}
