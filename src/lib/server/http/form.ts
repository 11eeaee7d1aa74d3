// Reads a submitted form against a zod schema. Schemas use message keys as their error
// messages, so a failed field comes back as a key the page translates.
import type { z } from 'zod';
import type { MessageKey } from '$lib/i18n';
import { isMessageKey } from '$lib/server/i18n';

export type FieldErrors = Partial<Record<string, MessageKey>>;

export type FormResult<T> =
	| { ok: true; data: T; values: Record<string, string> }
	| { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Every field as text, except passwords, which are never sent back to the browser. */
export function echoValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value === 'string' && !/password/i.test(key)) values[key] = value;
	}
	return values;
}

export function parseForm<S extends z.ZodType>(schema: S, form: FormData): FormResult<z.infer<S>> {
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
