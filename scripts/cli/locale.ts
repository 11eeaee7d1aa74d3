// The language of CLI output: English when the shell's locale says so, else Vietnamese.
import type { Locale } from '$lib/i18n';

export function cliLocale(): Locale {
	const lang = process.env.TAPHUAN_LANG ?? process.env.LC_ALL ?? process.env.LANG ?? '';
	return lang.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
