import { describe, expect, it } from 'vitest';
import { gradeAttempt, gradeQuestion, keptPercent, normaliseShortAnswer } from './grade';
import { parseQuiz } from './parse';
import type { Question, Response } from './types';

function question(...lines: string[]): Question {
	const { quiz, problems } = parseQuiz(['---', 'title: T', 'passPercent: 50', '---', ...lines].join('\n'));
	expect(problems).toEqual([]);
	return quiz!.questions[0]!;
}

/** The id of the choice (or item) whose text is `html`. */
const choice = (q: Question, html: string) => q.choices.find((c) => c.html === html)!.id;
const left = (q: Question, html: string) => q.pairs.find((p) => p.left.html === html)!.left.id;
const right = (q: Question, html: string) =>
	[...q.pairs.map((p) => p.right), ...q.distractors].find((r) => r.html === html)!.id;
const step = (q: Question, html: string) => q.steps.find((s) => s.html === html)!.id;

describe('gradeQuestion: single choice and true/false', () => {
	const single = question('## Câu {points=2}', '- [ ] A', '- [x] B', '- [ ] C');
	const trueFalse = question('## Câu', '- [ ] Đúng', '- [x] Sai');

	it('gives all the points for the correct choice', () => {
		expect(gradeQuestion(single, { type: 'single', choice: choice(single, 'B') })).toEqual({
			score: 2,
			maxScore: 2,
			correct: true
		});
		expect(gradeQuestion(trueFalse, { type: 'truefalse', choice: choice(trueFalse, 'Sai') })).toEqual({
			score: 1,
			maxScore: 1,
			correct: true
		});
	});

	it('gives nothing for a wrong choice', () => {
		expect(gradeQuestion(single, { type: 'single', choice: choice(single, 'A') })).toEqual({
			score: 0,
			maxScore: 2,
			correct: false
		});
		expect(gradeQuestion(trueFalse, { type: 'truefalse', choice: choice(trueFalse, 'Đúng') })).toMatchObject({
			score: 0,
			correct: false
		});
	});
});

describe('gradeQuestion: multiple choice, with partial credit', () => {
	// three correct (A, B, C), two wrong (D, E)
	const q = question('## Câu {points=6}', '- [x] A', '- [x] B', '- [x] C', '- [ ] D', '- [ ] E');
	const ticked = (...texts: string[]): Response => ({ type: 'multiple', choices: texts.map((t) => choice(q, t)) });

	it('gives all the points for exactly the correct choices, in any order', () => {
		expect(gradeQuestion(q, ticked('C', 'A', 'B'))).toEqual({ score: 6, maxScore: 6, correct: true });
	});

	it('earns 1/C per correct choice ticked and costs 1/W per wrong choice ticked', () => {
		// 2 of 3 correct, 1 of 2 wrong: 6 × (2/3 − 1/2) = 1
		expect(gradeQuestion(q, ticked('A', 'B', 'D'))).toEqual({ score: 1, maxScore: 6, correct: false });
		// 2 of 3 correct, nothing wrong: 6 × 2/3 = 4
		expect(gradeQuestion(q, ticked('A', 'C'))).toEqual({ score: 4, maxScore: 6, correct: false });
		// 3 of 3 correct, 1 of 2 wrong: 6 × (1 − 1/2) = 3
		expect(gradeQuestion(q, ticked('A', 'B', 'C', 'E'))).toMatchObject({ score: 3, correct: false });
	});

	it('rounds to two decimals with one point: 2/3 − 1/2 = 0.17', () => {
		const onePoint = { ...q, points: 1 };
		expect(gradeQuestion(onePoint, ticked('A', 'B', 'D'))).toEqual({ score: 0.17, maxScore: 1, correct: false });
	});

	it('gives nothing for ticking everything', () => {
		expect(gradeQuestion(q, ticked('A', 'B', 'C', 'D', 'E'))).toEqual({ score: 0, maxScore: 6, correct: false });
	});

	it('never goes below zero', () => {
		expect(gradeQuestion(q, ticked('D', 'E')).score).toBe(0);
		expect(gradeQuestion(q, ticked('A', 'D', 'E')).score).toBe(0);
		expect(gradeQuestion(q, ticked()).score).toBe(0);
	});

	it('works with no wrong choice at all', () => {
		const allRight = question('## Câu {type=multiple points=2}', '- [x] A', '- [x] B');
		expect(gradeQuestion(allRight, { type: 'multiple', choices: [choice(allRight, 'A')] }).score).toBe(1);
	});

	it('counts a choice ticked twice once', () => {
		const a = choice(q, 'A');
		expect(gradeQuestion(q, { type: 'multiple', choices: [a, a, a] }).score).toBe(2);
	});
});

describe('gradeQuestion: short answer', () => {
	const q = question('## Câu {points=2}', '= mại dâm', '= Nghị định 282/2025/NĐ-CP');
	const folded = question('## Câu {ignoreDiacritics}', '= Đà Nẵng');
	const answer = (text: string): Response => ({ type: 'short', text });

	it('accepts any accepted answer, all or nothing', () => {
		expect(gradeQuestion(q, answer('mại dâm'))).toEqual({ score: 2, maxScore: 2, correct: true });
		expect(gradeQuestion(q, answer('Nghị định 282/2025/NĐ-CP'))).toEqual({ score: 2, maxScore: 2, correct: true });
		expect(gradeQuestion(q, answer('Nghị định 282'))).toEqual({ score: 0, maxScore: 2, correct: false });
	});

	it('ignores case, extra spaces and the Unicode form', () => {
		expect(gradeQuestion(q, answer('  MẠI   DÂM ')).correct).toBe(true);
		expect(gradeQuestion(q, answer('nghị  định\t282/2025/nđ-cp')).correct).toBe(true);
		const decomposed = 'mại dâm'.normalize('NFD');
		expect(decomposed).not.toBe('mại dâm'.normalize('NFC'));
		expect(gradeQuestion(q, answer(decomposed)).correct).toBe(true);
		// an accepted answer written decomposed matches one typed composed
		const nfdAccepted = { ...q, accepted: ['mại dâm'.normalize('NFD')] };
		expect(gradeQuestion(nfdAccepted, answer('mại dâm'.normalize('NFC'))).correct).toBe(true);
	});

	it('respects Vietnamese diacritics by default', () => {
		expect(gradeQuestion(q, answer('mai dam'))).toMatchObject({ score: 0, correct: false });
		expect(gradeQuestion(q, answer('mãi dâm'))).toMatchObject({ score: 0, correct: false });
	});

	it('ignores them with ignoreDiacritics, đ included', () => {
		expect(gradeQuestion(folded, answer('da nang'))).toEqual({ score: 1, maxScore: 1, correct: true });
		expect(gradeQuestion(folded, answer('DA NANG'))).toMatchObject({ correct: true });
		expect(gradeQuestion(folded, answer('Đà Nẵng'))).toMatchObject({ correct: true });
		expect(gradeQuestion(folded, answer('đa nang'))).toMatchObject({ correct: true });
		expect(gradeQuestion(folded, answer('da lat'))).toMatchObject({ score: 0, correct: false });
	});

	it('ignores trailing punctuation and surrounding quotes, in any nesting', () => {
		for (const text of ['mại dâm.', 'mại dâm …', 'mại dâm!?', '"mại dâm"', '“mại dâm”.', '«mại dâm»', "'mại dâm';", '‘mại dâm’', '"mại dâm."'])
			expect(gradeQuestion(q, answer(text)).correct, text).toBe(true);
		// an accepted answer written with a full stop matches one typed without
		expect(gradeQuestion({ ...q, accepted: ['Mại dâm.'] }, answer('mại dâm')).correct).toBe(true);
		expect(gradeQuestion(folded, answer('"da nang".')).correct).toBe(true);
	});

	it('keeps punctuation inside the answer and at its start', () => {
		expect(gradeQuestion(q, answer('mại, dâm')).correct).toBe(false);
		expect(gradeQuestion(q, answer('.mại dâm')).correct).toBe(false);
		expect(gradeQuestion(q, answer('Nghị định 282/2025/NĐ-CP.')).correct).toBe(true);
		expect(gradeQuestion(q, answer('...')).score).toBe(0);
	});

	it('gives nothing for an empty answer', () => {
		expect(gradeQuestion(q, answer('   ')).score).toBe(0);
		expect(gradeQuestion({ ...q, accepted: [' '] }, answer('')).score).toBe(0);
	});

	it('normaliseShortAnswer: NFC, lower case, single spaces; folded on request', () => {
		expect(normaliseShortAnswer('  Mại   DÂM ', false)).toBe('mại dâm');
		expect(normaliseShortAnswer('Đường  Đi', true)).toBe('duong di');
		expect(normaliseShortAnswer(' “Từ đủ 15 tuổi”. ', false)).toBe('từ đủ 15 tuổi');
	});
});

describe('gradeQuestion: matching', () => {
	const q = question('## Câu {points=3}', '- Bộ Y tế => Chủ trì', '- Bộ Công an => Tội phạm', '- Bộ Tài chính => Kinh phí', '- => Karaoke');
	const pairs = (entries: [string, string][]): Response => ({
		type: 'matching',
		pairs: Object.fromEntries(entries.map(([l, r]) => [left(q, l), right(q, r)]))
	});

	it('gives all the points when every pair is right', () => {
		expect(
			gradeQuestion(q, pairs([['Bộ Y tế', 'Chủ trì'], ['Bộ Công an', 'Tội phạm'], ['Bộ Tài chính', 'Kinh phí']]))
		).toEqual({ score: 3, maxScore: 3, correct: true });
	});

	it('earns 1/P per right pair; wrong, distractor and missing pairs earn nothing', () => {
		expect(
			gradeQuestion(q, pairs([['Bộ Y tế', 'Chủ trì'], ['Bộ Công an', 'Karaoke'], ['Bộ Tài chính', 'Tội phạm']]))
		).toEqual({ score: 1, maxScore: 3, correct: false });
		expect(gradeQuestion(q, pairs([['Bộ Y tế', 'Chủ trì'], ['Bộ Công an', 'Tội phạm']]))).toMatchObject({
			score: 2,
			correct: false
		});
	});
});

describe('gradeQuestion: ordering', () => {
	const q = question('## Câu {points=4}', '1. Một', '2. Hai', '3. Ba', '4. Bốn');
	const order = (...texts: string[]): Response => ({ type: 'ordering', order: texts.map((t) => (t ? step(q, t) : '')) });

	it('gives all the points for the right order', () => {
		expect(gradeQuestion(q, order('Một', 'Hai', 'Ba', 'Bốn'))).toEqual({ score: 4, maxScore: 4, correct: true });
	});

	it('earns 1/N per step in its right position', () => {
		// Một and Bốn in place; Hai and Ba swapped
		expect(gradeQuestion(q, order('Một', 'Ba', 'Hai', 'Bốn'))).toEqual({ score: 2, maxScore: 4, correct: false });
		// shifted by one: every step is out of place, even though the relative order is kept
		expect(gradeQuestion(q, order('Bốn', 'Một', 'Hai', 'Ba')).score).toBe(0);
		// blank positions earn nothing
		expect(gradeQuestion(q, order('Một', '', '', '')).score).toBe(1);
	});
});

describe('gradeQuestion: missing or garbage responses score 0', () => {
	const single = question('## Câu', '- [x] A', '- [ ] B');
	const multiple = question('## Câu', '- [x] A', '- [x] B', '- [ ] C');
	const short = question('## Câu', '= a');
	const matching = question('## Câu', '- a => 1', '- b => 2');
	const ordering = question('## Câu', '1. a', '2. b');
	const all = [single, multiple, short, matching, ordering];

	it('scores an unanswered question 0', () => {
		for (const q of all) expect(gradeQuestion(q, undefined)).toEqual({ score: 0, maxScore: 1, correct: false });
	});

	it('scores a response of another type 0', () => {
		// a response of the wrong shape earns nothing, even when it holds the right ids
		expect(gradeQuestion(single, { type: 'short', text: 'a' }).score).toBe(0);
		expect(gradeQuestion(multiple, { type: 'single', choice: choice(multiple, 'A') }).score).toBe(0);
		expect(gradeQuestion(short, { type: 'multiple', choices: [] }).score).toBe(0);
		expect(gradeQuestion(matching, { type: 'ordering', order: ordering.steps.map((s) => s.id) }).score).toBe(0);
		expect(gradeQuestion(ordering, { type: 'matching', pairs: {} }).score).toBe(0);
	});

	it('scores ids that belong to nothing 0', () => {
		expect(gradeQuestion(single, { type: 'single', choice: 'c-00000000' }).score).toBe(0);
		expect(gradeQuestion(multiple, { type: 'multiple', choices: ['c-00000000'] }).score).toBe(0);
		expect(gradeQuestion(matching, { type: 'matching', pairs: { 'l-x': 'r-y' } }).score).toBe(0);
		expect(gradeQuestion(ordering, { type: 'ordering', order: ['s-x', 's-y', 's-z'] }).score).toBe(0);
	});
});

describe('gradeAttempt', () => {
	const a = question('## A {#a points=2}', '- [x] Có', '- [ ] Không');
	const b = question('## B {#b}', '= đúng');
	const c = question('## C {#c points=3}', '1. x', '2. y', '3. z');

	it('totals the scores and the percent, weighted by points', () => {
		const grade = gradeAttempt(
			[a, b, c],
			new Map<string, Response>([
				['a', { type: 'single', choice: choice(a, 'Có') }],
				['b', { type: 'short', text: 'sai' }],
				['c', { type: 'ordering', order: [step(c, 'x'), step(c, 'z'), step(c, 'y')] }]
			])
		);
		// 2 + 0 + 1 of 6
		expect(grade.score).toBe(3);
		expect(grade.maxScore).toBe(6);
		expect(grade.percent).toBe(50);
		expect([...grade.questions]).toEqual([
			['a', { score: 2, maxScore: 2, correct: true }],
			['b', { score: 0, maxScore: 1, correct: false }],
			['c', { score: 1, maxScore: 3, correct: false }]
		]);
	});

	it('counts unanswered questions as 0 and rounds the percent to two decimals', () => {
		const grade = gradeAttempt([a, b], new Map<string, Response>([['a', { type: 'single', choice: choice(a, 'Có') }]]));
		expect(grade).toMatchObject({ score: 2, maxScore: 3, percent: 66.67 });
		expect(grade.questions.get('b')).toEqual({ score: 0, maxScore: 1, correct: false });
	});

	it('ignores responses to questions that are not in the attempt', () => {
		const grade = gradeAttempt([b], new Map<string, Response>([['a', { type: 'single', choice: choice(a, 'Có') }]]));
		expect(grade).toMatchObject({ score: 0, maxScore: 1, percent: 0 });
		expect(grade.questions.has('a')).toBe(false);
	});

	it('gives 0 % for no questions', () => {
		expect(gradeAttempt([], new Map())).toMatchObject({ score: 0, maxScore: 0, percent: 0 });
	});

	it('gives 100 % when everything is right', () => {
		const grade = gradeAttempt(
			[a, b, c],
			new Map<string, Response>([
				['a', { type: 'single', choice: choice(a, 'Có') }],
				['b', { type: 'short', text: 'Đúng' }],
				['c', { type: 'ordering', order: c.steps.map((s) => s.id) }]
			])
		);
		expect(grade).toMatchObject({ score: 6, maxScore: 6, percent: 100 });
	});
});

describe('keptPercent', () => {
	// given out of order on purpose: the attempt number decides first and latest
	const attempts = [
		{ number: 2, percent: 90 },
		{ number: 3, percent: 40 },
		{ number: 1, percent: 60 }
	];

	it('highest', () => expect(keptPercent('highest', attempts)).toBe(90));
	it('latest', () => expect(keptPercent('latest', attempts)).toBe(40));
	it('first', () => expect(keptPercent('first', attempts)).toBe(60));
	it('average, rounded to two decimals', () => {
		expect(keptPercent('average', attempts)).toBe(63.33);
		expect(keptPercent('average', [{ number: 1, percent: 50 }])).toBe(50);
	});
	it('null when nothing was submitted', () => {
		for (const method of ['highest', 'latest', 'first', 'average'] as const) {
			expect(keptPercent(method, [])).toBeNull();
		}
	});
	it('does not reorder the caller’s array', () => {
		const copy = attempts.map((a) => ({ ...a }));
		keptPercent('latest', copy);
		expect(copy).toEqual(attempts);
	});
});
