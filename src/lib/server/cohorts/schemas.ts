// The cohort form. Error messages are catalogue keys.
import { z } from 'zod';
import { ENROL_CODE_PATTERN } from './service';

/** A checkbox group: absent, one value or many, always read as a list. */
const list = <T extends z.ZodType>(item: T) =>
	z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

export const cohortSchema = z.object({
	name: z.string('form.required').trim().min(1, 'form.required').max(150, 'form.tooLong'),
	enrolCode: z
		.string('form.required')
		.trim()
		.min(1, 'form.required')
		.regex(ENROL_CODE_PATTERN, 'cohort.codeFormat'),
	courses: list(z.string()).refine((courses) => courses.length > 0, 'cohort.chooseCourse'),
	trainers: list(z.coerce.number('form.invalid').int('form.invalid').positive('form.invalid'))
});
