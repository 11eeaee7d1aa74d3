// The message catalogue: Vietnamese first, English second. Keys are typed, and the English
// catalogue must have every Vietnamese key (TypeScript checks it), so no string goes missing.
import { en } from './en';
import { vi } from './vi';

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];
export const LOCALE_COOKIE = 'taphuan_lang';
export type MessageKey = keyof typeof vi;
export type Params = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { vi, en };

export function isLocale(value: string): value is Locale {
	return (LOCALES as readonly string[]).includes(value);
}

export function isMessageKey(value: string): value is MessageKey {
	return Object.hasOwn(vi, value);
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
	const template = catalogues[locale][key] ?? vi[key] ?? key;
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function formatDateTime(locale: Locale, ms: number): string {
	return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: TIME_ZONE
	}).format(ms);
}

export function formatMinutes(locale: Locale, ms: number): string {
	const minutes = Math.round(ms / 60_000);
	return translate(locale, 'time.minutes', { n: minutes });
}
