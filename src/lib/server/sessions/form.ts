// The session form (title, course, date, start and end, place, hours) read into a SessionInput,
// times in Viet Nam; a wrong field comes back as a message key beside it.
import { z } from 'zod';
import { parseForm, type FieldErrors } from '../http/form';
import type { SessionInput } from './service';
import { vietnamInstant } from './time';

const sessionSchema = z.object({
	title: z.string().trim().min(1, 'sessions.errorTitle').max(200, 'sessions.errorTitle'),
	place: z.string().trim().min(1, 'sessions.errorPlace').max(200, 'sessions.errorPlace'),
	course: z.string().optional(),
	date: z.string(),
	start: z.string(),
	end: z.string(),
	// an empty field is not 0 hours
	hours: z.preprocess(
		(value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
		z.coerce.number('sessions.errorHours').min(0, 'sessions.errorHours').max(24, 'sessions.errorHours')
	)
});

export type SessionFormResult =
	| { ok: true; input: SessionInput }
	| { ok: false; errors: FieldErrors; values: Record<string, string> };

/** `courses`: the cohort's courses; the only one is chosen when the form does not say. */
export function readSessionForm(form: FormData, courses: string[]): SessionFormResult {
	const parsed = parseForm(sessionSchema, form);
	if (!parsed.ok) return parsed;
	const { data, values } = parsed;
	const courseId = data.course || (courses.length === 1 ? courses[0] : undefined);
	if (!courseId || !courses.includes(courseId)) return { ok: false, errors: { course: 'sessions.errorCourse' }, values };
	const startsAt = vietnamInstant(data.date, data.start);
	const endsAt = vietnamInstant(data.date, data.end);
	if (startsAt === null || endsAt === null) return { ok: false, errors: { date: 'sessions.errorDate' }, values };
	if (endsAt <= startsAt) return { ok: false, errors: { end: 'sessions.errorEnd' }, values };
	return { ok: true, input: { courseId, title: data.title, place: data.place, startsAt, endsAt, hours: data.hours } };
}
