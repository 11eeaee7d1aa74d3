// `t()` for components: translates in the language of the page being rendered, from the
// catalogues the root layout loaded for the route (see ./messages.ts).
import { page } from '$app/state';
import { fill, formatDateTime, type Locale, type MessageKey, type PageMessageKey, type Params } from './index';

export function locale(): Locale {
	return page.data.locale ?? 'vi';
}

export function t(key: PageMessageKey, params?: Params): string {
	return fill(page.data.messages?.[key] ?? key, params);
}

export function dateTime(ms: number): string {
	return formatDateTime(locale(), ms);
}

/** The translated error for one field of a failed form, if any. */
export function fieldError(
	form: { errors?: Partial<Record<string, MessageKey>>; errorParams?: Params } | null | undefined,
	name: string
): string | undefined {
	const key = form?.errors?.[name];
	return key ? t(key as PageMessageKey, form?.errorParams) : undefined;
}
