// A lesson page's reading, told to the LMS: the site's own reading rule (src/lib/lesson/reading.ts)
// applied to what the exported page measures; the bookmark and the completion go to the session.
import { countTick, reachEnd, readsEndNow, seeSection, settleSection, startReading, type Reading } from '$lib/lesson/reading';
import type { ScoSession } from './session';

export class LessonReading {
	private readonly reading: Reading;
	/** the bookmark last given to the LMS */
	private told: string | null = null;

	constructor(
		private readonly session: ScoSession,
		/** a module with a quiz is completed by the quiz, not by reading to the end */
		private readonly completesAtEnd: boolean,
		now: number,
		section: string | null,
		/** the lesson's last section: the bookmark once the end is reached */
		private readonly lastSection: string | null = null
	) {
		this.reading = startReading(now, section);
	}

	/** What the page shows now; returns true when this is what completes the lesson. The bookmark
	 * is the section read (in view for DWELL_MS), not one scrolled past, as on the site. */
	seen(section: string | null, endVisible: boolean, now: number): boolean {
		seeSection(this.reading, section, now);
		settleSection(this.reading, now);
		this.reading.endVisible = endVisible;
		const completes = readsEndNow(this.reading, this.completesAtEnd);
		if (completes) reachEnd(this.reading, this.lastSection ?? section);
		if (this.reading.location !== null && this.reading.location !== this.told) {
			this.told = this.reading.location;
			this.session.read(this.told);
		}
		if (!completes) return false;
		this.session.completeReading();
		return true;
	}

	scrolled(now: number): void {
		this.reading.scrolled = true;
		this.reading.lastInputAt = now;
	}

	/** A key, a touch, the pointer: the learner is there. */
	input(now: number): void {
		this.reading.lastInputAt = now;
	}

	/** Called every TICK_MS; true when the tick counted as reading time (then look again). */
	tick(now: number, visible: boolean): boolean {
		return countTick(this.reading, now, visible);
	}
}
