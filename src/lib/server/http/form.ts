// Reads submitted forms and JSON bodies, with every piece of text in NFC (../text/nfc.ts), and
// checks forms against a zod schema. Schemas use message keys as their error messages, so a
// failed field comes back as a key the page translates.
import type { z } from 'zod';
import type { MessageKey } from '$lib/i18n';
import { isMessageKey } from '$lib/server/i18n';
import { nfc, nfcDeep } from '../text/nfc';

export type FieldErrors = Partial<Record<string, MessageKey>>;

export type FormResult<T> =
	| { ok: true; data: T; values: Record<string, string> }
	| { ok: false; errors: FieldErrors; values: Record<string, string> };

/** The form's text fields in NFC; uploaded files as they came. */
export function nfcForm(form: FormData): FormData {
	const normalised = new FormData();
	for (const [key, value] of form) normalised.append(key, typeof value === 'string' ? nfc(value) : value);
	return normalised;
}

/**
 * The request's form, text in NFC. Routes read forms only through this (form.spec.ts checks),
 * so no text typed in NFD reaches a service. Throws what request.formData() throws.
 */
export async function readForm(request: Request): Promise<FormData> {
	return nfcForm(await request.formData());
}

/** The request's JSON body with every string in NFC; null when it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
	try {
		return nfcDeep(await request.json());
	} catch {
		return null;
	}
}

/** Every field as text, except passwords, which are never sent back to the browser. */
export function echoValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value === 'string' && !/password/i.test(key)) values[key] = nfc(value);
	}
	return values;
}

export function parseForm<S extends z.ZodType>(schema: S, submitted: FormData): FormResult<z.infer<S>> {
	const form = nfcForm(submitted);
	const values = echoValues(form);
	const raw: Record<string, unknown> = {};
	for (const key of new Set(form.keys())) {
		const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
		raw[key] = all.length > 1 || key.endsWith('[]') ? all : all[0];
	}
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data, values };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= isMessageKey(issue.message) ? issue.message : 'form.invalid';
	}
	return { ok: false, errors, values };
}
