// What one page visit tells the LMS, in the SCORM 1.2 data model: status, score, the section
// being read (the bookmark a resumed visit returns to), time spent and how the learner left.
import type { Lms } from './lms';
import { formatTimespan12 } from '$lib/scorm/time';

const FINISHED = ['completed', 'passed'];

export class ScoSession {
	/** the section to scroll back to: only when the LMS says this visit resumes a suspended one */
	readonly resumeLocation: string | null;
	/** what an earlier visit left in cmi.suspend_data (the quiz's attempts) */
	readonly suspendData: string;
	private status: string;
	private location: string;
	private ended = false;

	constructor(
		private readonly lms: Lms,
		private readonly startedAt: number
	) {
		const status = lms.get('cmi.core.lesson_status');
		if (!status || status === 'not attempted') {
			lms.set('cmi.core.lesson_status', 'incomplete');
			this.status = 'incomplete';
		} else {
			this.status = status;
		}
		this.location = lms.get('cmi.core.lesson_location');
		this.resumeLocation = lms.get('cmi.core.entry') === 'resume' && this.location ? this.location : null;
		this.suspendData = lms.get('cmi.suspend_data');
	}

	get lessonStatus(): string {
		return this.status;
	}

	/** The pass mark the LMS took from the manifest's masteryscore, else the page's own. */
	masteryScore(fallback: number): number {
		const raw = this.lms.get('cmi.student_data.mastery_score').trim();
		const value = raw === '' ? NaN : Number(raw);
		return Number.isFinite(value) && value >= 0 && value <= 100 ? value : fallback;
	}

	/** The learner is reading this section (a heading id). */
	read(sectionId: string | null): void {
		if (!sectionId || sectionId === this.location) return;
		this.location = sectionId;
		this.lms.set('cmi.core.lesson_location', sectionId);
	}

	/** The end of a lesson without a quiz was reached. */
	completeReading(): void {
		if (FINISHED.includes(this.status)) return;
		this.setStatus('completed');
		this.lms.commit();
	}

	/** A quiz attempt was graded: `percent` is the score the module keeps (0–100). */
	recordQuiz(percent: number, passed: boolean, suspendData: string): void {
		this.lms.set('cmi.core.score.min', '0');
		this.lms.set('cmi.core.score.max', '100');
		this.lms.set('cmi.core.score.raw', String(percent));
		this.setStatus(passed ? 'passed' : 'failed');
		this.lms.set('cmi.suspend_data', suspendData);
		this.lms.commit();
	}

	/** Saves time and exit mode without ending: a phone may close a hidden tab without warning. */
	checkpoint(now: number): void {
		if (this.ended) return;
		this.lms.set('cmi.core.session_time', formatTimespan12(now - this.startedAt));
		// "suspend" brings the learner back to the bookmark next time; a finished module starts afresh
		this.lms.set('cmi.core.exit', FINISHED.includes(this.status) ? '' : 'suspend');
		this.lms.commit();
	}

	/** The page is going away; later calls do nothing. */
	end(now: number): void {
		if (this.ended) return;
		this.checkpoint(now);
		this.ended = true;
		this.lms.finish();
	}

	private setStatus(status: string): void {
		this.status = status;
		this.lms.set('cmi.core.lesson_status', status);
	}
}
