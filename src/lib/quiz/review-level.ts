// How much of a graded attempt a learner may see, and from when: quiz.md's `review` setting.
// One definition for the author's schema, the site's review after submission and the exported
// SCORM package's script, so a level means the same everywhere.

/** From least to most: the score; the learner's own answers judged; the right answers with
 * per-choice feedback; the explanations. Each level shows everything the ones before it do. */
export const REVIEW_LEVELS = ['score', 'answers', 'correct', 'explanations'] as const;
export type ReviewLevel = (typeof REVIEW_LEVELS)[number];

/** From when the chosen level applies; before that, the score only. `after-close`: once no
 * attempt is left or the quiz has closed for the learner's cohort (its trainer's close time),
 * whichever comes first; where there is no close time (an exported package), after the last attempt. */
export const REVIEW_WHEN = ['always', 'after-last-attempt', 'after-passing', 'after-close'] as const;
export type ReviewWhen = (typeof REVIEW_WHEN)[number];

export interface ReviewSetting {
	show: ReviewLevel;
	when: ReviewWhen;
}

/** Whether a review at `level` shows what `wanted` adds. */
export function reviewShows(level: ReviewLevel, wanted: ReviewLevel): boolean {
	return REVIEW_LEVELS.indexOf(level) >= REVIEW_LEVELS.indexOf(wanted);
}

/** The level of detail shown, given the settings and where the learner stands after an attempt. */
export function reviewLevel(
	settings: ReviewSetting,
	state: { attemptsLeft: number | null; passed: boolean; closed?: boolean }
): ReviewLevel {
	const allowed =
		settings.when === 'always' ||
		(settings.when === 'after-last-attempt' && state.attemptsLeft === 0) ||
		(settings.when === 'after-passing' && state.passed) ||
		(settings.when === 'after-close' && (state.attemptsLeft === 0 || state.closed === true));
	return allowed ? settings.show : 'score';
}
