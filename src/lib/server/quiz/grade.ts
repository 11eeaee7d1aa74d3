// Grading, on the server only. Rules (documented for authors in docs/authoring.md):
// - single choice and true/false: all the points for the correct choice, none otherwise;
// - multiple choice: each correct choice ticked earns 1/C of the points, each wrong choice ticked
//   costs 1/W (C, W = number of correct and wrong choices), never below zero;
// - short answer: all or nothing; case, spacing, Unicode form, trailing punctuation and surrounding
//   quotes ignored (people end a phrase with a full stop or quote a term they were taught), diacritics
//   respected unless the question says ignoreDiacritics;
// - matching: each left item matched right earns 1/P of the points (P pairs);
// - ordering: each step in its right place earns 1/N of the points (N steps).
import { foldVietnamese } from '../markdown/slug';
import type { GradingMethod, Question, Response } from './types';

export interface QuestionGrade {
	score: number;
	maxScore: number;
	correct: boolean;
}

/** Quotation marks a learner may put around an answer, straight, curly or guillemets. */
const QUOTES = `"'“”‘’«»`;
/** Peels, from both ends, the quotes around an answer and the punctuation that ends it, in any nesting ("15 tuổi." / “15 tuổi”.). */
const WRAPPING = new RegExp(`^[\\s${QUOTES}]+|[\\s${QUOTES}.,;:!?…]+$`, 'gu');

export function normaliseShortAnswer(text: string, ignoreDiacritics: boolean): string {
	const plain = text.normalize('NFC').replace(WRAPPING, '').replace(/\s+/g, ' ').toLocaleLowerCase('vi');
	return ignoreDiacritics ? foldVietnamese(plain).normalize('NFC') : plain;
}

function fraction(question: Question, response: Response | undefined): number {
	switch (question.type) {
		case 'single':
		case 'truefalse': {
			const choice = response && 'choice' in response ? response.choice : undefined;
			return question.choices.some((c) => c.correct && c.id === choice) ? 1 : 0;
		}
		case 'multiple': {
			const ticked = new Set(response?.type === 'multiple' ? response.choices : []);
			const correct = question.choices.filter((c) => c.correct);
			const wrong = question.choices.filter((c) => !c.correct);
			const gained = correct.filter((c) => ticked.has(c.id)).length / correct.length;
			const lost = wrong.length ? wrong.filter((c) => ticked.has(c.id)).length / wrong.length : 0;
			return Math.max(0, gained - lost);
		}
		case 'short': {
			const given = normaliseShortAnswer(response?.type === 'short' ? response.text : '', question.ignoreDiacritics);
			if (!given) return 0;
			return question.accepted.some((a) => normaliseShortAnswer(a, question.ignoreDiacritics) === given) ? 1 : 0;
		}
		case 'matching': {
			const pairs = response?.type === 'matching' ? response.pairs : {};
			return question.pairs.filter((p) => pairs[p.left.id] === p.right.id).length / question.pairs.length;
		}
		case 'ordering': {
			const order = response?.type === 'ordering' ? response.order : [];
			return question.steps.filter((s, i) => order[i] === s.id).length / question.steps.length;
		}
	}
}

const round = (n: number) => Math.round(n * 100) / 100;

export function gradeQuestion(question: Question, response: Response | undefined): QuestionGrade {
	const score = round(question.points * fraction(question, response));
	return { score, maxScore: question.points, correct: score >= question.points };
}

export interface AttemptGrade {
	score: number;
	maxScore: number;
	/** 0–100 */
	percent: number;
	questions: Map<string, QuestionGrade>;
}

export function gradeAttempt(questions: Question[], responses: Map<string, Response>): AttemptGrade {
	const grades = new Map<string, QuestionGrade>();
	let score = 0;
	let maxScore = 0;
	for (const question of questions) {
		const grade = gradeQuestion(question, responses.get(question.id));
		grades.set(question.id, grade);
		score += grade.score;
		maxScore += grade.maxScore;
	}
	return {
		score: round(score),
		maxScore: round(maxScore),
		percent: maxScore === 0 ? 0 : round((100 * score) / maxScore),
		questions: grades
	};
}

export interface GradedAttempt {
	number: number;
	percent: number;
}

/** The score the module keeps from its submitted attempts (ordered by number). */
export function keptPercent(method: GradingMethod, attempts: GradedAttempt[]): number | null {
	if (attempts.length === 0) return null;
	const sorted = [...attempts].sort((a, b) => a.number - b.number);
	switch (method) {
		case 'highest':
			return Math.max(...sorted.map((a) => a.percent));
		case 'latest':
			return sorted.at(-1)!.percent;
		case 'first':
			return sorted[0]!.percent;
		case 'average':
			return round(sorted.reduce((sum, a) => sum + a.percent, 0) / sorted.length);
	}
}
