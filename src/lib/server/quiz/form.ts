// Answers as a form submits them: every question on the page is listed in a hidden
// `question` field, so a question left blank (all boxes unticked) clears what was saved before.
import type { Attempt } from './attempts';
import { parseResponses, type ParsedResponses } from './responses';

/** Largest answers request accepted: far more than a full quiz of long short answers needs. */
export const MAX_ANSWERS_BYTES = 64 * 1024;

export function readAnswers(attempt: Attempt, form: FormData): ParsedResponses {
	const parsed = parseResponses(attempt.questions, form);
	const ids = new Set(attempt.questions.map((q) => q.id));
	for (const listed of form.getAll('question').map(String)) {
		if (!ids.has(listed)) parsed.invalid = true;
		else if (!parsed.responses.has(listed) && !parsed.errors.has(listed)) parsed.responses.set(listed, null);
	}
	return parsed;
}
