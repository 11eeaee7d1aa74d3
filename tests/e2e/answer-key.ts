// The real course's answers, read from its quiz files by `courses:check --answers` (never
// written in a test), and how to enter one answer on the quiz page.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Locator } from '@playwright/test';
import type { AnswerKeyQuestion } from '../../scripts/cli/answer-key';

export type { AnswerKeyQuestion };

const ROOT = resolve(import.meta.dirname, '../..');

/** Per module slug, the questions of its quiz with their answers. */
export function readAnswerKey(course: string, coursesDir = join(ROOT, 'courses')): Record<string, AnswerKeyQuestion[]> {
	const all = JSON.parse(
		execFileSync(process.execPath, [join(ROOT, 'build/cli/courses-check.js'), '--answers', coursesDir], { encoding: 'utf8' })
	);
	return all[course];
}

const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** Answers one question (its fieldset on the quiz page) correctly. */
export async function answerCorrectly(fieldset: Locator, q: AnswerKeyQuestion) {
	switch (q.type) {
		case 'single':
		case 'truefalse':
		case 'multiple':
			for (const text of q.correct) await fieldset.locator('label.choice').filter({ hasText: exactly(text) }).locator('input').check();
			break;
		case 'short':
			await fieldset.getByLabel('Câu trả lời của anh/chị').fill(q.accepted[0]!);
			break;
		case 'matching':
			for (const [left, right] of q.pairs) await fieldset.getByLabel(exactly(left)).selectOption({ label: right });
			break;
		case 'ordering':
			for (const [i, step] of q.steps.entries()) await fieldset.getByLabel(exactly(step)).selectOption({ label: `Vị trí ${i + 1}` });
			break;
	}
}
