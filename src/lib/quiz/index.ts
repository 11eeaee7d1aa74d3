// Shapes shared by the quiz pages and components (browser-safe: no answers in here).
export type QuestionType = 'single' | 'multiple' | 'truefalse' | 'short' | 'matching' | 'ordering';

export interface QuizItem {
	id: string;
	html: string;
	/** the same as plain text, for <option> */
	text: string;
}

export interface QuestionToAnswer {
	id: string;
	type: QuestionType;
	title: string;
	promptHtml: string;
	points: number;
	choices: { id: string; html: string }[];
	lefts: QuizItem[];
	rights: QuizItem[];
	steps: QuizItem[];
}

export type SavedResponse =
	| { type: 'single' | 'truefalse'; choice: string }
	| { type: 'multiple'; choices: string[] }
	| { type: 'short'; text: string }
	| { type: 'matching'; pairs: Record<string, string> }
	| { type: 'ordering'; order: string[] };

export const fieldName = (questionId: string, itemId?: string) =>
	itemId ? `q:${questionId}:${itemId}` : `q:${questionId}`;

// What the review after submission shows of one question (server decides how much).
export interface ReviewChoice {
	html: string;
	chosen: boolean;
	/** only from the 'correct' level on */
	correct?: boolean;
	feedbackHtml?: string;
}

export interface ReviewMatch {
	leftHtml: string;
	chosenHtml: string | null;
	ok: boolean;
	correctHtml?: string;
}

export interface ReviewQuestion {
	id: string;
	type: QuestionType;
	title: string;
	promptHtml: string;
	points: number;
	score: number;
	correct: boolean;
	answered: boolean;
	choices: ReviewChoice[];
	text: string | null;
	accepted: string[];
	matches: ReviewMatch[];
	/** the learner's order of the steps */
	order: { html: string; ok: boolean }[];
	correctOrder: string[];
	explanationHtml: string;
}

