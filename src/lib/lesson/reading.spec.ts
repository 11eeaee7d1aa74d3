import { describe, expect, it } from 'vitest';
import {
	acknowledge,
	BEAT_MS,
	beatDue,
	countTick,
	DWELL_MS,
	handOver,
	IDLE_AFTER_MS,
	MIN_ACTIVE_BEFORE_END_MS,
	pageShown,
	reachEnd,
	readsEndNow,
	sectionInView,
	seeSection,
	settleSection,
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
		reading.location = 'muc-1';
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

	it('a report handed to the outbox is not sent again, nor its section every tick', () => {
		const reading = startReading(T0, 'muc-1');
		reading.location = 'muc-1';
		reading.reachedEnd = true;
		read(reading, 2 * TICK_MS);
		const kept = takeReport(reading)!;
		handOver(reading, kept);
		expect(beatDue(reading)).toBe(false);
		read(reading, TICK_MS);
		expect(takeReport(reading)).toEqual({ activeMs: TICK_MS, location: 'muc-1', reachedEnd: true });
		// the outbox reports the end: the page does not claim it a second time
		expect(acknowledge(reading, kept)).toBe(false);
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

	it('is none before any heading is reached (the top of the page is no section), and none without headings', () => {
		expect(sectionInView(headings(400, 900), 1000)).toBeNull();
		expect(sectionInView([], 1000)).toBeNull();
	});
});

describe('the bookmark: the section being read, not one scrolled past', () => {
	/** A learner who read section 4 long enough for it to be sent as the bookmark. */
	function readingSection4() {
		const reading = startReading(T0, null);
		seeSection(reading, 'muc-4', T0 + 1_000);
		settleSection(reading, T0 + 1_000 + DWELL_MS);
		reading.sentLocation = reading.location;
		return reading;
	}

	it('is nothing until a section has stayed in view for DWELL_MS', () => {
		const reading = startReading(T0, 'muc-1');
		settleSection(reading, T0 + DWELL_MS - 1);
		expect(reading.location).toBeNull();
		expect(takeReport(reading)).toBeNull();
		settleSection(reading, T0 + DWELL_MS);
		expect(reading.location).toBe('muc-1');
		expect(beatDue(reading)).toBe(true);
	});

	it('stays on the section read when the learner scrolls quickly back to the top and leaves (the phone sign-out)', () => {
		const reading = readingSection4();
		expect(reading.location).toBe('muc-4');
		const t = T0 + 60_000;
		// swiping up: each section passes in a fraction of a second, then the top (no section)
		seeSection(reading, 'muc-3', t);
		seeSection(reading, 'muc-2', t + 400);
		seeSection(reading, 'muc-1', t + 800);
		seeSection(reading, null, t + 1_200);
		// leaving: the report sent on pagehide settles first
		settleSection(reading, t + 3_000);
		pageShown(reading, false, t + 3_000);
		expect(reading.location).toBe('muc-4');
		expect(takeReport(reading)).toBeNull();
		// even lingering at the top (looking for the menu) is not reading a section
		settleSection(reading, t + 60_000);
		expect(reading.location).toBe('muc-4');
	});

	it('moves to an earlier section the learner goes back to and reads', () => {
		const reading = readingSection4();
		const t = T0 + 60_000;
		seeSection(reading, 'muc-2', t);
		settleSection(reading, t + DWELL_MS - 1);
		expect(reading.location).toBe('muc-4');
		// scrolling on within section 2's view after reading it long enough keeps it
		seeSection(reading, 'muc-3', t + DWELL_MS + 500);
		expect(reading.location).toBe('muc-2');
		expect(takeReport(reading)).toEqual({ activeMs: 0, location: 'muc-2', reachedEnd: false });
	});

	it('counts only time the page is visible', () => {
		const reading = readingSection4();
		const t = T0 + 60_000;
		seeSection(reading, 'muc-5', t);
		pageShown(reading, false, t + 1_000);
		// an hour in another app is not reading section 5
		settleSection(reading, t + 3_600_000);
		expect(reading.location).toBe('muc-4');
		pageShown(reading, true, t + 3_600_000);
		settleSection(reading, t + 3_600_000 + DWELL_MS - 1);
		expect(reading.location).toBe('muc-4');
		settleSection(reading, t + 3_600_000 + DWELL_MS);
		expect(reading.location).toBe('muc-5');
	});

	it('is the last section at once when the end is reached, and stays there', () => {
		const reading = readingSection4();
		reachEnd(reading, 'muc-8');
		expect(reading.location).toBe('muc-8');
		expect(reading.reachedEnd).toBe(true);
		settleSection(reading, T0 + 3_600_000);
		expect(reading.location).toBe('muc-8');
	});
});
