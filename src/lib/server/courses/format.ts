// `file:line: message` for authors, in the chosen language.
import type { Locale } from '$lib/i18n';
import { translate } from '$lib/server/i18n';
import type { LoadError } from './problems';

export function formatLoadError(error: LoadError, locale: Locale): string {
	const where = error.line > 0 ? `${error.file}:${error.line}` : error.file;
	return `${where}: ${translate(locale, error.key, error.params)}`;
}
