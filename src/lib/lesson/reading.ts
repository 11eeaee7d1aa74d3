// The rules of lesson reading tracking, apart from any page: what counts as active time, when a
// heartbeat is due, when the end of the lesson counts as reached, which section is being read.
// The lesson page's script (./tracker.ts) applies them; the server caps what a heartbeat credits.

/** How often the learner's presence is sampled. */
export const TICK_MS = 5_000;
/** How often active time is sent (a new section is sent at the next tick). */
export const BEAT_MS = 30_000;
/** Reading a long section on a phone can take a while without touching the screen. */
export const IDLE_AFTER_MS = 3 * 60_000;
/** Seeing the end of a short lesson at once is not reading it: ask for a little time first. */
export const MIN_ACTIVE_BEFORE_END_MS = 10_000;

export interface Reading {
	/** active time not yet taken by a heartbeat */
	unsentMs: number;
	activeTotalMs: number;
	sinceBeatMs: number;
	lastInputAt: number;
	scrolled: boolean;
	endVisible: boolean;
	reachedEnd: boolean;
	/** the server has acknowledged the end */
	sentEnd: boolean;
	/** the section in view: the bookmark */
	location: string | null;
	sentLocation: string | null;
}

/** What one heartbeat tells the server (with the course and module). */
export interface Report {
	activeMs: number;
	location: string | null;
	reachedEnd: boolean;
}

export function startReading(now: number, location: string | null): Reading {
	return {
		unsentMs: 0,
		activeTotalMs: 0,
		sinceBeatMs: 0,
		lastInputAt: now,
		scrolled: false,
		endVisible: false,
		reachedEnd: false,
		sentEnd: false,
		location,
		sentLocation: null
	};
}

/** Counts one tick as reading when the tab is visible and the learner gave input recently; returns whether it counted. */
export function countTick(reading: Reading, now: number, visible: boolean): boolean {
	if (!visible || now - reading.lastInputAt > IDLE_AFTER_MS) return false;
	reading.unsentMs += TICK_MS;
	reading.activeTotalMs += TICK_MS;
	reading.sinceBeatMs += TICK_MS;
	return true;
}

/** Whether the end counts as reached now: in view, after a scroll or a little reading time, once. */
export function readsEndNow(reading: Reading, reportsEnd: boolean): boolean {
	if (!reportsEnd || reading.reachedEnd || !reading.endVisible) return false;
	return reading.scrolled || reading.activeTotalMs >= MIN_ACTIVE_BEFORE_END_MS;
}

/** After a counted tick: time is sent every BEAT_MS, a new section at once. */
export function beatDue(reading: Reading): boolean {
	return reading.sinceBeatMs >= BEAT_MS || reading.location !== reading.sentLocation;
}

/** The next heartbeat's report, taking the unsent time; null when there is nothing new to say. */
export function takeReport(reading: Reading): Report | null {
	const changed = reading.location !== reading.sentLocation || (reading.reachedEnd && !reading.sentEnd);
	if (reading.unsentMs === 0 && !changed) return null;
	const report = { activeMs: reading.unsentMs, location: reading.location, reachedEnd: reading.reachedEnd };
	reading.unsentMs = 0;
	reading.sinceBeatMs = 0;
	return report;
}

/** The server took the report; returns true when it is the one that completed the lesson. */
export function acknowledge(reading: Reading, report: Report): boolean {
	reading.sentLocation = report.location;
	if (!report.reachedEnd || reading.sentEnd) return false;
	reading.sentEnd = true;
	return true;
}

/** The report did not arrive: its time goes with the next one (the server caps what one beat credits). */
export function giveBack(reading: Reading, report: Report): void {
	reading.unsentMs += report.activeMs;
}

/** The section being read: the last heading above 30 % of the viewport's height, else the first. */
export function sectionInView(headings: { id: string; top: number }[], viewportHeight: number): string | null {
	const offset = viewportHeight * 0.3;
	let current: string | null = null;
	for (const heading of headings) {
		if (heading.top - offset <= 0) current = heading.id;
	}
	return current ?? headings[0]?.id ?? null;
}
