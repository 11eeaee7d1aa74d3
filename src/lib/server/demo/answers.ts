// How a demo learner answers a question. A small item-response model: each question has a
// difficulty, each learner an ability, and the chance of a right answer rises with ability and
// falls with difficulty (plus a guessing floor for choice questions). So the trainers' item
// statistics find easy and hard questions, and abler learners get hard ones right more often.
import { foldVietnamese } from '../markdown/slug';
import { gradeQuestion } from '../quiz/grade';
import type { Question, Response } from '../quiz/types';
import type { Dice } from './dice';

export interface ItemParams {
	difficulty: number;
	/** the chance of a right answer by guessing alone */
	guess: number;
}

/** Questions that ask for more than one pick are harder than those that ask for one. */
const TYPE_DIFFICULTY: Record<Question['type'], number> = {
	truefalse: -0.5,
	single: 0,
	multiple: 0.5,
	short: 0.6,
	matching: 0.3,
	ordering: 0.5
};

export function itemParams(question: Question, dice: Dice): ItemParams {
	const choiceGuess = question.choices.length > 0 ? 1 / question.choices.length : 0;
	return {
		difficulty: dice.normal(-1, 0.8) + TYPE_DIFFICULTY[question.type],
		guess: question.type === 'single' || question.type === 'truefalse' ? choiceGuess : 0
	};
}

export function chanceOfRightAnswer(ability: number, item: ItemParams): number {
	return item.guess + (1 - item.guess) / (1 + Math.exp(-1.7 * (ability - item.difficulty)));
}

function swapTwo<T>(items: T[], dice: Dice): T[] {
	const copy = [...items];
	const i = dice.int(0, copy.length - 2);
	[copy[i], copy[i + 1]] = [copy[i + 1]!, copy[i]!];
	return copy;
}

function rightShortAnswer(question: Question, dice: Dice): string {
	let text = dice.pick(question.accepted);
	if (question.ignoreDiacritics && dice.chance(0.3)) text = foldVietnamese(text);
	if (dice.chance(0.2)) text = text.toLowerCase();
	return text;
}

/** A near miss: another number where the answer has one, else only the start of the answer. */
function wrongShortAnswer(question: Question, dice: Dice): string {
	const answer = question.accepted[0] ?? '';
	let text: string;
	if (/\d/.test(answer)) {
		text = answer.replace(/\d+/g, (digits) => {
			const n = Number(digits);
			const other = digits.length === 4 && n > 1900 ? n - dice.int(1, 4) : Math.max(1, n + dice.pick([-3, -2, -1, 1, 2, 3, 5]));
			return String(other).padStart(digits.length, '0');
		});
	} else {
		const words = answer.split(/\s+/);
		text = words.slice(0, Math.max(1, Math.floor(words.length / 2))).join(' ');
	}
	const response: Response = { type: 'short', text };
	return text && !gradeQuestion(question, response).correct ? text : 'không nhớ';
}

/** The learner's answer to one question, right or wrong as told; null when left blank. */
export function answerQuestion(question: Question, right: boolean, dice: Dice): Response | null {
	switch (question.type) {
		case 'single':
		case 'truefalse': {
			const pool = question.choices.filter((c) => c.correct === right);
			const choice = dice.pick(pool.length > 0 ? pool : question.choices).id;
			return { type: question.type, choice };
		}
		case 'multiple': {
			const correct = question.choices.filter((c) => c.correct).map((c) => c.id);
			const wrong = question.choices.filter((c) => !c.correct).map((c) => c.id);
			if (right) return { type: 'multiple', choices: dice.shuffle(correct) };
			// partly right: one right choice missed, or one wrong choice ticked, or both
			let chosen = correct;
			const miss = correct.length > 1 && (wrong.length === 0 || dice.chance(0.5));
			if (miss) chosen = chosen.filter((id) => id !== dice.pick(correct));
			if (wrong.length > 0 && (!miss || dice.chance(0.3))) chosen = [...chosen, dice.pick(wrong)];
			return { type: 'multiple', choices: dice.shuffle(chosen) };
		}
		case 'short':
			return { type: 'short', text: right ? rightShortAnswer(question, dice) : wrongShortAnswer(question, dice) };
		case 'matching': {
			let rights = question.pairs.map((p) => p.right.id);
			if (!right) {
				if (rights.length >= 2) rights = swapTwo(rights, dice);
				else if (question.distractors.length > 0) rights = [dice.pick(question.distractors).id];
				else return null;
			}
			return {
				type: 'matching',
				pairs: Object.fromEntries(question.pairs.map((p, i) => [p.left.id, rights[i]!]))
			};
		}
		case 'ordering': {
			const order = question.steps.map((s) => s.id);
			if (right) return { type: 'ordering', order };
			return order.length >= 2 ? { type: 'ordering', order: swapTwo(order, dice) } : null;
		}
	}
}
