import { beforeEach, describe, expect, it } from 'vitest';
import { addMember, createCohort } from '../cohorts/service';
import { openDatabase, type Db } from '../db/open';
import { insertUser, type User } from '../users/service';
import {
	learnerQuizWindow,
	listQuizWindows,
	parseVietnamDateTime,
	setQuizWindow,
	toVietnamDateTime,
	windowState
} from './window';

const T0 = Date.UTC(2026, 11, 1);
const HOUR = 3_600_000;
const FINAL = { courseId: 'khoa', moduleSlug: 'kiem-tra-cuoi' };

let db: Db;
let trainer: User;
let learner: User;

function newCohort(name: string): number {
	const cohort = createCohort(db, { name, enrolCode: name, courseIds: ['khoa'], trainerIds: [trainer.id], createdBy: null }, T0);
	return cohort.id;
}

beforeEach(() => {
	db = openDatabase(':memory:');
	db.prepare('INSERT INTO course (id, title, loaded_at) VALUES (?, ?, ?)').run('khoa', 'Khoá', T0);
	trainer = insertUser(db, { username: 'gv', displayName: 'Giảng viên', password: '', role: 'trainer' }, 'x');
	learner = insertUser(db, { username: 'hv', displayName: 'Học viên', password: '', role: 'learner' }, 'x');
});

describe('windowState', () => {
	const window = { opensAt: T0, closesAt: T0 + 2 * HOUR };
	it('is not yet open before the opening, open until the close, closed from the close on', () => {
		expect(windowState(window, T0 - 1)).toBe('notYetOpen');
		expect(windowState(window, T0)).toBe('open');
		expect(windowState(window, T0 + 2 * HOUR - 1)).toBe('open');
		expect(windowState(window, T0 + 2 * HOUR)).toBe('closed');
		expect(windowState({ opensAt: null, closesAt: null }, T0)).toBe('open');
		expect(windowState({ opensAt: T0, closesAt: null }, T0 + 1000 * HOUR)).toBe('open');
	});
});

describe('quiz windows per cohort', () => {
	it('stores, replaces and removes a cohort’s window', () => {
		const cohort = newCohort('LOP-A');
		setQuizWindow(db, { cohortId: cohort, ...FINAL }, { opensAt: T0, closesAt: T0 + HOUR }, trainer.id, T0);
		setQuizWindow(db, { cohortId: cohort, ...FINAL }, { opensAt: null, closesAt: T0 + 2 * HOUR }, trainer.id, T0);
		expect(listQuizWindows(db, cohort, 'khoa')).toEqual(new Map([['kiem-tra-cuoi', { opensAt: null, closesAt: T0 + 2 * HOUR }]]));
		setQuizWindow(db, { cohortId: cohort, ...FINAL }, { opensAt: null, closesAt: null }, trainer.id, T0);
		expect(listQuizWindows(db, cohort, 'khoa').size).toBe(0);
		expect(() => setQuizWindow(db, { cohortId: cohort, ...FINAL }, { opensAt: T0, closesAt: T0 }, trainer.id)).toThrow();
	});

	it('a learner gets their cohort’s window; no cohort window, or no cohort, leaves the quiz open', () => {
		const a = newCohort('LOP-A');
		addMember(db, a, learner.id, 'learner', T0);
		expect(learnerQuizWindow(db, learner.id, FINAL.courseId, FINAL.moduleSlug)).toEqual({ opensAt: null, closesAt: null });
		setQuizWindow(db, { cohortId: a, ...FINAL }, { opensAt: T0, closesAt: T0 + HOUR }, trainer.id);
		expect(learnerQuizWindow(db, learner.id, FINAL.courseId, FINAL.moduleSlug)).toEqual({ opensAt: T0, closesAt: T0 + HOUR });
		// another quiz of the course is not restricted
		expect(learnerQuizWindow(db, learner.id, FINAL.courseId, 'module-khac')).toEqual({ opensAt: null, closesAt: null });
		// the trainer is not a learner of the cohort: not restricted either
		expect(learnerQuizWindow(db, trainer.id, FINAL.courseId, FINAL.moduleSlug)).toEqual({ opensAt: null, closesAt: null });
	});

	it('a learner in two cohorts gets the widest span; a cohort without a window leaves it open', () => {
		const a = newCohort('LOP-A');
		const b = newCohort('LOP-B');
		addMember(db, a, learner.id, 'learner', T0);
		addMember(db, b, learner.id, 'learner', T0);
		setQuizWindow(db, { cohortId: a, ...FINAL }, { opensAt: T0, closesAt: T0 + HOUR }, trainer.id);
		expect(learnerQuizWindow(db, learner.id, FINAL.courseId, FINAL.moduleSlug)).toEqual({ opensAt: null, closesAt: null });
		setQuizWindow(db, { cohortId: b, ...FINAL }, { opensAt: T0 + 5 * HOUR, closesAt: T0 + 6 * HOUR }, trainer.id);
		expect(learnerQuizWindow(db, learner.id, FINAL.courseId, FINAL.moduleSlug)).toEqual({ opensAt: T0, closesAt: T0 + 6 * HOUR });
	});
});

describe('Viet Nam time in the trainer’s form', () => {
	it('reads a datetime-local value as UTC+7 and writes it back', () => {
		expect(parseVietnamDateTime('2026-12-10T08:00')).toBe(Date.UTC(2026, 11, 10, 1, 0));
		expect(toVietnamDateTime(Date.UTC(2026, 11, 10, 1, 0))).toBe('2026-12-10T08:00');
		expect(parseVietnamDateTime('2026-01-01T03:30')).toBe(Date.UTC(2025, 11, 31, 20, 30));
	});

	it('refuses what is not a date and time', () => {
		for (const bad of ['', 'ngày mai', '2026-02-30T08:00', '2026-12-10T24:00', '2026-12-10 08:00', '2026-12-10']) {
			expect(parseVietnamDateTime(bad), bad).toBeNull();
		}
	});
});
