import { describe, expect, it } from 'vitest';
import type { Problem } from '../courses/problems';
import { parseQuiz } from './parse';
import type { Question, Quiz } from './types';

// Every quiz.md below is built by `md`: a four-line frontmatter, so the body's first line is
// line 5 of the file. Line numbers in the expectations are counted from that.
const FRONTMATTER = ['---', 'title: "Kiểm tra thử"', 'passPercent: 70', '---'];

function md(...body: string[]): string {
	return [...FRONTMATTER, ...body].join('\n') + '\n';
}

function parsed(source: string): Quiz {
	const { quiz, problems } = parseQuiz(source);
	expect(problems).toEqual([]);
	expect(quiz).not.toBeNull();
	return quiz!;
}

function only(source: string): Question {
	const quiz = parsed(source);
	expect(quiz.questions).toHaveLength(1);
	return quiz.questions[0]!;
}

/** The problems of a quiz.md that must not load. */
function problemsOf(source: string): Problem[] {
	const { quiz, problems } = parseQuiz(source);
	expect(quiz).toBeNull();
	return problems;
}

const TWO_CHOICES = ['- [x] Có', '- [ ] Không'];

describe('parseQuiz: the whole file', () => {
	it('reads the example of the authoring guide', () => {
		const quiz = parsed(`---
title: "Kiểm tra: Tình hình và khung pháp lý"
passPercent: 70          # điểm đạt, theo phần trăm
maxAttempts: 3
timeLimitMinutes: 0.5
shuffleQuestions: true
shuffleChoices: true
grading: average
questionsPerAttempt: 1
review:
  show: correct
  when: after-passing
---

Lời dặn **trước khi** làm bài.

## Văn bản nào quy định xử phạt vi phạm hành chính về phòng, chống mại dâm hiện nay? {#nghi-dinh-xu-phat}

- [ ] Nghị định 144/2021/NĐ-CP
  > Nghị định này đã được thay thế từ 15/12/2025.
- [x] Nghị định 282/2025/NĐ-CP

> Nghị định 282/2025/NĐ-CP thay thế Nghị định 144/2021/NĐ-CP từ ngày 15/12/2025.
`);
		expect(quiz.settings).toEqual({
			title: 'Kiểm tra: Tình hình và khung pháp lý',
			passPercent: 70,
			maxAttempts: 3,
			timeLimitMinutes: 0.5,
			shuffleQuestions: true,
			shuffleChoices: true,
			grading: 'average',
			review: { show: 'correct', when: 'after-passing' },
			questionsPerAttempt: 1,
			pool: null
		});
		expect(quiz.introHtml).toBe('<p>Lời dặn <strong>trước khi</strong> làm bài.</p>\n');
		expect(quiz.contentHash).toMatch(/^[0-9a-f]{16}$/);
		const [question] = quiz.questions;
		expect(question).toMatchObject({
			id: 'nghi-dinh-xu-phat',
			type: 'single',
			title: 'Văn bản nào quy định xử phạt vi phạm hành chính về phòng, chống mại dâm hiện nay?',
			promptHtml: '',
			points: 1,
			line: 17
		});
		expect(question!.choices.map((c) => [c.html, c.correct])).toEqual([
			['Nghị định 144/2021/NĐ-CP', false],
			['Nghị định 282/2025/NĐ-CP', true]
		]);
		expect(question!.choices[0]!.feedbackHtml).toContain('Nghị định này đã được thay thế từ 15/12/2025.');
		expect(question!.choices[1]!.feedbackHtml).toBe('');
		expect(question!.explanationHtml).toContain('thay thế Nghị định 144/2021/NĐ-CP từ ngày 15/12/2025.');
		// the explanation is not part of the prompt nor of a choice's feedback
		expect(question!.choices[0]!.feedbackHtml).not.toContain('15/12/2025.</p>\n<p>');
	});

	it('fills in the defaults of the settings: unlimited attempts → null, review explanations always', () => {
		const quiz = parsed(md('## Câu một', '', ...TWO_CHOICES));
		expect(quiz.settings).toEqual({
			title: 'Kiểm tra thử',
			passPercent: 70,
			maxAttempts: null,
			timeLimitMinutes: null,
			shuffleQuestions: false,
			shuffleChoices: false,
			grading: 'highest',
			review: { show: 'explanations', when: 'always' },
			questionsPerAttempt: null,
			pool: null
		});
		expect(quiz.introHtml).toBe('');
	});

	it('reads maxAttempts: unlimited as null, and a partial review block with its defaults', () => {
		const quiz = parsed(
			['---', 'title: T', 'passPercent: 50', 'maxAttempts: unlimited', 'review:', '  show: score', '---', '## Câu', ...TWO_CHOICES].join('\n')
		);
		expect(quiz.settings.maxAttempts).toBeNull();
		expect(quiz.settings.review).toEqual({ show: 'score', when: 'always' });
	});

	it('keeps the text before the first question as the intro, and numbers questions by their heading line', () => {
		const quiz = parsed(
			md(
				'',
				'Lời dặn: làm bài **một mình**.', // 6
				'',
				'## Câu một', // 8
				'',
				...TWO_CHOICES, // 10, 11
				'',
				'## Câu hai', // 13
				'',
				'= đáp án' // 15
			)
		);
		expect(quiz.introHtml).toBe('<p>Lời dặn: làm bài <strong>một mình</strong>.</p>\n');
		expect(quiz.questions.map((q) => [q.title, q.line])).toEqual([
			['Câu một', 8],
			['Câu hai', 13]
		]);
	});

	it('does not start a question at a `##` inside fenced code', () => {
		const quiz = parsed(md('## Câu một', '', '```', '## không phải câu hỏi', '```', '', ...TWO_CHOICES));
		expect(quiz.questions).toHaveLength(1);
		expect(quiz.questions[0]!.promptHtml).toContain('## không phải câu hỏi');
	});

	it('hashes the whole source: any edit changes the content hash', () => {
		const a = parsed(md('## Câu', ...TWO_CHOICES)).contentHash;
		const b = parsed(md('## Câu', '- [ ] Có', '- [x] Không')).contentHash;
		expect(a).not.toBe(b);
		expect(parsed(md('## Câu', ...TWO_CHOICES)).contentHash).toBe(a);
	});
});

describe('parseQuiz: question ids', () => {
	it('takes the id from {#id}', () => {
		expect(only(md('## Câu hỏi {#cau-mot}', ...TWO_CHOICES)).id).toBe('cau-mot');
	});

	it('derives q-<hash> from the title: same title → same id, whatever the prompt and choices', () => {
		const a = only(md('## Mại dâm là gì?', '', 'Đọc kỹ.', '', ...TWO_CHOICES));
		const b = only(md('## Mại dâm là gì?', '', 'Đọc thật kỹ rồi chọn.', '', '- [ ] Có', '- [x] Không', '- [ ] Chưa rõ'));
		expect(a.id).toMatch(/^q-[0-9a-f]{8}$/);
		expect(b.id).toBe(a.id);
		// case and spacing of the title do not matter
		expect(only(md('##   MẠI   DÂM là gì?', ...TWO_CHOICES)).id).toBe(a.id);
		// a different title starts a different question
		expect(only(md('## Mại dâm là gì ?', ...TWO_CHOICES)).id).not.toBe(a.id);
	});

	it('gives choices ids from their text, stable when the choices are reordered', () => {
		const a = only(md('## Câu', '- [x] Một', '- [ ] Hai', '- [ ] Ba'));
		const b = only(md('## Câu', '- [ ] Ba', '- [x] Một', '- [ ] Hai'));
		const ids = (q: Question) => Object.fromEntries(q.choices.map((c) => [c.html, c.id]));
		expect(ids(b)).toEqual(ids(a));
		expect(new Set(a.choices.map((c) => c.id)).size).toBe(3);
		for (const choice of a.choices) expect(choice.id).toMatch(/^c-[0-9a-f]{8}$/);
	});
});

describe('parseQuiz: question types', () => {
	it('single choice: a task list with one [x]', () => {
		const q = only(md('## Câu', '- [ ] Sai một', '- [x] Đúng rồi', '- [ ] Sai hai'));
		expect(q.type).toBe('single');
		expect(q.choices.map((c) => c.correct)).toEqual([false, true, false]);
		expect(q.choices.map((c) => c.html)).toEqual(['Sai một', 'Đúng rồi', 'Sai hai']);
		expect(q).toMatchObject({ accepted: [], pairs: [], distractors: [], steps: [] });
	});

	it('multiple choice: two or more [x] (upper-case X too)', () => {
		const q = only(md('## Câu', '- [x] A', '- [X] B', '- [ ] C'));
		expect(q.type).toBe('multiple');
		expect(q.choices.map((c) => c.correct)).toEqual([true, true, false]);
	});

	it('multiple choice with one [x] when type=multiple says so', () => {
		const q = only(md('## Câu {type=multiple}', '- [x] A', '- [ ] B', '- [ ] C'));
		expect(q.type).toBe('multiple');
		expect(q.choices.filter((c) => c.correct)).toHaveLength(1);
	});

	it('true/false: exactly Đúng and Sai (or True/False)', () => {
		expect(only(md('## Câu', '- [ ] Đúng', '- [x] Sai')).type).toBe('truefalse');
		expect(only(md('## Câu', '- [x] True', '- [ ] False')).type).toBe('truefalse');
		// a third choice makes it an ordinary single choice
		expect(only(md('## Câu', '- [x] Đúng', '- [ ] Sai', '- [ ] Không biết')).type).toBe('single');
		// other texts too
		expect(only(md('## Câu', '- [x] Đúng luật', '- [ ] Sai luật')).type).toBe('single');
	});

	it('short answer: `= ` lines, with points and ignoreDiacritics', () => {
		const q = only(md('## Nghị định nào thay thế? {points=2 ignoreDiacritics}', '', '= 282/2025/NĐ-CP', '= Nghị định 282/2025/NĐ-CP'));
		expect(q).toMatchObject({
			type: 'short',
			points: 2,
			ignoreDiacritics: true,
			accepted: ['282/2025/NĐ-CP', 'Nghị định 282/2025/NĐ-CP'],
			choices: []
		});
		const plain = only(md('## Câu', '= mại dâm'));
		expect(plain.ignoreDiacritics).toBe(false);
		expect(plain.points).toBe(1);
		expect(only(md('## Câu {ignoreDiacritics=true}', '= mại dâm')).ignoreDiacritics).toBe(true);
	});

	it('matching: `- left => right` pairs and `- => right` distractors', () => {
		const q = only(
			md(
				'## Nối cơ quan với nhiệm vụ',
				'',
				'- Bộ Y tế => Cơ quan chủ trì',
				'- Bộ Công an => Đấu tranh với tội phạm',
				'- => Cấp giấy phép karaoke'
			)
		);
		expect(q.type).toBe('matching');
		expect(q.pairs.map((p) => [p.left.html, p.right.html])).toEqual([
			['Bộ Y tế', 'Cơ quan chủ trì'],
			['Bộ Công an', 'Đấu tranh với tội phạm']
		]);
		expect(q.distractors.map((d) => d.html)).toEqual(['Cấp giấy phép karaoke']);
		const ids = [...q.pairs.flatMap((p) => [p.left.id, p.right.id]), ...q.distractors.map((d) => d.id)];
		expect(new Set(ids).size).toBe(5);
		expect(q.pairs[0]!.left.id).toMatch(/^l-[0-9a-f]{8}$/);
		expect(q.pairs[0]!.right.id).toMatch(/^r-[0-9a-f]{8}$/);
		expect(q.distractors[0]!.id).toMatch(/^r-[0-9a-f]{8}$/);
		expect(q.choices).toEqual([]);
	});

	it('ordering: a numbered list in the right order', () => {
		const q = only(md('## Sắp xếp các bước', '', '1. Tiếp nhận', '2. Đánh giá nhu cầu', '3) Lập kế hoạch'));
		expect(q.type).toBe('ordering');
		expect(q.steps.map((s) => s.html)).toEqual(['Tiếp nhận', 'Đánh giá nhu cầu', 'Lập kế hoạch']);
		for (const step of q.steps) expect(step.id).toMatch(/^s-[0-9a-f]{8}$/);
	});

	it('keeps a numbered list of the prompt in the prompt when task-list answers follow', () => {
		const q = only(
			md('## Tình huống', '', 'Chị A đã:', '', '1. Đến trạm y tế', '2. Gọi cán bộ xã', '', 'Việc nào đúng?', '', ...TWO_CHOICES)
		);
		expect(q.type).toBe('single');
		expect(q.promptHtml).toContain('<ol>');
		expect(q.promptHtml).toContain('Đến trạm y tế');
		expect(q.promptHtml).toContain('Việc nào đúng?');
		expect(q.steps).toEqual([]);
		expect(q.choices).toHaveLength(2);

		// directly followed too
		const direct = only(md('## Tình huống', '', '1. Bước một', '2. Bước hai', '', ...TWO_CHOICES));
		expect(direct.type).toBe('single');
		expect(direct.promptHtml).toContain('Bước hai');
	});

	it('reads per-choice feedback (indented `>`) and the explanation (`>` after the answers)', () => {
		const q = only(
			md(
				'## Câu',
				'- [x] Có',
				'  > Chính xác, vì **luật** nói vậy.',
				'  > Dòng thứ hai.',
				'- [ ] Không',
				'  > Chưa đúng.',
				'',
				'> Giải thích chung.',
				'> Thêm một dòng.'
			)
		);
		expect(q.choices[0]!.feedbackHtml).toContain('Chính xác, vì <strong>luật</strong> nói vậy.');
		expect(q.choices[0]!.feedbackHtml).toContain('Dòng thứ hai.');
		expect(q.choices[1]!.feedbackHtml).toContain('Chưa đúng.');
		expect(q.choices[1]!.feedbackHtml).not.toContain('Chính xác');
		expect(q.explanationHtml).toContain('Giải thích chung.');
		expect(q.explanationHtml).toContain('Thêm một dòng.');
		expect(q.explanationHtml).not.toContain('Chưa đúng');
		expect(q.promptHtml).toBe('');
	});

	it('has no explanation unless one is written', () => {
		expect(only(md('## Câu', ...TWO_CHOICES)).explanationHtml).toBe('');
	});

	it('reads every type in one file', () => {
		const quiz = parsed(
			md(
				'## Một',
				...TWO_CHOICES,
				'## Hai',
				'- [x] A',
				'- [x] B',
				'- [ ] C',
				'## Ba',
				'- [x] Đúng',
				'- [ ] Sai',
				'## Bốn',
				'= x',
				'## Năm',
				'- a => 1',
				'- b => 2',
				'## Sáu',
				'1. a',
				'2. b'
			)
		);
		expect(quiz.questions.map((q) => q.type)).toEqual(['single', 'multiple', 'truefalse', 'short', 'matching', 'ordering']);
	});
});

describe('parseQuiz: problems, with their quiz.md line', () => {
	it('noQuestions: no `##` heading, reported at the first line of the body', () => {
		expect(problemsOf(md('', 'Chỉ có lời dặn.'))).toEqual([{ line: 5, key: 'quiz.noQuestions' }]);
	});

	it('noAnswers: at the heading', () => {
		expect(problemsOf(md('## Một', ...TWO_CHOICES, '', '## Hai', '', 'Chỉ có đề bài.', '', '> và giải thích'))).toEqual([
			{ line: 9, key: 'quiz.noAnswers' }
		]);
	});

	it('noCorrectChoice: at the first choice', () => {
		expect(problemsOf(md('## Câu', '', '- [ ] A', '- [ ] B'))).toEqual([{ line: 7, key: 'quiz.noCorrectChoice' }]);
	});

	it('oneCorrectOnly: type=single with two ticked, or both Đúng and Sai ticked', () => {
		expect(problemsOf(md('## Câu {type=single}', '', '- [x] A', '- [x] B', '- [ ] C'))).toEqual([
			{ line: 7, key: 'quiz.oneCorrectOnly' }
		]);
		expect(problemsOf(md('## Câu', '- [x] Đúng', '- [x] Sai'))).toEqual([{ line: 6, key: 'quiz.oneCorrectOnly' }]);
	});

	it('tooFewChoices: one choice', () => {
		expect(problemsOf(md('## Câu', '', 'Đề bài.', '', '- [x] Chỉ một'))).toEqual([{ line: 9, key: 'quiz.tooFewChoices' }]);
	});

	it('duplicateChoice: at the second of two identical choices (case and spaces ignored)', () => {
		expect(problemsOf(md('## Câu', '- [x] Có', '- [ ] Không', '- [ ]   CÓ'))).toEqual([
			{ line: 8, key: 'quiz.duplicateChoice' }
		]);
	});

	it('duplicateChoice: two identical left items, or two identical steps', () => {
		expect(problemsOf(md('## Câu', '- a => 1', '- b => 2', '- A => 3'))).toEqual([{ line: 8, key: 'quiz.duplicateChoice' }]);
		expect(problemsOf(md('## Câu', '', '1. a', '2. b', '3. a'))).toEqual([{ line: 7, key: 'quiz.duplicateChoice' }]);
	});

	it('duplicateChoice: two left items sharing one right item', () => {
		expect(problemsOf(md('## Câu', '', '- a => 1', '- b => 1', '- c => 2'))).toEqual([
			{ line: 7, key: 'quiz.duplicateChoice' }
		]);
	});

	it('duplicateChoice: a distractor repeating a right item or another distractor', () => {
		expect(problemsOf(md('## Câu', '', '- a => 1', '- b => 2', '- => 1'))).toEqual([
			{ line: 7, key: 'quiz.duplicateChoice' }
		]);
		expect(problemsOf(md('## Câu', '', '- a => 1', '- b => 2', '- => 3', '- => 3'))).toEqual([
			{ line: 7, key: 'quiz.duplicateChoice' }
		]);
	});

	it('trueFalseTwo: type=truefalse with three choices', () => {
		expect(problemsOf(md('## Câu {type=truefalse}', '- [x] Đúng', '- [ ] Sai', '- [ ] Không rõ'))).toEqual([
			{ line: 6, key: 'quiz.trueFalseTwo' }
		]);
	});

	it('pairMissing: at the pair without its right side', () => {
		expect(problemsOf(md('## Câu', '- a => 1', '- b => 2', '- c =>'))).toEqual([{ line: 8, key: 'quiz.pairMissing' }]);
	});

	it('tooFewPairs: one pair, even with a distractor', () => {
		expect(problemsOf(md('## Câu', '', '- a => 1', '- => 2'))).toEqual([{ line: 7, key: 'quiz.tooFewPairs' }]);
	});

	it('tooFewSteps: one step', () => {
		expect(problemsOf(md('## Câu', '', '1. Chỉ một bước'))).toEqual([{ line: 7, key: 'quiz.tooFewSteps' }]);
	});

	it('duplicateId: two questions with the same explicit id', () => {
		expect(problemsOf(md('## Một {#trung}', ...TWO_CHOICES, '', '## Hai {#trung}', ...TWO_CHOICES))).toEqual([
			{ line: 9, key: 'quiz.duplicateId', params: { id: 'trung', other: 5 } }
		]);
	});

	it('duplicateId: two questions with the same title (and no id)', () => {
		const problems = problemsOf(md('## Giống nhau', ...TWO_CHOICES, '## Khác', ...TWO_CHOICES, '## giống   NHAU', '= x'));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toEqual({
			line: 11,
			key: 'quiz.duplicateId',
			params: { id: expect.stringMatching(/^q-[0-9a-f]{8}$/), other: 5 }
		});
		// an explicit id on one of them resolves it
		expect(parseQuiz(md('## Giống nhau {#mot}', ...TWO_CHOICES, '## Giống nhau', ...TWO_CHOICES)).problems).toEqual([]);
	});

	it('badId: an id with accents or other characters', () => {
		expect(problemsOf(md('## Câu {#câu-một}', ...TWO_CHOICES))).toEqual([
			{ line: 5, key: 'quiz.badId', params: { id: 'câu-một' } }
		]);
		expect(problemsOf(md('', '## Câu {#a_b}', ...TWO_CHOICES))).toEqual([{ line: 6, key: 'quiz.badId', params: { id: 'a_b' } }]);
	});

	it('badAttribute: unknown attributes and bad values, at the heading', () => {
		expect(problemsOf(md('## Câu {color=red}', ...TWO_CHOICES))).toEqual([
			{ line: 5, key: 'quiz.badAttribute', params: { name: 'color=red' } }
		]);
		expect(problemsOf(md('## Câu {points=0}', ...TWO_CHOICES))).toEqual([
			{ line: 5, key: 'quiz.badAttribute', params: { name: 'points=0' } }
		]);
		expect(problemsOf(md('## Câu {type=essay}', ...TWO_CHOICES))).toEqual([
			{ line: 5, key: 'quiz.badAttribute', params: { name: 'type=essay' } }
		]);
	});

	it('wrongAnswerSyntax: type=short with a task list, at the first answer line', () => {
		expect(problemsOf(md('## Câu {type=short}', '', 'Đề.', '', ...TWO_CHOICES))).toEqual([
			{ line: 9, key: 'quiz.wrongAnswerSyntax', params: { type: 'short' } }
		]);
	});

	it('tooManyPerAttempt: questionsPerAttempt above the number of questions, at its frontmatter line', () => {
		const source = ['---', 'title: T', 'passPercent: 50', 'questionsPerAttempt: 3', '---', '## Một', ...TWO_CHOICES, '## Hai', ...TWO_CHOICES].join('\n');
		expect(problemsOf(source)).toEqual([{ line: 4, key: 'quiz.tooManyPerAttempt', params: { n: 2 } }]);
		// as many as there are is fine
		expect(parseQuiz(source.replace('questionsPerAttempt: 3', 'questionsPerAttempt: 2')).problems).toEqual([]);
	});

	it('loader.unknownSetting: a frontmatter key the schema does not know', () => {
		const source = ['---', 'title: T', 'passPercent: 50', 'shuffle: true', '---', '## Một', ...TWO_CHOICES].join('\n');
		expect(problemsOf(source)).toEqual([{ line: 4, key: 'loader.unknownSetting', params: { name: 'shuffle' } }]);
	});

	it('loader.invalidSetting: passPercent above 100', () => {
		const source = ['---', 'title: T', 'maxAttempts: 2', 'passPercent: 120', '---', '## Một', ...TWO_CHOICES].join('\n');
		expect(problemsOf(source)).toEqual([
			{ line: 4, key: 'loader.invalidSetting', params: { name: 'passPercent', detail: expect.any(String) } }
		]);
	});

	it('reports the problems of every question, and the question line numbers stay right after a long frontmatter', () => {
		const source = [
			'---', // 1
			'title: T',
			'passPercent: 50',
			'review:',
			'  show: score',
			'  when: always',
			'---', // 7
			'', // 8
			'## Một', // 9
			'- [ ] A', // 10
			'- [ ] B',
			'', // 12
			'## Hai', // 13
			'1. a' // 14
		].join('\n');
		expect(problemsOf(source)).toEqual([
			{ line: 10, key: 'quiz.noCorrectChoice' },
			{ line: 14, key: 'quiz.tooFewSteps' }
		]);
	});
});

describe('parseQuiz: a question pool', () => {
	/** two groups: a gives 1 of 2, b gives 2 of 3 */
	const POOL = [
		'---', // 1
		'title: T',
		'passPercent: 50',
		'questionsPerAttempt: 3',
		'pool:', // 5
		'  a: 1', // 6
		'  b: 2', // 7
		'---', // 8
		'## A1 {group=a}', // 9
		...TWO_CHOICES,
		'## A2 {group=a}', // 12
		...TWO_CHOICES,
		'## B1 {group=b}', // 15
		...TWO_CHOICES,
		'## B2 {group=b}', // 18
		...TWO_CHOICES,
		'## B3 {group=b}', // 21
		...TWO_CHOICES
	];

	it('reads the quotas and each question’s group; the attempt size is the quotas’ sum', () => {
		const quiz = parsed(POOL.join('\n'));
		expect(quiz.settings.pool).toEqual({ a: 1, b: 2 });
		expect(quiz.settings.questionsPerAttempt).toBe(3);
		expect(quiz.questions.map((q) => q.group)).toEqual(['a', 'a', 'b', 'b', 'b']);
		// questionsPerAttempt may be left out
		const without = parsed(POOL.filter((l) => !l.startsWith('questionsPerAttempt')).join('\n'));
		expect(without.settings.questionsPerAttempt).toBe(3);
	});

	it('quotaTooLarge: a quota above its group’s size, at the quota’s own line', () => {
		const source = POOL.join('\n').replace('  b: 2', '  b: 4').replace('questionsPerAttempt: 3', 'questionsPerAttempt: 5');
		expect(problemsOf(source)).toEqual([{ line: 7, key: 'quiz.quotaTooLarge', params: { group: 'b', quota: 4, n: 3 } }]);
	});

	it('noGroup and unknownGroup: a question in no group, or in a group the pool does not list, at its heading', () => {
		const source = POOL.join('\n').replace('## A2 {group=a}', '## A2').replace('## B3 {group=b}', '## B3 {group=c}');
		expect(problemsOf(source)).toEqual([
			{ line: 12, key: 'quiz.noGroup' },
			{ line: 21, key: 'quiz.unknownGroup', params: { group: 'c' } }
		]);
	});

	it('poolTotal: questionsPerAttempt that is not the sum of the quotas', () => {
		const source = POOL.join('\n').replace('questionsPerAttempt: 3', 'questionsPerAttempt: 4');
		expect(problemsOf(source)).toEqual([{ line: 4, key: 'quiz.poolTotal', params: { n: 4, total: 3 } }]);
	});

	it('groupWithoutPool: a group named when the frontmatter has no pool', () => {
		expect(problemsOf(md('## Câu {group=a}', ...TWO_CHOICES))).toEqual([
			{ line: 5, key: 'quiz.groupWithoutPool', params: { group: 'a' } }
		]);
	});

	it('rejects a bad group name, a quota of zero and an empty pool', () => {
		expect(problemsOf(md('## Câu {group=m_1}', ...TWO_CHOICES))).toEqual([
			{ line: 5, key: 'quiz.badAttribute', params: { name: 'group=m_1' } }
		]);
		// reported on the quota's own line
		const zero = POOL.join('\n').replace('  a: 1', '  a: 0');
		expect(problemsOf(zero)).toEqual([
			{ line: 6, key: 'loader.invalidSetting', params: { name: 'pool.a', detail: expect.any(String) } }
		]);
		const empty = ['---', 'title: T', 'passPercent: 50', 'pool: {}', '---', '## Một', ...TWO_CHOICES].join('\n');
		expect(problemsOf(empty)).toEqual([
			{ line: 4, key: 'loader.invalidSetting', params: { name: 'pool', detail: expect.any(String) } }
		]);
	});
});
