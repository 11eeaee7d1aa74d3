// A lesson page's reading, told to the LMS: the site's own reading rule (src/lib/lesson/reading.ts)
// applied to what the exported page measures; the bookmark and the completion go to the session.
import { countTick, readsEndNow, startReading, type Reading } from '$lib/lesson/reading';
import type { ScoSession } from './session';

export class LessonReading {
	private readonly reading: Reading;

	constructor(
		private readonly session: ScoSession,
		/** a module with a quiz is completed by the quiz, not by reading to the end */
		private readonly completesAtEnd: boolean,
		now: number,
		section: string | null
	) {
		this.reading = startReading(now, section);
	}

	/** What the page shows now; returns true when this is what completes the lesson. */
	seen(section: string | null, endVisible: boolean): boolean {
		this.reading.location = section;
		this.session.read(section);
		this.reading.endVisible = endVisible;
		if (!readsEndNow(this.reading, this.completesAtEnd)) return false;
		this.reading.reachedEnd = true;
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
