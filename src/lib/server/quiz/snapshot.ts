// Draws and shuffles the questions of one attempt, once, at its start; and turns a snapshot
// question into what the learner's browser may see.
import type { PublicQuestion, Question, Quiz } from './types';

/** A question as shown in one attempt: choices in display order, plus display orders of the
 * right-hand matching items and of the steps to put in order (their answer order stays in
 * `pairs` and `steps`). */
export interface SnapshotQuestion extends Question {
	rightOrder: string[];
	stepOrder: string[];
}

export type Random = () => number;

function shuffle<T>(items: T[], random: Random): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j]!, copy[i]!];
	}
	return copy;
}

/** Shuffled so that the shown order is never the answer itself (that would give it away). */
function shuffleAway(ids: string[], random: Random): string[] {
	if (ids.length < 2) return ids;
	for (let tries = 0; tries < 20; tries++) {
		const order = shuffle(ids, random);
		if (order.some((id, i) => id !== ids[i])) return order;
	}
	return [...ids.slice(1), ids[0]!];
}

export function drawSnapshot(quiz: Quiz, random: Random = Math.random): SnapshotQuestion[] {
	const { shuffleQuestions, shuffleChoices, questionsPerAttempt, pool } = quiz.settings;
	let questions = quiz.questions;
	if (pool) {
		// each group gives its quota, drawn at random within the group; the parser has checked
		// every question is in a group and no quota exceeds its group
		const chosen = new Set<Question>();
		for (const [group, quota] of Object.entries(pool)) {
			for (const q of shuffle(questions.filter((q) => q.group === group), random).slice(0, quota)) chosen.add(q);
		}
		questions = questions.filter((q) => chosen.has(q));
	} else if (questionsPerAttempt && questionsPerAttempt < questions.length) {
		// a random subset, shown in the file's order unless shuffling is on
		const chosen = new Set(shuffle(questions, random).slice(0, questionsPerAttempt));
		questions = questions.filter((q) => chosen.has(q));
	}
	if (shuffleQuestions) questions = shuffle(questions, random);
	return questions.map((question) => ({
		...question,
		choices:
			shuffleChoices && question.type !== 'truefalse'
				? shuffle(question.choices, random)
				: question.choices,
		rightOrder: shuffleAway(
			[...question.pairs.map((p) => p.right.id), ...question.distractors.map((d) => d.id)],
			random
		),
		stepOrder: shuffleAway(
			question.steps.map((s) => s.id),
			random
		)
	}));
}

export function toPublicQuestion(question: SnapshotQuestion): PublicQuestion {
	const rights = new Map(
		[...question.pairs.map((p) => p.right), ...question.distractors].map((r) => [r.id, r])
	);
	const steps = new Map(question.steps.map((s) => [s.id, s]));
	return {
		id: question.id,
		type: question.type,
		title: question.title,
		promptHtml: question.promptHtml,
		points: question.points,
		choices: question.choices.map(({ id, html }) => ({ id, html })),
		lefts: question.pairs.map((p) => p.left),
		rights: question.rightOrder.map((id) => rights.get(id)!),
		steps: question.stepOrder.map((id) => steps.get(id)!)
	};
}
