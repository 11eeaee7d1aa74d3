import { describe, expect, it } from 'vitest';
import { questionsNamedIn, readAnswers } from './form';
import { parseQuiz } from './parse';
import { fieldName } from './responses';
import { drawSnapshot } from './snapshot';

const { quiz } = parseQuiz(
	['---', 'title: Kiểm tra', 'passPercent: 80', '---', '', '## Một {#mot}', '', '- [ ] A', '- [x] B', '', '## Hai {#hai}', '', '= mại dâm', ''].join('\n')
);
const questions = drawSnapshot(quiz!, () => 0);
const mot = questions.find((q) => q.id === 'mot')!;
const choiceB = mot.choices.find((c) => c.html === 'B')!.id;

function form(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [key, value] of entries) data.append(key, value);
	return data;
}

describe('questionsNamedIn', () => {
	it('collects the questions of answer fields and of the question list', () => {
		const autosave = form([
			['question', 'mot'],
			[fieldName('mot'), choiceB],
			[`${fieldName('ba')}:1`, '2'],
			['other', 'x']
		]);
		expect([...questionsNamedIn(autosave)].sort()).toEqual(['ba', 'mot']);
	});
});

describe('readAnswers', () => {
	it('reads an autosave of one question against that question alone', () => {
		const parsed = readAnswers([mot], form([['question', 'mot'], [fieldName('mot'), choiceB]]));
		expect(parsed.invalid).toBe(false);
		expect(parsed.responses).toEqual(new Map([['mot', { type: 'single', choice: choiceB }]]));
	});

	it('treats a question the given snapshot lacks as tampering', () => {
		expect(readAnswers([mot], form([['question', 'hai'], [fieldName('hai'), 'mại dâm']])).invalid).toBe(true);
		expect(readAnswers([mot], form([['question', 'khong-co']])).invalid).toBe(true);
	});

	it('clears a listed question sent without an answer', () => {
		expect(readAnswers(questions, form([['question', 'mot']])).responses).toEqual(new Map([['mot', null]]));
	});
});
