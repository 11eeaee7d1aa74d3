// Answers as a form submits them: every question on the page is listed in a hidden
// `question` field, so a question left blank (all boxes unticked) clears what was saved before.
import { parseResponses, type ParsedResponses } from './responses';
import type { SnapshotQuestion } from './snapshot';

/** Largest answers request accepted: far more than a full quiz of long short answers needs. */
export const MAX_ANSWERS_BYTES = 64 * 1024;

/**
 * The answers a form carries, checked against the attempt's questions: the whole snapshot, or
 * (autosave) the questions the form names, from questionsNamedIn.
 */
export function readAnswers(questions: SnapshotQuestion[], form: FormData): ParsedResponses {
	const parsed = parseResponses(questions, form);
	const ids = new Set(questions.map((q) => q.id));
	for (const listed of form.getAll('question').map(String)) {
		if (!ids.has(listed)) parsed.invalid = true;
		else if (!parsed.responses.has(listed) && !parsed.errors.has(listed)) parsed.responses.set(listed, null);
	}
	return parsed;
}

/** The question ids a form names: its answer fields (`q:<question>…`) and its `question` list. */
export function questionsNamedIn(form: FormData): Set<string> {
	const ids = new Set(form.getAll('question').map(String));
	for (const key of form.keys()) if (key.startsWith('q:')) ids.add(key.split(':')[1] ?? '');
	return ids;
}
