// What a learner sees of a graded attempt: as much as the review level allows, and nothing of
// the answer key beyond it.
import { describe, expect, it } from 'vitest';
import { REVIEW_LEVELS, type ReviewLevel } from '$lib/quiz/review-level';
import { seededRandom } from '../random';
import type { Attempt } from './attempts';
import { gradeQuestion } from './grade';
import { parseQuiz } from './parse';
import { reviewLevel } from '$lib/quiz/review-level';
import { buildReview } from './review';
import { drawSnapshot, type SnapshotQuestion } from './snapshot';
import type { Response } from './types';

const QUIZ = [
	'---',
	'title: Kiểm tra',
	'passPercent: 50',
	'shuffleQuestions: true',
	'shuffleChoices: true',
	'---',
	'## Một {#mot}',
	'- [x] Phương án đúng',
	'  > Phản hồi A cho phương án đúng',
	'- [ ] Phương án sai',
	'  > Phản hồi B cho phương án sai',
	'',
	'> Giải thích câu một',
	'',
	'## Hai {#hai}',
	'= đáp án ngắn',
	'',
	'> Giải thích câu hai',
	'',
	'## Ba {#ba}',
	'- Trái một => Phải một',
	'- Trái hai => Phải hai',
	'- => Phải thừa',
	'',
	'## Bốn {#bon}',
	'1. Bước đầu',
	'2. Bước giữa',
	'3. Bước cuối',
	'',
	'## Năm {#nam}',
	'- [x] Lựa chọn X',
	'- [x] Lựa chọn Y',
	'- [ ] Lựa chọn Z',
	'  > Phản hồi C cho lựa chọn Z'
].join('\n');

/** Texts only the answer key holds: feedback, explanations, the accepted short answer, the right
 * partner of a pair the learner got wrong. None may appear below the level that shows it. */
const KEY_ONLY = {
	correct: ['Phản hồi A', 'Phản hồi B', 'Phản hồi C', 'đáp án ngắn', 'Phải một'],
	explanations: ['Giải thích câu một', 'Giải thích câu hai']
};

function attempt(status: Attempt['status'] = 'submitted'): Attempt {
	const { quiz, problems } = parseQuiz(QUIZ);
	expect(problems).toEqual([]);
	return {
		id: 1,
		userId: 1,
		activityId: 1,
		number: 1,
		status,
		startedAt: 0,
		deadlineAt: null,
		submittedAt: status === 'submitted' ? 60_000 : null,
		closedBy: status === 'submitted' ? 'learner' : null,
		questions: drawSnapshot(quiz!, seededRandom('review')),
		passPercent: 50,
		grading: 'highest',
		score: null,
		maxScore: null,
		percent: null,
		passed: null
	};
}

const question = (a: Attempt, id: string) => a.questions.find((q) => q.id === id)!;
const choiceId = (q: SnapshotQuestion, html: string) => q.choices.find((c) => c.html === html)!.id;
const rightId = (q: SnapshotQuestion, html: string) => [...q.pairs.map((p) => p.right), ...q.distractors].find((r) => r.html === html)!.id;
const stepId = (q: SnapshotQuestion, html: string) => q.steps.find((s) => s.html === html)!.id;

/** A learner who got some right and some wrong, and left the last question blank. */
function answers(a: Attempt): Map<string, Response> {
	const ba = question(a, 'ba');
	const bon = question(a, 'bon');
	return new Map<string, Response>([
		['mot', { type: 'single', choice: choiceId(question(a, 'mot'), 'Phương án sai') }],
		['hai', { type: 'short', text: 'trả lời sai' }],
		['ba', { type: 'matching', pairs: { [ba.pairs[0]!.left.id]: rightId(ba, 'Phải thừa'), [ba.pairs[1]!.left.id]: rightId(ba, 'Phải hai') } }],
		['bon', { type: 'ordering', order: [stepId(bon, 'Bước giữa'), stepId(bon, 'Bước đầu'), stepId(bon, 'Bước cuối')] }]
	]);
}

describe('buildReview', () => {
	it('shows only the score at the "score" level: no question, no answer', () => {
		const a = attempt();
		expect(buildReview(a, answers(a), 'score')).toEqual({ level: 'score', questions: [] });
	});

	it('follows the attempt’s own snapshot: its questions, in the order it showed them, graded as the grader does', () => {
		const a = attempt();
		const responses = answers(a);
		const review = buildReview(a, responses, 'answers');
		expect(review.questions.map((q) => q.id)).toEqual(a.questions.map((q) => q.id));
		for (const q of a.questions) {
			const grade = gradeQuestion(q, responses.get(q.id));
			expect(review.questions.find((r) => r.id === q.id)).toMatchObject({ score: grade.score, correct: grade.correct, points: q.points });
		}
	});

	it('at "answers" shows the learner’s own answers marked, and nothing of the key', () => {
		const a = attempt();
		const review = buildReview(a, answers(a), 'answers');
		const byId = new Map(review.questions.map((q) => [q.id, q]));

		const mot = byId.get('mot')!;
		expect(mot).toMatchObject({ answered: true, correct: false, score: 0, explanationHtml: '' });
		expect(mot.choices.find((c) => c.chosen)?.html).toBe('Phương án sai');
		for (const choice of mot.choices) expect(Object.keys(choice).sort()).toEqual(['chosen', 'html']);

		expect(byId.get('hai')).toMatchObject({ text: 'trả lời sai', accepted: [], correct: false });

		const ba = byId.get('ba')!;
		expect(ba.matches).toEqual([
			{ leftHtml: 'Trái một', chosenHtml: 'Phải thừa', ok: false },
			{ leftHtml: 'Trái hai', chosenHtml: 'Phải hai', ok: true }
		]);

		const bon = byId.get('bon')!;
		expect(bon.order).toEqual([
			{ html: 'Bước giữa', ok: false },
			{ html: 'Bước đầu', ok: false },
			{ html: 'Bước cuối', ok: true }
		]);
		expect(bon.correctOrder).toEqual([]);

		const nam = byId.get('nam')!;
		expect(nam).toMatchObject({ answered: false, score: 0, correct: false, text: null });
		expect(nam.choices.every((c) => !c.chosen && !('correct' in c) && !('feedbackHtml' in c))).toBe(true);

		const shown = JSON.stringify(review);
		for (const secret of [...KEY_ONLY.correct, ...KEY_ONLY.explanations]) expect(shown).not.toContain(secret);
	});

	it('at "correct" adds the right answers and each choice’s feedback, not the explanations', () => {
		const a = attempt();
		const review = buildReview(a, answers(a), 'correct');
		const byId = new Map(review.questions.map((q) => [q.id, q]));
		expect(byId.get('mot')!.choices.find((c) => c.correct)).toEqual({
			html: 'Phương án đúng',
			chosen: false,
			correct: true,
			feedbackHtml: '<p>Phản hồi A cho phương án đúng</p>\n'
		});
		expect(byId.get('hai')!.accepted).toEqual(['đáp án ngắn']);
		expect(byId.get('ba')!.matches.map((m) => m.correctHtml)).toEqual(['Phải một', 'Phải hai']);
		expect(byId.get('bon')!.correctOrder).toEqual(['Bước đầu', 'Bước giữa', 'Bước cuối']);
		const shown = JSON.stringify(review);
		for (const secret of KEY_ONLY.correct) expect(shown).toContain(secret);
		for (const secret of KEY_ONLY.explanations) expect(shown).not.toContain(secret);
		for (const q of review.questions) expect(q.explanationHtml).toBe('');
	});

	it('at "explanations" shows everything, the explanations included', () => {
		const a = attempt();
		const review = buildReview(a, answers(a), 'explanations');
		expect(review.questions.find((q) => q.id === 'mot')!.explanationHtml).toBe('<p>Giải thích câu một</p>\n');
		const shown = JSON.stringify(review);
		for (const secret of [...KEY_ONLY.correct, ...KEY_ONLY.explanations]) expect(shown).toContain(secret);
	});

	it('marks every answer right when the learner got everything right', () => {
		const a = attempt();
		const ba = question(a, 'ba');
		const right = new Map<string, Response>([
			['mot', { type: 'single', choice: choiceId(question(a, 'mot'), 'Phương án đúng') }],
			['hai', { type: 'short', text: 'Đáp án ngắn ' }],
			['ba', { type: 'matching', pairs: Object.fromEntries(ba.pairs.map((p) => [p.left.id, p.right.id])) }],
			['bon', { type: 'ordering', order: question(a, 'bon').steps.map((s) => s.id) }],
			['nam', { type: 'multiple', choices: [choiceId(question(a, 'nam'), 'Lựa chọn X'), choiceId(question(a, 'nam'), 'Lựa chọn Y')] }]
		]);
		const review = buildReview(a, right, 'answers');
		expect(review.questions.every((q) => q.correct && q.answered && q.score === q.points)).toBe(true);
		expect(review.questions.flatMap((q) => [...q.matches, ...q.order]).every((item) => item.ok)).toBe(true);
	});

	it('shows nothing of an attempt still open, whatever level is asked: answers are never judged before submission', () => {
		const a = attempt('open');
		for (const level of REVIEW_LEVELS) {
			const review = buildReview(a, answers(a), level);
			expect(review).toEqual({ level: 'score', questions: [] });
		}
	});
});

describe('reviewLevel and buildReview together, as the attempt page uses them', () => {
	const after = (when: 'after-last-attempt' | 'after-passing', state: { attemptsLeft: number | null; passed: boolean }): ReviewLevel =>
		reviewLevel({ show: 'explanations', when }, state);

	it('keeps the key from a learner who may still retake, and shows it once no attempt is left', () => {
		const a = attempt();
		const early = JSON.stringify(buildReview(a, answers(a), after('after-last-attempt', { attemptsLeft: 1, passed: false })));
		for (const secret of [...KEY_ONLY.correct, ...KEY_ONLY.explanations]) expect(early).not.toContain(secret);
		expect(buildReview(a, answers(a), after('after-last-attempt', { attemptsLeft: 0, passed: false })).questions).toHaveLength(5);
	});

	it('keeps the key from a learner who has not passed yet, when the quiz shows it after passing', () => {
		const a = attempt();
		expect(buildReview(a, answers(a), after('after-passing', { attemptsLeft: 0, passed: false })).questions).toEqual([]);
		expect(buildReview(a, answers(a), after('after-passing', { attemptsLeft: 2, passed: true })).level).toBe('explanations');
	});
});
