import { describe, expect, it } from 'vitest';
import { parseQuiz } from './parse';
import { fieldName, MAX_SHORT_ANSWER, parseResponses } from './responses';
import { drawSnapshot, type SnapshotQuestion } from './snapshot';

const QUIZ_MD = `---
title: Kiểm tra
passPercent: 80
---

## Một {#mot}

- [ ] A
- [x] B
- [ ] C

## Nhiều {#nhieu}

- [x] A
- [ ] B
- [x] C

## Đúng sai {#dung-sai}

- [x] Đúng
- [ ] Sai

## Ngắn {#ngan}

= mại dâm

## Nối {#noi}

- Trái một => Phải một
- Trái hai => Phải hai
- => Phải thừa

## Sắp xếp {#sap-xep}

1. Bước một
2. Bước hai
3. Bước ba
`;

function snapshot(): SnapshotQuestion[] {
	const { quiz, problems } = parseQuiz(QUIZ_MD);
	expect(problems).toEqual([]);
	return drawSnapshot(quiz!, () => 0.5);
}

const questions = snapshot();
const q = (id: string) => questions.find((question) => question.id === id)!;
const choice = (id: string, html: string) => q(id).choices.find((c) => c.html === html)!.id;
const left = (html: string) => q('noi').pairs.find((p) => p.left.html === html)!.left.id;
const right = (html: string) =>
	[...q('noi').pairs.map((p) => p.right), ...q('noi').distractors].find((r) => r.html === html)!.id;
const step = (html: string) => q('sap-xep').steps.find((s) => s.html === html)!.id;

function form(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
}

const parse = (entries: [string, string][]) => parseResponses(questions, form(entries));

describe('fieldName', () => {
	it('names a question `q:<id>` and an item `q:<id>:<item>`', () => {
		expect(fieldName('mot')).toBe('q:mot');
		expect(fieldName('noi', 'l-1234')).toBe('q:noi:l-1234');
	});
});

describe('parseResponses: every type', () => {
	it('reads a whole quiz', () => {
		const result = parse([
			[fieldName('mot'), choice('mot', 'B')],
			[fieldName('nhieu'), choice('nhieu', 'A')],
			[fieldName('nhieu'), choice('nhieu', 'C')],
			[fieldName('dung-sai'), choice('dung-sai', 'Sai')],
			[fieldName('ngan'), '  Mại dâm  '],
			[fieldName('noi', left('Trái một')), right('Phải thừa')],
			[fieldName('noi', left('Trái hai')), right('Phải hai')],
			[fieldName('sap-xep', step('Bước một')), '2'],
			[fieldName('sap-xep', step('Bước hai')), '3'],
			[fieldName('sap-xep', step('Bước ba')), '1'],
			['csrf', 'không phải câu trả lời']
		]);
		expect(result.invalid).toBe(false);
		expect(result.errors.size).toBe(0);
		expect(Object.fromEntries(result.responses)).toEqual({
			mot: { type: 'single', choice: choice('mot', 'B') },
			nhieu: { type: 'multiple', choices: [choice('nhieu', 'A'), choice('nhieu', 'C')] },
			'dung-sai': { type: 'truefalse', choice: choice('dung-sai', 'Sai') },
			ngan: { type: 'short', text: 'Mại dâm' },
			noi: { type: 'matching', pairs: { [left('Trái một')]: right('Phải thừa'), [left('Trái hai')]: right('Phải hai') } },
			'sap-xep': { type: 'ordering', order: [step('Bước ba'), step('Bước một'), step('Bước hai')] }
		});
	});

	it('reads only the questions present in the form (one question when autosaving)', () => {
		const result = parse([[fieldName('mot'), choice('mot', 'A')]]);
		expect([...result.responses.keys()]).toEqual(['mot']);
		expect(result.invalid).toBe(false);
	});

	it('keeps a partly answered matching or ordering question', () => {
		const result = parse([
			[fieldName('noi', left('Trái một')), right('Phải một')],
			[fieldName('noi', left('Trái hai')), ''],
			[fieldName('sap-xep', step('Bước một')), '1'],
			[fieldName('sap-xep', step('Bước hai')), ''],
			[fieldName('sap-xep', step('Bước ba')), '']
		]);
		expect(result.invalid).toBe(false);
		expect(result.responses.get('noi')).toEqual({ type: 'matching', pairs: { [left('Trái một')]: right('Phải một') } });
		expect(result.responses.get('sap-xep')).toEqual({ type: 'ordering', order: [step('Bước một'), '', ''] });
	});
});

describe('parseResponses: blanks are null (the saved answer is removed)', () => {
	it('for every type', () => {
		const result = parse([
			[fieldName('mot'), ''],
			[fieldName('nhieu'), ''],
			[fieldName('dung-sai'), ''],
			[fieldName('ngan'), '   '],
			[fieldName('noi', left('Trái một')), ''],
			[fieldName('noi', left('Trái hai')), ''],
			[fieldName('sap-xep', step('Bước một')), ''],
			[fieldName('sap-xep', step('Bước hai')), ''],
			[fieldName('sap-xep', step('Bước ba')), '']
		]);
		expect(result.invalid).toBe(false);
		expect(result.errors.size).toBe(0);
		expect(Object.fromEntries(result.responses)).toEqual({
			mot: null,
			nhieu: null,
			'dung-sai': null,
			ngan: null,
			noi: null,
			'sap-xep': null
		});
	});

	it('multiple choice: the empty marker alongside ticked boxes is ignored', () => {
		const result = parse([
			[fieldName('nhieu'), ''],
			[fieldName('nhieu'), choice('nhieu', 'B')]
		]);
		expect(result.invalid).toBe(false);
		expect(result.responses.get('nhieu')).toEqual({ type: 'multiple', choices: [choice('nhieu', 'B')] });
	});
});

describe('parseResponses: tampering is invalid', () => {
	it('a question that is not in the attempt', () => {
		expect(parse([[fieldName('khong-co'), 'x']]).invalid).toBe(true);
		expect(parse([[fieldName('mot'), choice('mot', 'A')], ['q:', 'x']]).invalid).toBe(true);
	});

	it('a choice the question did not offer', () => {
		// a choice of another question
		expect(parse([[fieldName('mot'), choice('dung-sai', 'Đúng')]]).invalid).toBe(true);
		expect(parse([[fieldName('dung-sai'), 'c-00000000']]).invalid).toBe(true);
		expect(parse([[fieldName('nhieu'), choice('nhieu', 'A')], [fieldName('nhieu'), 'c-00000000']]).invalid).toBe(true);
	});

	it('the same box ticked twice', () => {
		const a = choice('nhieu', 'A');
		expect(parse([[fieldName('nhieu'), a], [fieldName('nhieu'), a]]).invalid).toBe(true);
	});

	it('two values for a radio button or a text box', () => {
		const result = parse([
			[fieldName('mot'), choice('mot', 'A')],
			[fieldName('mot'), choice('mot', 'B')]
		]);
		expect(result.invalid).toBe(true);
		expect(result.responses.has('mot')).toBe(false);
		expect(parse([[fieldName('dung-sai'), choice('dung-sai', 'Đúng')], [fieldName('dung-sai'), '']]).invalid).toBe(true);
		expect(parse([[fieldName('ngan'), 'a'], [fieldName('ngan'), 'b']]).invalid).toBe(true);
	});

	it('a matching or ordering item field the question does not have', () => {
		expect(parse([[fieldName('noi', 'l-00000000'), right('Phải một')]]).invalid).toBe(true);
		// a right-hand item used as a left one
		expect(parse([[fieldName('noi', right('Phải một')), right('Phải một')]]).invalid).toBe(true);
		expect(parse([[fieldName('sap-xep', 's-00000000'), '1']]).invalid).toBe(true);
		// a step of another question
		expect(parse([[fieldName('noi', step('Bước một')), right('Phải một')]]).invalid).toBe(true);
		// item fields on a question that has no items
		expect(parse([[fieldName('mot', choice('mot', 'A')), 'on']]).invalid).toBe(true);
	});

	it('a right-hand item the matching question does not have', () => {
		const result = parse([[fieldName('noi', left('Trái một')), 'r-00000000']]);
		expect(result.invalid).toBe(true);
		// a left item is not a right one
		expect(parse([[fieldName('noi', left('Trái một')), left('Trái hai')]]).invalid).toBe(true);
	});

	it('an ordering position out of range', () => {
		for (const position of ['0', '4', '-1', '1.5', 'hai', '1e9']) {
			const result = parse([
				[fieldName('sap-xep', step('Bước một')), position],
				[fieldName('sap-xep', step('Bước hai')), '2'],
				[fieldName('sap-xep', step('Bước ba')), '3']
			]);
			expect(result.invalid, position).toBe(true);
			expect(result.responses.has('sap-xep')).toBe(false);
		}
	});
});

describe('parseResponses: mistakes a person can fix', () => {
	it('two steps given the same position: quiz.orderPositions, nothing saved for that question', () => {
		const result = parse([
			[fieldName('mot'), choice('mot', 'A')],
			[fieldName('sap-xep', step('Bước một')), '1'],
			[fieldName('sap-xep', step('Bước hai')), '1'],
			[fieldName('sap-xep', step('Bước ba')), '3']
		]);
		expect(result.invalid).toBe(false);
		expect(result.errors).toEqual(new Map([['sap-xep', 'quiz.orderPositions']]));
		expect(result.responses.has('sap-xep')).toBe(false);
		// the other answers are still read
		expect(result.responses.get('mot')).toEqual({ type: 'single', choice: choice('mot', 'A') });
	});

	it('a short answer longer than 500 characters: quiz.answerTooLong', () => {
		expect(MAX_SHORT_ANSWER).toBe(500);
		const tooLong = parse([[fieldName('ngan'), 'a'.repeat(501)]]);
		expect(tooLong.invalid).toBe(false);
		expect(tooLong.errors).toEqual(new Map([['ngan', 'quiz.answerTooLong']]));
		expect(tooLong.responses.has('ngan')).toBe(false);

		const longest = parse([[fieldName('ngan'), ` ${'á'.repeat(500)} `]]);
		expect(longest.errors.size).toBe(0);
		expect(longest.responses.get('ngan')).toEqual({ type: 'short', text: 'á'.repeat(500) });
	});
});
