// One directory entry as a trainer types it (the form) or a row of a CSV file brings it: the same
// rules for both, so an import cannot store what the form would refuse.
import { z } from 'zod';
import { SERVICE_TYPES } from '$lib/directory/types';
import { parseForm, type FieldErrors } from '../http/form';
import type { EntryInput } from './service';

const text = (max: number) => z.string().trim().max(max, 'form.tooLong').default('');

export const LIMITS = { name: 200, address: 300, commune: 100, phone: 40, hours: 200, cost: 200, notes: 1000 } as const;

/** Digits, spaces and the usual separators; one number, so that it can be called with one tap. */
export const PHONE = /^\+?[0-9][0-9 .()-]*$/;

export const entrySchema = z.object({
	serviceType: z.enum(SERVICE_TYPES, 'directory.errorType'),
	name: z.string('form.required').trim().min(1, 'form.required').max(LIMITS.name, 'form.tooLong'),
	address: text(LIMITS.address),
	commune: text(LIMITS.commune),
	phone: text(LIMITS.phone).refine((value) => value === '' || PHONE.test(value), 'directory.errorPhone'),
	hours: text(LIMITS.hours),
	cost: text(LIMITS.cost),
	notes: text(LIMITS.notes)
});

export type EntryFormResult =
	| { ok: true; input: EntryInput; checkedToday: boolean }
	| { ok: false; errors: FieldErrors; values: Record<string, string> };

export function readEntryForm(form: FormData): EntryFormResult {
	const parsed = parseForm(entrySchema.extend({ checkedToday: z.string().optional() }), form);
	if (!parsed.ok) return parsed;
	const { checkedToday, ...input } = parsed.data;
	return { ok: true, input, checkedToday: checkedToday === 'on' };
}
