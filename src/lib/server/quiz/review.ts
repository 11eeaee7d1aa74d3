// What a learner sees after submitting, as the quiz's review settings allow: the score always;
// then their own answers, the right answers with per-choice feedback, the explanations.
import type { Attempt } from './attempts';
import { gradeQuestion } from './grade';
import type { SnapshotQuestion } from './snapshot';
import type { ReviewQuestion } from '$lib/quiz';
import { reviewShows, type ReviewLevel } from '$lib/quiz/review-level';
import type { Response } from './types';

export interface Review {
	level: ReviewLevel;
	questions: ReviewQuestion[];
}

export function buildReview(
	attempt: Attempt,
	responses: Map<string, Response>,
	level: ReviewLevel
): Review {
	// an open attempt is still being answered: judging it, let alone showing the key, would give it away
	if (attempt.status !== 'submitted') return { level: 'score', questions: [] };
	const at = (wanted: ReviewLevel) => reviewShows(level, wanted);
	if (!at('answers')) return { level, questions: [] };
	const showCorrect = at('correct');
	const questions = attempt.questions.map((q): ReviewQuestion => {
		const response = responses.get(q.id);
		const grade = gradeQuestion(q, response);
		const chosen = new Set(
			response && 'choice' in response ? [response.choice] : response?.type === 'multiple' ? response.choices : []
		);
		const rights = new Map([...q.pairs.map((p) => p.right), ...q.distractors].map((r) => [r.id, r.html]));
		const pairs = response?.type === 'matching' ? response.pairs : {};
		const order = response?.type === 'ordering' ? response.order : [];
		const steps = new Map(q.steps.map((s) => [s.id, s.html]));
		return {
			id: q.id,
			type: q.type,
			title: q.title,
			promptHtml: q.promptHtml,
			points: q.points,
			score: grade.score,
			correct: grade.correct,
			answered: !!response,
			choices: q.choices.map((c) => ({
				html: c.html,
				chosen: chosen.has(c.id),
				...(showCorrect ? { correct: c.correct, feedbackHtml: c.feedbackHtml } : {})
			})),
			text: response?.type === 'short' ? response.text : null,
			accepted: showCorrect ? q.accepted : [],
			matches: q.pairs.map((p) => ({
				leftHtml: p.left.html,
				chosenHtml: pairs[p.left.id] ? (rights.get(pairs[p.left.id]!) ?? null) : null,
				ok: pairs[p.left.id] === p.right.id,
				...(showCorrect ? { correctHtml: p.right.html } : {})
			})),
			order: order.map((id, i) => ({ html: steps.get(id) ?? '', ok: q.steps[i]?.id === id })),
			correctOrder: showCorrect ? q.steps.map((s) => s.html) : [],
			explanationHtml: at('explanations') ? q.explanationHtml : ''
		};
	});
	return { level, questions };
}
