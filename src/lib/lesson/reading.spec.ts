import { describe, expect, it } from 'vitest';
import {
	acknowledge,
	BEAT_MS,
	beatDue,
	countTick,
	giveBack,
	IDLE_AFTER_MS,
	MIN_ACTIVE_BEFORE_END_MS,
	readsEndNow,
	sectionInView,
	startReading,
	takeReport,
	TICK_MS
} from './reading';

const T0 = 1_000_000;

/** Ticks while present (visible, input just now) until `ms` of reading is counted. */
function read(reading: ReturnType<typeof startReading>, ms: number) {
	for (let i = 0; i < ms / TICK_MS; i++) countTick(reading, reading.lastInputAt, true);
}

describe('active time', () => {
	it('counts a tick only while the tab is visible and the learner gave input recently', () => {
		const reading = startReading(T0, 'muc-1');
		expect(countTick(reading, T0 + TICK_MS, true)).toBe(true);
		expect(countTick(reading, T0 + TICK_MS, false)).toBe(false);
		expect(countTick(reading, T0 + IDLE_AFTER_MS, true)).toBe(true);
		expect(countTick(reading, T0 + IDLE_AFTER_MS + 1, true)).toBe(false);
		expect(reading.activeTotalMs).toBe(2 * TICK_MS);
		expect(reading.unsentMs).toBe(2 * TICK_MS);
	});

	it('sends time every beat and a new section at once', () => {
		const reading = startReading(T0, 'muc-1');
		reading.sentLocation = 'muc-1';
		read(reading, BEAT_MS - TICK_MS);
		expect(beatDue(reading)).toBe(false);
		read(reading, TICK_MS);
		expect(beatDue(reading)).toBe(true);
		expect(takeReport(reading)).toEqual({ activeMs: BEAT_MS, location: 'muc-1', reachedEnd: false });
		expect(beatDue(reading)).toBe(false);
		reading.location = 'muc-2';
		expect(beatDue(reading)).toBe(true);
	});
});

describe('reports', () => {
	it('has nothing to send when no time passed and nothing changed', () => {
		const reading = startReading(T0, null);
		expect(takeReport(reading)).toBeNull();
		reading.location = 'muc-1';
		expect(takeReport(reading)).toEqual({ activeMs: 0, location: 'muc-1', reachedEnd: false });
	});

	it('keeps the time of a report that did not arrive for the next one', () => {
		const reading = startReading(T0, 'muc-1');
		read(reading, 2 * TICK_MS);
		const lost = takeReport(reading)!;
		read(reading, TICK_MS);
		giveBack(reading, lost);
		expect(takeReport(reading)).toEqual({ activeMs: 3 * TICK_MS, location: 'muc-1', reachedEnd: false });
	});

	it('completes the lesson once, when the server takes the end', () => {
		const reading = startReading(T0, 'muc-1');
		reading.reachedEnd = true;
		const report = takeReport(reading)!;
		expect(report.reachedEnd).toBe(true);
		expect(acknowledge(reading, report)).toBe(true);
		expect(acknowledge(reading, report)).toBe(false);
		expect(takeReport(reading)).toBeNull();
	});
});

describe('the end of the lesson', () => {
	it('counts after a scroll, or after a little reading time when the end is in view from the start', () => {
		const reading = startReading(T0, 'muc-1');
		reading.endVisible = true;
		expect(readsEndNow(reading, true)).toBe(false);
		read(reading, MIN_ACTIVE_BEFORE_END_MS);
		expect(readsEndNow(reading, true)).toBe(true);
		const scrolled = startReading(T0, 'muc-1');
		scrolled.endVisible = true;
		scrolled.scrolled = true;
		expect(readsEndNow(scrolled, true)).toBe(true);
	});

	it('needs the end in view, counts once, and never for lessons completed by posting', () => {
		const reading = startReading(T0, 'muc-1');
		reading.scrolled = true;
		expect(readsEndNow(reading, true)).toBe(false);
		reading.endVisible = true;
		expect(readsEndNow(reading, false)).toBe(false);
		reading.reachedEnd = true;
		expect(readsEndNow(reading, true)).toBe(false);
	});
});

describe('the section in view', () => {
	const headings = (...tops: number[]) => tops.map((top, i) => ({ id: `muc-${i + 1}`, top }));

	it('is the last heading above 30 % of the viewport', () => {
		expect(sectionInView(headings(-900, -200, 301, 800), 1000)).toBe('muc-2');
		expect(sectionInView(headings(-900, -200, 300, 800), 1000)).toBe('muc-3');
	});

	it('is the first section before any heading is reached, and none without headings', () => {
		expect(sectionInView(headings(400, 900), 1000)).toBe('muc-1');
		expect(sectionInView([], 1000)).toBeNull();
	});
});
