// The JSON an exported page carries for its script: the quiz's settings and answer key, and the
// messages the script writes. The answer key has to travel in the package: it is played offline
// by any LMS, with no taphuan server to grade it, so a learner who reads the page's source can
// find the answers. Texts are left out of it (the page shows them already).
import { type Locale } from '$lib/i18n';
import { translate } from '$lib/server/i18n';
import { RUNTIME_MESSAGES, type ScoData } from '$lib/scorm/export-runtime/contract';
import type { SnapshotQuestion } from '../../quiz/snapshot';
import type { MatchItem, Quiz } from '../../quiz/types';

const bare = (item: MatchItem): MatchItem => ({ id: item.id, html: '' });

/** What grading needs of a question: ids, answers, points and display orders; no texts. */
export function answerKeyOf(question: SnapshotQuestion): SnapshotQuestion {
	return {
		...question,
		title: '',
		promptHtml: '',
		explanationHtml: '',
		choices: question.choices.map((c) => ({ id: c.id, correct: c.correct, html: '', feedbackHtml: '' })),
		pairs: question.pairs.map((p) => ({ left: bare(p.left), right: bare(p.right) })),
		distractors: question.distractors.map(bare),
		steps: question.steps.map(bare)
	};
}

export function scoData(quiz: Quiz | null, questions: SnapshotQuestion[], locale: Locale): ScoData {
	return {
		messages: Object.fromEntries(RUNTIME_MESSAGES.map((key) => [key, translate(locale, key)])) as ScoData['messages'],
		quiz: quiz && {
			passPercent: quiz.settings.passPercent,
			maxAttempts: quiz.settings.maxAttempts,
			grading: quiz.settings.grading,
			review: quiz.settings.review,
			questions: questions.map(answerKeyOf)
		}
	};
}

/** JSON safe inside <script type="application/json">: no "</script>" can close it early. */
export function jsonForScript(data: unknown): string {
	return JSON.stringify(data).replace(/</g, '\\u003c');
}
