// The in-page quiz, as plain functions: the server's own form reading and grading (bundled into
// the script, not rewritten), and the attempts the LMS keeps for the page in cmi.suspend_data.
import type { MessageKey } from '$lib/i18n';
import { reviewLevel, type ReviewLevel } from '$lib/quiz/review-level';
import { gradeAttempt, keptPercent, type AttemptGrade } from '$lib/server/quiz/grade';
import { parseResponses } from '$lib/server/quiz/responses';
import type { SnapshotQuestion } from '$lib/server/quiz/snapshot';
import type { Response } from '$lib/server/quiz/types';
import type { ScoQuiz } from './contract';

export type Submission =
	| { ok: true; grade: AttemptGrade; responses: Map<string, Response> }
	| { ok: false; errors: Map<string, MessageKey>; invalid: boolean };

/** Reads and grades a submitted form exactly as the server grades an attempt. */
export function gradeSubmission(questions: SnapshotQuestion[], form: FormData): Submission {
	const parsed = parseResponses(questions, form);
	if (parsed.invalid || parsed.errors.size > 0) return { ok: false, errors: parsed.errors, invalid: parsed.invalid };
	const responses = new Map<string, Response>();
	for (const [id, response] of parsed.responses) if (response) responses.set(id, response);
	return { ok: true, grade: gradeAttempt(questions, responses), responses };
}

// cmi.suspend_data holds at most 4,096 characters in SCORM 1.2; the percents of 200 attempts fit.
const MAX_KEPT_ATTEMPTS = 200;

/** The percents of earlier attempts, oldest first; anything unreadable counts as none. */
export function readAttempts(suspendData: string): number[] {
	try {
		const value: unknown = JSON.parse(suspendData);
		const attempts = (value as { attempts?: unknown })?.attempts;
		return Array.isArray(attempts) ? attempts.filter((p): p is number => typeof p === 'number' && p >= 0 && p <= 100) : [];
	} catch {
		return [];
	}
}

export function writeAttempts(attempts: number[]): string {
	return JSON.stringify({ attempts: attempts.slice(-MAX_KEPT_ATTEMPTS) });
}

export interface Standing {
	/** the score the module keeps, by the quiz's grading method; null before any attempt */
	kept: number | null;
	passed: boolean;
	/** null: unlimited */
	attemptsLeft: number | null;
	/** how much of the review to show */
	level: ReviewLevel;
}

export function standing(quiz: ScoQuiz, attempts: number[], masteryScore: number): Standing {
	const kept = keptPercent(
		quiz.grading,
		attempts.map((percent, i) => ({ number: i + 1, percent }))
	);
	const passed = kept !== null && kept >= masteryScore;
	const attemptsLeft = quiz.maxAttempts === null ? null : Math.max(0, quiz.maxAttempts - attempts.length);
	return { kept, passed, attemptsLeft, level: reviewLevel(quiz.review, { attemptsLeft, passed }) };
}
