// The answers of every quiz of a course, as the quiz pages show them (plain text), so an author
// can proof-read them and the course-walk browser test can pass every quiz from the files.
import type { Course } from '$lib/server/courses/loader';
import { htmlToText } from '$lib/server/markdown/render';

export interface AnswerKeyQuestion {
	id: string;
	type: string;
	/** single, multiple, true/false: the texts of the correct choices */
	correct: string[];
	/** short answer: the accepted answers */
	accepted: string[];
	/** matching: [left, right] texts */
	pairs: [string, string][];
	/** ordering: step texts in the right order */
	steps: string[];
}

export function answerKey(course: Course): Record<string, AnswerKeyQuestion[]> {
	const key: Record<string, AnswerKeyQuestion[]> = {};
	for (const module of course.modules) {
		if (!module.quiz) continue;
		key[module.slug] = module.quiz.questions.map((q) => ({
			id: q.id,
			type: q.type,
			correct: q.choices.filter((c) => c.correct).map((c) => htmlToText(c.html)),
			accepted: q.accepted,
			pairs: q.pairs.map((p) => [htmlToText(p.left.html), htmlToText(p.right.html)]),
			steps: q.steps.map((s) => htmlToText(s.html))
		}));
	}
	return key;
}
