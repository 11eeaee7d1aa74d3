// The rules of lesson reading tracking, apart from any page: what counts as active time, when a
// heartbeat is due, when the end of the lesson counts as reached, which section is being read
// (the bookmark: a section the learner stayed on, not one scrolled past on the way elsewhere).
// The lesson page's script (./tracker.ts) applies them; the server caps what a heartbeat credits.

/** How often the learner's presence is sampled. */
export const TICK_MS = 5_000;
/** How often active time is sent (a new section is sent at the next tick). */
export const BEAT_MS = 30_000;
/** Reading a long section on a phone can take a while without touching the screen. */
export const IDLE_AFTER_MS = 3 * 60_000;
/** Seeing the end of a short lesson at once is not reading it: ask for a little time first. */
export const MIN_ACTIVE_BEFORE_END_MS = 10_000;
/**
 * How long a section must stay in view, on a visible page, to become the bookmark. Scrolling back
 * to the top to reach the menu, or flicking through to find a passage, passes sections in well
 * under this; reading one takes longer.
 */
export const DWELL_MS = 4_000;

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
	/** the section being read: the bookmark (null until one has been read) */
	location: string | null;
	sentLocation: string | null;
	/** the section in view now, which becomes the bookmark once it has stayed DWELL_MS */
	inView: string | null;
	/** since when it has been in view on a visible page; null while the page is hidden */
	inViewSince: number | null;
}

/** What one heartbeat tells the server (with the course and module). */
export interface Report {
	activeMs: number;
	location: string | null;
	reachedEnd: boolean;
}

/** A page just opened with `inView` on screen: nothing is the bookmark until it has been read. */
export function startReading(now: number, inView: string | null): Reading {
	return {
		unsentMs: 0,
		activeTotalMs: 0,
		sinceBeatMs: 0,
		lastInputAt: now,
		scrolled: false,
		endVisible: false,
		reachedEnd: false,
		sentEnd: false,
		location: null,
		sentLocation: null,
		inView,
		inViewSince: now
	};
}

/** The section in view stayed long enough on a visible page: it becomes the bookmark. */
export function settleSection(reading: Reading, now: number): void {
	if (reading.inView === null || reading.inViewSince === null) return;
	if (now - reading.inViewSince >= DWELL_MS) reading.location = reading.inView;
}

/** After a scroll: `section` is in view from now on (the one before counts if it was read). */
export function seeSection(reading: Reading, section: string | null, now: number): void {
	if (section === reading.inView) return;
	settleSection(reading, now);
	reading.inView = section;
	if (reading.inViewSince !== null) reading.inViewSince = now;
}

/** The page was hidden or shown again: time out of sight is not time reading the section in view. */
export function pageShown(reading: Reading, visible: boolean, now: number): void {
	if (visible) {
		reading.inViewSince ??= now;
		return;
	}
	settleSection(reading, now);
	reading.inViewSince = null;
}

/** The end of the lesson was reached: the last section is the bookmark at once. */
export function reachEnd(reading: Reading, lastSection: string | null): void {
	reading.reachedEnd = true;
	if (lastSection === null) return;
	reading.location = lastSection;
	reading.inView = lastSection;
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

/**
 * The report did not arrive and went to the outbox, which will deliver it: the page need not say
 * its section or its end again (nor every tick while offline), and its time is not counted twice.
 */
export function handOver(reading: Reading, report: Report): void {
	reading.sentLocation = report.location;
	if (report.reachedEnd) reading.sentEnd = true;
}

/**
 * The section in view: the last heading above 30 % of the viewport's height. None before the first
 * heading gets there: the top of the page (title, objectives, contents, the menu) is no section.
 */
export function sectionInView(headings: { id: string; top: number }[], viewportHeight: number): string | null {
	const offset = viewportHeight * 0.3;
	let current: string | null = null;
	for (const heading of headings) {
		if (heading.top - offset <= 0) current = heading.id;
	}
	return current;
}
