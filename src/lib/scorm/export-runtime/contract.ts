// What an exported page and its runtime script agree on: element ids, data attributes, and the
// JSON the page carries (the quiz's answer key and the few messages the script writes itself).
import type { MessageKey } from '$lib/i18n';
import type { ReviewSetting } from '$lib/quiz/review-level';
import type { SnapshotQuestion } from '$lib/server/quiz/snapshot';
import type { GradingMethod } from '$lib/server/quiz/types';

export const ELEMENT = {
	data: 'taphuan-data',
	lessonBody: 'lesson-body',
	lessonEnd: 'lesson-end',
	quizForm: 'quiz-form',
	quizResult: 'quiz-result',
	lmsNotice: 'lms-notice'
} as const;

/** Attributes marking the parts of the page the script shows or fills. */
export const PART = {
	question: 'data-question',
	completed: 'data-completed',
	error: 'data-error',
	verdict: 'data-verdict',
	feedback: 'data-feedback',
	correct: 'data-correct',
	explanation: 'data-explanation',
	ordering: 'data-ordering'
} as const;

export const RUNTIME_MESSAGES = [
	'quiz.scoreLine',
	'quiz.passed',
	'quiz.failed',
	'quiz.passMark',
	'quiz.keptScore',
	'quiz.attemptsLeft',
	'quiz.noAttemptsLeft',
	'quiz.right',
	'quiz.partlyRight',
	'quiz.wrong',
	'quiz.unanswered',
	'quiz.pointsOf',
	'quiz.orderPositions',
	'quiz.answerTooLong',
	'quiz.invalidAnswer'
] as const satisfies readonly MessageKey[];

export type RuntimeMessage = (typeof RUNTIME_MESSAGES)[number];

export interface ScoQuiz {
	passPercent: number;
	maxAttempts: number | null;
	grading: GradingMethod;
	review: ReviewSetting;
	/** the questions as the page shows them, with their answers and without their texts */
	questions: SnapshotQuestion[];
}

export interface ScoData {
	/** message templates in the page's language, `{name}` placeholders as in the catalogue */
	messages: Record<RuntimeMessage, string>;
	quiz: ScoQuiz | null;
}
