import { describe, expect, it } from 'vitest';
import { REVIEW_LEVELS, REVIEW_WHEN, reviewLevel, reviewShows, type ReviewLevel } from './review-level';

describe('review levels are cumulative', () => {
	it('shows at each level everything the levels before it show', () => {
		for (const [i, level] of REVIEW_LEVELS.entries()) {
			for (const [j, wanted] of REVIEW_LEVELS.entries()) expect(reviewShows(level, wanted), `${level} shows ${wanted}`).toBe(j <= i);
		}
	});
});

describe('reviewLevel: how much a learner sees after an attempt', () => {
	const standing = [
		{ attemptsLeft: 2, passed: false },
		{ attemptsLeft: 0, passed: false },
		{ attemptsLeft: null, passed: false },
		{ attemptsLeft: 1, passed: true },
		{ attemptsLeft: 0, passed: true },
		{ attemptsLeft: null, passed: true }
	];

	it('"always": the chosen level after every attempt', () => {
		for (const show of REVIEW_LEVELS) for (const state of standing) expect(reviewLevel({ show, when: 'always' }, state)).toBe(show);
	});

	it('"after-last-attempt": the score only while attempts are left, passed or not', () => {
		const settings = { show: 'explanations', when: 'after-last-attempt' } as const;
		expect(reviewLevel(settings, { attemptsLeft: 2, passed: false })).toBe('score');
		expect(reviewLevel(settings, { attemptsLeft: 1, passed: true })).toBe('score');
		expect(reviewLevel(settings, { attemptsLeft: 0, passed: false })).toBe('explanations');
		expect(reviewLevel(settings, { attemptsLeft: 0, passed: true })).toBe('explanations');
	});

	it('"after-last-attempt" with unlimited attempts never gives a retake away', () => {
		const settings = { show: 'correct', when: 'after-last-attempt' } as const;
		expect(reviewLevel(settings, { attemptsLeft: null, passed: false })).toBe('score');
		expect(reviewLevel(settings, { attemptsLeft: null, passed: true })).toBe('score');
	});

	it('"after-passing": the score only until the learner has passed, attempts left or not', () => {
		const settings = { show: 'answers', when: 'after-passing' } as const;
		expect(reviewLevel(settings, { attemptsLeft: 2, passed: false })).toBe('score');
		expect(reviewLevel(settings, { attemptsLeft: 0, passed: false })).toBe('score');
		expect(reviewLevel(settings, { attemptsLeft: null, passed: false })).toBe('score');
		expect(reviewLevel(settings, { attemptsLeft: 1, passed: true })).toBe('answers');
		expect(reviewLevel(settings, { attemptsLeft: null, passed: true })).toBe('answers');
	});

	it('"after-close": the score only while attempts are left and the cohort’s quiz is open; the key after either ends', () => {
		const settings = { show: 'explanations', when: 'after-close' } as const;
		expect(reviewLevel(settings, { attemptsLeft: 2, passed: true, closed: false })).toBe('score');
		expect(reviewLevel(settings, { attemptsLeft: null, passed: false, closed: false })).toBe('score');
		expect(reviewLevel(settings, { attemptsLeft: 0, passed: false, closed: false })).toBe('explanations');
		expect(reviewLevel(settings, { attemptsLeft: 2, passed: false, closed: true })).toBe('explanations');
		expect(reviewLevel(settings, { attemptsLeft: null, passed: true, closed: true })).toBe('explanations');
		// where nothing closes (an exported package), it waits for the last attempt
		expect(reviewLevel(settings, { attemptsLeft: 1, passed: false })).toBe('score');
		expect(reviewLevel(settings, { attemptsLeft: 0, passed: false })).toBe('explanations');
	});

	it('never shows more than the author chose', () => {
		for (const show of REVIEW_LEVELS) {
			for (const when of REVIEW_WHEN) {
				for (const state of standing) {
					const level: ReviewLevel = reviewLevel({ show, when }, state);
					expect(reviewShows(show, level), `${show}/${when}`).toBe(true);
				}
			}
		}
	});
});
