import { describe, expect, it } from 'vitest';
import type { ScoQuiz } from './contract';
import { readAttempts, standing, writeAttempts } from './quiz';

const quiz = (over: Partial<ScoQuiz> = {}): ScoQuiz => ({
	passPercent: 70,
	maxAttempts: 3,
	grading: 'highest',
	review: { show: 'explanations', when: 'always' },
	questions: [],
	...over
});

describe('attempts kept in cmi.suspend_data', () => {
	it('round-trips, and reads anything else as no attempts', () => {
		expect(readAttempts(writeAttempts([40, 72.5]))).toEqual([40, 72.5]);
		for (const junk of ['', 'not json', '{"attempts":"x"}', 'null', '[1,2]']) expect(readAttempts(junk)).toEqual([]);
		expect(readAttempts('{"attempts":[50,"x",-1,101,80]}')).toEqual([50, 80]);
	});

	it('stays within the 4,096 characters SCORM 1.2 allows', () => {
		expect(writeAttempts(Array.from({ length: 1000 }, () => 99.99)).length).toBeLessThan(4096);
	});
});

describe('standing after some attempts', () => {
	it('keeps the score by the quiz’s grading method, as the server does', () => {
		expect(standing(quiz({ grading: 'highest' }), [80, 50], 70)).toMatchObject({ kept: 80, passed: true });
		expect(standing(quiz({ grading: 'latest' }), [80, 50], 70)).toMatchObject({ kept: 50, passed: false });
		expect(standing(quiz({ grading: 'first' }), [80, 50], 70)).toMatchObject({ kept: 80, passed: true });
		expect(standing(quiz({ grading: 'average' }), [80, 50], 70)).toMatchObject({ kept: 65, passed: false });
		expect(standing(quiz(), [], 70)).toMatchObject({ kept: null, passed: false, attemptsLeft: 3 });
	});

	it('counts attempts left, unlimited included', () => {
		expect(standing(quiz(), [10, 20], 70).attemptsLeft).toBe(1);
		expect(standing(quiz(), [10, 20, 30, 40], 70).attemptsLeft).toBe(0);
		expect(standing(quiz({ maxAttempts: null }), [10, 20], 70).attemptsLeft).toBeNull();
	});

	it('shows the review the quiz allows, when it allows it', () => {
		expect(standing(quiz(), [10], 70).level).toBe('explanations');
		const afterLast = quiz({ review: { show: 'correct', when: 'after-last-attempt' } });
		expect(standing(afterLast, [10], 70).level).toBe('score');
		expect(standing(afterLast, [10, 20, 30], 70).level).toBe('correct');
		const afterPassing = quiz({ review: { show: 'answers', when: 'after-passing' } });
		expect(standing(afterPassing, [10], 70).level).toBe('score');
		expect(standing(afterPassing, [90], 70).level).toBe('answers');
	});
});
