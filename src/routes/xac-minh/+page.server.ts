// Public verification by serial number and full name: no sign-in, a plain form that works
// without JavaScript, and look-ups that find nothing throttled per address (certificates/verify.ts).
import { fail } from '@sveltejs/kit';
import { verifyBySerial } from '$lib/server/certificates/verify';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => ({})) satisfies PageServerLoad;

const text = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value.trim().slice(0, 300) : '';
};

export const actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		const values = { serial: text(form, 'serial'), fullName: text(form, 'fullName') };
		if (!values.serial || !values.fullName) return fail(400, { message: 'certificate.verify.missing' as const, values });
		const lookup = verifyBySerial(getDb(), values.serial, values.fullName, event.getClientAddress());
		if (lookup.kind === 'throttled') {
			event.setHeaders({ 'Retry-After': String(Math.ceil(lookup.retryAfterMs / 1000)) });
			return fail(429, { message: 'certificate.verify.throttled' as const, minutes: Math.max(1, Math.ceil(lookup.retryAfterMs / 60_000)), values });
		}
		if (lookup.kind === 'notFound') return fail(404, { message: 'certificate.verify.notFound' as const, values });
		return { verification: lookup.verification, values };
	}
} satisfies Actions;
