// `t()` for components: translates in the language of the page being rendered.
import { page } from '$app/state';
import { formatDateTime, translate, type Locale, type MessageKey, type Params } from './index';

export function locale(): Locale {
	return page.data.locale ?? 'vi';
}

export function t(key: MessageKey, params?: Params): string {
	return translate(locale(), key, params);
}

export function dateTime(ms: number): string {
	return formatDateTime(locale(), ms);
}

/** The translated error for one field of a failed form, if any. */
export function fieldError(
	form: { errors?: Partial<Record<string, MessageKey>> } | null | undefined,
	name: string
): string | undefined {
	const key = form?.errors?.[name];
	return key ? t(key) : undefined;
}
