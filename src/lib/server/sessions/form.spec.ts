import { describe, expect, it } from 'vitest';
import { readSessionForm } from './form';

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.append(key, value);
	return data;
}

const VALID = { title: 'Buổi 1', place: 'Hội trường xã', date: '2026-12-06', start: '08:00', end: '11:30', hours: '3.5' };

describe('readSessionForm', () => {
	it('reads a session in Viet Nam time; a cohort with one course needs no choice', () => {
		expect(readSessionForm(form(VALID), ['khoa-thu'])).toEqual({
			ok: true,
			input: { courseId: 'khoa-thu', title: 'Buổi 1', place: 'Hội trường xã', startsAt: Date.UTC(2026, 11, 6, 1), endsAt: Date.UTC(2026, 11, 6, 4, 30), hours: 3.5 }
		});
	});

	it('says which field is wrong', () => {
		const errors = (fields: Record<string, string>, courses = ['khoa-thu']) => {
			const result = readSessionForm(form({ ...VALID, ...fields }), courses);
			return result.ok ? null : result.errors;
		};
		expect(errors({ title: '  ' })).toEqual({ title: 'sessions.errorTitle' });
		expect(errors({ place: '' })).toEqual({ place: 'sessions.errorPlace' });
		expect(errors({ hours: '-1' })).toEqual({ hours: 'sessions.errorHours' });
		expect(errors({ hours: 'ba' })).toEqual({ hours: 'sessions.errorHours' });
		expect(errors({ hours: '' })).toEqual({ hours: 'sessions.errorHours' });
		expect(errors({ date: '2026-02-30' })).toEqual({ date: 'sessions.errorDate' });
		expect(errors({ end: '08:00' })).toEqual({ end: 'sessions.errorEnd' });
		expect(errors({}, ['mot', 'hai'])).toEqual({ course: 'sessions.errorCourse' });
		expect(errors({ course: 'khac' }, ['mot', 'hai'])).toEqual({ course: 'sessions.errorCourse' });
		expect(errors({ course: 'hai' }, ['mot', 'hai'])).toBeNull();
	});
});
