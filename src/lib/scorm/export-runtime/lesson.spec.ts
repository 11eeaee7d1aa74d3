// The exported page reads a lesson by the site's rule (src/lib/lesson/reading.ts) and tells the LMS.
import { describe, expect, it } from 'vitest';
import { DWELL_MS, IDLE_AFTER_MS, MIN_ACTIVE_BEFORE_END_MS, TICK_MS } from '$lib/lesson/reading';
import { fakeApi } from './fake-api';
import { LessonReading } from './lesson';
import { connectLms } from './lms';
import { ScoSession } from './session';

const T0 = 1_000_000;

function open(completesAtEnd = true) {
	const lms = fakeApi({ 'cmi.core.lesson_status': 'not attempted', 'cmi.core.entry': 'ab-initio' });
	const session = new ScoSession(connectLms({ API: lms.api }), T0);
	return { ...lms, reading: new LessonReading(session, completesAtEnd, T0, 'muc-1') };
}

/** Ticks every TICK_MS from T0 for `ms`, the learner present unless told otherwise. */
function tickFor(reading: LessonReading, ms: number, visible = true) {
	let counted = 0;
	for (let at = T0 + TICK_MS; at <= T0 + ms; at += TICK_MS) if (reading.tick(at, visible)) counted++;
	return counted;
}

describe('an exported lesson page, read by the site’s rule', () => {
	it('keeps the section read as the LMS bookmark; a section scrolled past does not move it', () => {
		const { reading, store } = open();
		reading.seen('muc-4', false, T0 + 1_000);
		reading.seen('muc-4', false, T0 + 1_000 + DWELL_MS);
		expect(store['cmi.core.lesson_location']).toBe('muc-4');
		expect(store['cmi.core.lesson_status']).toBe('incomplete');
		// a quick swipe back up through the lesson
		reading.seen('muc-2', false, T0 + 1_000 + DWELL_MS + 500);
		reading.seen('muc-1', false, T0 + 1_000 + DWELL_MS + 1_000);
		expect(store['cmi.core.lesson_location']).toBe('muc-4');
	});

	it('completes once the end is seen after scrolling, and only once', () => {
		const { reading, store, calls } = open();
		expect(reading.seen('muc-1', true, T0)).toBe(false);
		reading.scrolled(T0 + 1_000);
		expect(reading.seen('muc-3', true, T0 + 2_000)).toBe(true);
		expect(store['cmi.core.lesson_status']).toBe('completed');
		const commits = calls.filter((call) => call === 'LMSCommit').length;
		expect(reading.seen('muc-3', true, T0 + 2_000)).toBe(false);
		expect(calls.filter((call) => call === 'LMSCommit').length).toBe(commits);
	});

	it('completes a short lesson seen whole at once only after a little time really spent reading', () => {
		const { reading, store } = open();
		expect(reading.seen('muc-1', true, T0)).toBe(false);
		tickFor(reading, MIN_ACTIVE_BEFORE_END_MS - TICK_MS);
		expect(reading.seen('muc-1', true, T0)).toBe(false);
		tickFor(reading, TICK_MS);
		expect(reading.seen('muc-1', true, T0)).toBe(true);
		expect(store['cmi.core.lesson_status']).toBe('completed');
	});

	it('does not count time while the tab is hidden or the learner has gone', () => {
		const { reading, store } = open();
		expect(tickFor(reading, 10 * MIN_ACTIVE_BEFORE_END_MS, false)).toBe(0);
		expect(reading.seen('muc-1', true, T0)).toBe(false);
		const idle = T0 + IDLE_AFTER_MS + TICK_MS;
		expect(reading.tick(idle, true)).toBe(false);
		reading.input(idle);
		expect(reading.tick(idle + TICK_MS, true)).toBe(true);
		expect(store['cmi.core.lesson_status']).toBe('incomplete');
	});

	it('leaves completion to the quiz in a module that has one', () => {
		const { reading, store } = open(false);
		reading.scrolled(T0 + 1_000);
		tickFor(reading, 2 * MIN_ACTIVE_BEFORE_END_MS);
		expect(reading.seen('muc-3', true, T0 + 2_000)).toBe(false);
		expect(reading.seen('muc-3', true, T0 + 2_000 + DWELL_MS)).toBe(false);
		expect(store['cmi.core.lesson_status']).toBe('incomplete');
		expect(store['cmi.core.lesson_location']).toBe('muc-3');
	});
});
