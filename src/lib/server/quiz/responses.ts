// Reads learners' answers from a submitted form (the whole quiz without JavaScript, one question
// when autosaving) and checks each against the attempt's snapshot: only questions of this
// attempt, only choices it offered, texts of reasonable length.
import type { MessageKey } from '$lib/i18n';
import { fieldName } from '$lib/quiz';
import type { SnapshotQuestion } from './snapshot';
import type { Response } from './types';

export const MAX_SHORT_ANSWER = 500;

/** Form field names (shared with the pages): `q:<question>` for choices and text,
 * `q:<question>:<item>` for matching (value: the right-hand item) and ordering (value: the
 * position, 1…N). */
export { fieldName };

export interface ParsedResponses {
	/** null: the question was left blank (any saved answer is removed) */
	responses: Map<string, Response | null>;
	/** problems a person can fix, by question */
	errors: Map<string, MessageKey>;
	/** fields that name no question of this attempt, or offer what was not offered: tampering */
	invalid: boolean;
}

export function parseResponses(questions: SnapshotQuestion[], form: FormData): ParsedResponses {
	const responses = new Map<string, Response | null>();
	const errors = new Map<string, MessageKey>();
	const byId = new Map(questions.map((q) => [q.id, q]));
	let invalid = false;

	// every q: field must belong to a question of this attempt
	const touched = new Set<string>();
	for (const key of new Set(form.keys())) {
		if (!key.startsWith('q:')) continue;
		const questionId = key.split(':')[1] ?? '';
		if (!byId.has(questionId)) invalid = true;
		else touched.add(questionId);
	}

	for (const questionId of touched) {
		const question = byId.get(questionId)!;
		const values = form.getAll(fieldName(questionId)).map(String);
		switch (question.type) {
			case 'single':
			case 'truefalse': {
				const choice = values[0];
				if (values.length > 1 || (choice && !question.choices.some((c) => c.id === choice))) invalid = true;
				else responses.set(questionId, choice ? { type: question.type, choice } : null);
				break;
			}
			case 'multiple': {
				const offered = new Set(question.choices.map((c) => c.id));
				const chosen = values.filter((v) => v !== '');
				if (chosen.some((v) => !offered.has(v)) || new Set(chosen).size !== chosen.length) invalid = true;
				else responses.set(questionId, chosen.length ? { type: 'multiple', choices: chosen } : null);
				break;
			}
			case 'short': {
				const text = (values[0] ?? '').trim();
				if (values.length > 1) invalid = true;
				else if (text.length > MAX_SHORT_ANSWER) errors.set(questionId, 'quiz.answerTooLong');
				else responses.set(questionId, text ? { type: 'short', text } : null);
				break;
			}
			case 'matching': {
				const rights = new Set(question.rightOrder);
				const pairs: Record<string, string> = {};
				for (const { left } of question.pairs) {
					const value = String(form.get(fieldName(questionId, left.id)) ?? '');
					if (value && !rights.has(value)) invalid = true;
					else if (value) pairs[left.id] = value;
				}
				responses.set(questionId, Object.keys(pairs).length ? { type: 'matching', pairs } : null);
				break;
			}
			case 'ordering': {
				const n = question.steps.length;
				const order: string[] = new Array(n).fill('');
				let complete = true;
				for (const step of question.steps) {
					const raw = String(form.get(fieldName(questionId, step.id)) ?? '');
					const position = Number(raw);
					if (raw === '') {
						complete = false;
						continue;
					}
					if (!Number.isInteger(position) || position < 1 || position > n) {
						invalid = true;
						continue;
					}
					if (order[position - 1]) errors.set(questionId, 'quiz.orderPositions');
					order[position - 1] = step.id;
				}
				if (!errors.has(questionId) && !invalid) {
					responses.set(questionId, complete || order.some(Boolean) ? { type: 'ordering', order } : null);
				}
				break;
			}
		}
	}
	// extra fields of known questions (an item id that is not in the question) are tampering too
	for (const key of new Set(form.keys())) {
		const [, questionId, itemId] = key.split(':');
		if (!key.startsWith('q:') || !itemId || !questionId) continue;
		const question = byId.get(questionId);
		const items =
			question?.type === 'matching'
				? question.pairs.map((p) => p.left.id)
				: question?.type === 'ordering'
					? question.steps.map((s) => s.id)
					: [];
		if (!items.includes(itemId)) invalid = true;
	}
	return { responses, errors, invalid };
}
