// How an answer is stored (quiz_answer, migration 022): by the question's position in the attempt,
// as the JSON of its one field only. The question's type (in quiz_question) says which field it is,
// so neither the type nor the field's name is repeated in every row, and the answer read back is
// exactly the one saved: { type, [field]: value }, the type first, as the forms produce it.
import type { QuestionType, Response } from './types';

/** The one field of an answer to each type of question (the view quiz_response agrees). */
export const ANSWER_FIELD = {
	single: 'choice',
	truefalse: 'choice',
	multiple: 'choices',
	short: 'text',
	matching: 'pairs',
	ordering: 'order'
} as const satisfies Record<QuestionType, string>;

/** The stored form of an answer to a question of this type. Throws if the answer is of another
 * type: stored, it would read back as the question's. */
export function encodeAnswer(type: QuestionType, response: Response): string {
	if (response.type !== type) throw new Error(`a ${response.type} answer to a ${type} question`);
	return JSON.stringify((response as Record<string, unknown>)[ANSWER_FIELD[type]]);
}

/** The answer as saved, from its stored form and its question's type. */
export function decodeAnswer(type: QuestionType, answer: string): Response {
	return { type, [ANSWER_FIELD[type]]: JSON.parse(answer) } as Response;
}

/** The SQL reading an attempt's questions: each one's id in quiz.md, type and position. */
export const ATTEMPT_QUESTION_PLACES = `SELECT q.question_id, q.type, a.position
	FROM quiz_attempt_question a JOIN quiz_question q ON q.id = a.question WHERE a.attempt_id = ?`;
