import { fail } from '@sveltejs/kit';
import { formatDateTime } from '$lib/i18n';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/http/form';
import { CHECKIN_GRACE_MS, checkIn, normaliseCheckinCode } from '$lib/server/sessions/service';
import type { Actions, PageServerLoad } from './$types';

// A learner checks in to an in-person session with the code on the room's screen (the QR code
// opens this page with the code filled in). A plain form: works on any phone, without JavaScript.
export const load = ((event) => {
	requireUser(event);
	return { code: normaliseCheckinCode(event.url.searchParams.get('code') ?? '').slice(0, 12) };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request);
		const code = normaliseCheckinCode(String(form.get('code') ?? '')).slice(0, 12);
		if (!code) return fail(400, { code, message: 'checkin.empty' as const, params: {} });
		const result = checkIn(getDb(), user.id, code);
		const time = (ms: number) => formatDateTime(event.locals.locale, ms);
		if (result.ok) return { code: '', done: true as const, title: result.session.title };
		switch (result.reason) {
			case 'throttled':
				return fail(429, { code, message: 'checkin.throttled' as const, params: { minutes: Math.ceil(result.retryAfterMs / 60_000) } });
			case 'unknownCode':
				return fail(400, { code, message: 'checkin.unknownCode' as const, params: {} });
			case 'notYet':
				return fail(409, { code, message: 'checkin.notYet' as const, params: { title: result.session.title, time: time(result.session.startsAt - CHECKIN_GRACE_MS) } });
			case 'over':
				return fail(409, { code, message: 'checkin.over' as const, params: { title: result.session.title, time: time(result.session.endsAt + CHECKIN_GRACE_MS) } });
			case 'already':
				return fail(409, { code, message: 'checkin.already' as const, params: { title: result.session.title, time: time(result.attendedAt) } });
		}
	}
} satisfies Actions;
