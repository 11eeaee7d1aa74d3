// translate() for server code and the command-line tools: every area, both languages. Kept on the
// server so no page can bundle the whole catalogue; components use `t()` from $lib/i18n/t.
import { AREAS, fill, type Locale, type MessageKey, type Messages, type Params } from '$lib/i18n';

const modules = import.meta.glob<{ messages: Messages }>('../i18n/*/*.ts', { eager: true });

function catalogue(locale: Locale): Messages {
	return Object.assign({}, ...AREAS.map((area) => modules[`../i18n/${locale}/${area}.ts`]!.messages));
}

const catalogues: Record<Locale, Messages> = { vi: catalogue('vi'), en: catalogue('en') };

export function isMessageKey(value: string): value is MessageKey {
	return Object.hasOwn(catalogues.vi, value);
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
	return fill(catalogues[locale][key] ?? catalogues.vi[key] ?? key, params);
}
