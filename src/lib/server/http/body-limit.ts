// The server's limit on a request body (BODY_SIZE_LIMIT, enforced by adapter-node) as people read
// it, and a form read that reports going over it. adapter-node ends an oversize body with a 413
// error when the action reads it; uncaught, that showed the "unexpected error" page.
import type { Locale } from '$lib/i18n';
import { readForm } from './form';

/** adapter-node's own default when BODY_SIZE_LIMIT is unset; scripts/start.js sets 1M. */
const ADAPTER_DEFAULT = '512K';
const KB = 1024;
const MB = 1024 * KB;

/** Bytes, read as adapter-node reads the setting: a number with an optional K, M or G (× 1024). */
export function parseByteSize(value: string): number {
	const multiplier = { K: KB, M: MB, G: 1024 * MB }[value.at(-1)?.toUpperCase() ?? ''];
	return Number(multiplier ? value.slice(0, -1) : value) * (multiplier ?? 1);
}

export function bodySizeLimit(): number {
	return parseByteSize(process.env.BODY_SIZE_LIMIT ?? ADAPTER_DEFAULT);
}

/** "1 MB", "1,5 MB", "512 KB": in the units the setting is written in. */
export function formatBytes(bytes: number, locale: Locale): string {
	const number = (n: number) => new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
	if (bytes >= MB) return `${number(bytes / MB)} MB`;
	if (bytes >= KB) return `${number(bytes / KB)} KB`;
	return `${number(bytes)} byte`;
}

/** The limit as the messages state it. */
export function bodySizeLimitText(locale: Locale): string {
	return formatBytes(bodySizeLimit(), locale);
}

/** The error adapter-node ends an oversize body with (a SvelteKitError with status 413). */
export function isBodyTooLarge(error: unknown): boolean {
	return typeof error === 'object' && error !== null && 'status' in error && error.status === 413;
}

/**
 * The submitted form (its text in NFC, as readForm gives it), or `null` when the body went over
 * the limit, so that an action can answer with its page and a message instead of an error page.
 * Other failures are thrown as before.
 */
export async function readFormWithinLimit(request: Request): Promise<FormData | null> {
	try {
		return await readForm(request);
	} catch (error) {
		if (isBodyTooLarge(error)) return null;
		throw error;
	}
}
