// The quiz model shared by the parser, the grader and the attempt service.
// `Question` holds the answers and never leaves the server; `PublicQuestion` is what a learner's
// browser receives while answering.

import type { QuestionToAnswer, QuestionType, SavedResponse } from '$lib/quiz';
import type { ReviewSetting } from '$lib/quiz/review-level';

export type { QuestionType };
export const QUESTION_TYPES: readonly QuestionType[] = [
	'single',
	'multiple',
	'truefalse',
	'short',
	'matching',
	'ordering'
];

export interface Choice {
	id: string;
	html: string;
	correct: boolean;
	feedbackHtml: string;
}

export interface MatchItem {
	id: string;
	html: string;
}

export interface MatchPair {
	left: MatchItem;
	right: MatchItem;
}

export interface Question {
	id: string;
	type: QuestionType;
	title: string;
	promptHtml: string;
	points: number;
	explanationHtml: string;
	/** single, multiple, truefalse */
	choices: Choice[];
	/** short answer: accepted answers as written */
	accepted: string[];
	ignoreDiacritics: boolean;
	/** matching: the right pairs, plus right-hand items that match nothing */
	pairs: MatchPair[];
	distractors: MatchItem[];
	/** ordering: steps in the right order */
	steps: MatchItem[];
	/** quiz.md line of the heading, for authors */
	line: number;
	/** the pool group it is drawn from (`{group=…}`); absent when the quiz has no pool */
	group?: string;
}

export type GradingMethod = 'highest' | 'latest' | 'average' | 'first';

export interface QuizSettings {
	title: string;
	passPercent: number;
	/** null: unlimited */
	maxAttempts: number | null;
	timeLimitMinutes: number | null;
	shuffleQuestions: boolean;
	shuffleChoices: boolean;
	grading: GradingMethod;
	review: ReviewSetting;
	/** null: every question, every attempt */
	questionsPerAttempt: number | null;
	/** group → questions drawn from it per attempt; null: no pool. When set, the quotas add up
	 * to questionsPerAttempt. */
	pool: Record<string, number> | null;
}

export interface Quiz {
	settings: QuizSettings;
	introHtml: string;
	questions: Question[];
	contentHash: string;
}

/** A learner's answer to one question, as stored (the pages prefill forms with the same shape). */
export type Response = SavedResponse;

/** What the browser sees of a question before submission: nothing that tells the answer.
 * The page's shape (QuestionToAnswer) adds each item's plain text for <option>s. */
export type PublicQuestion = Omit<QuestionToAnswer, 'lefts' | 'rights' | 'steps'> & {
	lefts: MatchItem[];
	rights: MatchItem[];
	steps: MatchItem[];
};
