// Parses quiz.md: frontmatter settings, then one `##` heading per question. The syntax of each
// question type is documented in docs/authoring.md; every problem is reported with its line.
import { createHash } from 'node:crypto';
import { parseFrontmatter } from '../courses/frontmatter';
import type { Problem } from '../courses/problems';
import { renderInlineMarkdown, renderMarkdown } from '../markdown/render';
import { quizSchema } from './schema';
import type { Choice, MatchItem, MatchPair, Question, QuestionType, Quiz } from './types';
import { QUESTION_TYPES } from './types';

interface Line {
	text: string;
	/** line number in quiz.md */
	no: number;
}

type AnswerKind = 'task' | 'short' | 'match' | 'order';

const HEADING = /^##\s+(.*?)\s*(?:\{([^}]*)\})?\s*$/;
const TASK = /^\s{0,3}[-*+]\s+\[( |x|X)\]\s+(.+?)\s*$/;
const FEEDBACK = /^\s{2,}>\s?(.*)$/;
const SHORT = /^=\s+(.+?)\s*$/;
const MATCH = /^\s{0,3}[-*+]\s+(.*?)\s*=>\s*(.*?)\s*$/;
const ORDER = /^\s{0,3}\d{1,3}[.)]\s+(.+?)\s*$/;
const EXPLANATION = /^>\s?(.*)$/;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/i;
const TRUE_FALSE = [
	['đúng', 'sai'],
	['true', 'false']
];

function kindOf(text: string): AnswerKind | null {
	if (TASK.test(text)) return 'task';
	if (SHORT.test(text)) return 'short';
	if (MATCH.test(text)) return 'match';
	if (ORDER.test(text)) return 'order';
	return null;
}

/** Normalised text used for ids: NFC, lower case, single spaces. */
function normalise(text: string): string {
	return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function hashId(prefix: string, text: string): string {
	return `${prefix}-${createHash('sha256').update(normalise(text)).digest('hex').slice(0, 8)}`;
}

interface Attributes {
	id?: string;
	type?: QuestionType;
	points: number;
	ignoreDiacritics: boolean;
	group?: string;
}

function parseAttributes(raw: string | undefined, line: number, problems: Problem[]): Attributes {
	const attrs: Attributes = { points: 1, ignoreDiacritics: false };
	for (const token of (raw ?? '').split(/\s+/).filter(Boolean)) {
		if (token.startsWith('#')) {
			const id = token.slice(1);
			if (!ID.test(id)) problems.push({ line, key: 'quiz.badId', params: { id } });
			else attrs.id = id;
			continue;
		}
		const [name, value] = token.split('=', 2) as [string, string | undefined];
		if (name === 'type' && value && (QUESTION_TYPES as readonly string[]).includes(value)) {
			attrs.type = value as QuestionType;
		} else if (name === 'points' && value && Number(value) > 0 && Number(value) <= 100) {
			attrs.points = Number(value);
		} else if (name === 'ignoreDiacritics' && (value === undefined || value === 'true')) {
			attrs.ignoreDiacritics = true;
		} else if (name === 'group' && value && ID.test(value)) {
			attrs.group = value;
		} else {
			problems.push({ line, key: 'quiz.badAttribute', params: { name: token } });
		}
	}
	return attrs;
}

/** Splits a question's lines into prompt, answer block and trailing explanation. */
function splitQuestion(lines: Line[]) {
	let end = lines.length;
	while (end > 0 && !lines[end - 1]!.text.trim()) end--;
	let explanationStart = end;
	while (explanationStart > 0) {
		const text = lines[explanationStart - 1]!.text;
		if (EXPLANATION.test(text) || !text.trim()) explanationStart--;
		else break;
	}
	while (explanationStart < end && !lines[explanationStart]!.text.trim()) explanationStart++;
	const explanation = lines.slice(explanationStart, end);

	// The answer block: the last run of answer lines of one kind (blank lines allowed inside).
	let answerStart = explanationStart;
	let kind: AnswerKind | null = null;
	for (let i = explanationStart - 1; i >= 0; i--) {
		const text = lines[i]!.text;
		if (!text.trim()) continue;
		const k = FEEDBACK.test(text) ? 'task' : kindOf(text);
		if (!k || (kind && k !== kind)) break;
		kind = k;
		answerStart = i;
	}
	return {
		prompt: lines.slice(0, answerStart),
		answers: lines.slice(answerStart, explanationStart).filter((l) => l.text.trim()),
		explanation,
		kind
	};
}

const markdownOf = (lines: Line[]) => lines.map((l) => l.text).join('\n');

function parseChoices(answers: Line[], problems: Problem[]): Choice[] {
	const choices: Choice[] = [];
	const feedback: string[][] = [];
	for (const line of answers) {
		const task = TASK.exec(line.text);
		if (task) {
			choices.push({
				id: hashId('c', task[2]!),
				html: renderInlineMarkdown(task[2]!),
				correct: task[1] !== ' ',
				feedbackHtml: ''
			});
			feedback.push([]);
			continue;
		}
		const fb = FEEDBACK.exec(line.text);
		if (fb && feedback.length) feedback.at(-1)!.push(fb[1]!);
		else problems.push({ line: line.no, key: 'quiz.unexpectedLine' });
	}
	choices.forEach((choice, i) => {
		if (feedback[i]!.length) choice.feedbackHtml = renderMarkdown(feedback[i]!.join('\n')).html;
	});
	const seen = new Set<string>();
	answers
		.filter((l) => TASK.test(l.text))
		.forEach((line, i) => {
			const id = choices[i]!.id;
			if (seen.has(id)) problems.push({ line: line.no, key: 'quiz.duplicateChoice' });
			seen.add(id);
		});
	return choices;
}

function inferChoiceType(choices: Choice[], answers: Line[]): QuestionType {
	const texts = answers
		.map((l) => TASK.exec(l.text)?.[2])
		.filter((t): t is string => !!t)
		.map(normalise);
	if (texts.length === 2 && TRUE_FALSE.some(([t, f]) => texts.includes(t!) && texts.includes(f!))) {
		return 'truefalse';
	}
	return choices.filter((c) => c.correct).length > 1 ? 'multiple' : 'single';
}

const EXPECTED_KIND: Record<QuestionType, AnswerKind> = {
	single: 'task',
	multiple: 'task',
	truefalse: 'task',
	short: 'short',
	matching: 'match',
	ordering: 'order'
};

function parseQuestion(heading: Line, body: Line[], problems: Problem[]): Question | null {
	const match = HEADING.exec(heading.text)!;
	const title = match[1]!.trim();
	const before = problems.length;
	const attrs = parseAttributes(match[2], heading.no, problems);
	if (!title) problems.push({ line: heading.no, key: 'quiz.noTitle' });
	const { prompt, answers, explanation, kind } = splitQuestion(body);
	if (!kind || answers.length === 0) {
		problems.push({ line: heading.no, key: 'quiz.noAnswers' });
		return null;
	}
	const type: QuestionType =
		attrs.type ?? (kind === 'task' ? 'single' : kind === 'short' ? 'short' : kind === 'match' ? 'matching' : 'ordering');
	if (EXPECTED_KIND[type] !== kind) {
		problems.push({ line: answers[0]!.no, key: 'quiz.wrongAnswerSyntax', params: { type } });
		return null;
	}
	const question: Question = {
		id: attrs.id ?? hashId('q', title),
		type,
		title,
		promptHtml: renderMarkdown(markdownOf(prompt)).html,
		points: attrs.points,
		explanationHtml: explanation.length
			? renderMarkdown(explanation.map((l) => EXPLANATION.exec(l.text)?.[1] ?? '').join('\n')).html
			: '',
		choices: [],
		accepted: [],
		ignoreDiacritics: attrs.ignoreDiacritics,
		pairs: [],
		distractors: [],
		steps: [],
		line: heading.no,
		...(attrs.group ? { group: attrs.group } : {})
	};
	const first = answers[0]!.no;

	if (kind === 'task') {
		question.choices = parseChoices(answers, problems);
		if (!attrs.type) question.type = inferChoiceType(question.choices, answers);
		const correct = question.choices.filter((c) => c.correct).length;
		if (question.choices.length < 2) problems.push({ line: first, key: 'quiz.tooFewChoices' });
		if (correct === 0) problems.push({ line: first, key: 'quiz.noCorrectChoice' });
		if (question.type !== 'multiple' && correct > 1) {
			problems.push({ line: first, key: 'quiz.oneCorrectOnly' });
		}
		if (question.type === 'truefalse' && question.choices.length !== 2) {
			problems.push({ line: first, key: 'quiz.trueFalseTwo' });
		}
	} else if (kind === 'short') {
		question.accepted = answers.map((l) => SHORT.exec(l.text)![1]!);
	} else if (kind === 'match') {
		const lefts = new Set<string>();
		for (const line of answers) {
			const [, left, right] = MATCH.exec(line.text)!;
			if (!right) {
				problems.push({ line: line.no, key: 'quiz.pairMissing' });
			} else if (!left) {
				question.distractors.push({ id: hashId('r', right), html: renderInlineMarkdown(right) });
			} else {
				if (lefts.has(normalise(left))) problems.push({ line: line.no, key: 'quiz.duplicateChoice' });
				lefts.add(normalise(left));
				const pair: MatchPair = {
					left: { id: hashId('l', left), html: renderInlineMarkdown(left) },
					right: { id: hashId('r', right), html: renderInlineMarkdown(right) }
				};
				question.pairs.push(pair);
			}
		}
		const rights = [...question.pairs.map((p) => p.right), ...question.distractors].map((r) => r.id);
		// two left items may not share one right item, and a distractor may not repeat a right
		// item or another distractor: the learner would see the same option twice
		if (new Set(rights).size !== rights.length) problems.push({ line: first, key: 'quiz.duplicateChoice' });
		if (question.pairs.length < 2) problems.push({ line: first, key: 'quiz.tooFewPairs' });
	} else {
		const steps: MatchItem[] = answers.map((l) => {
			const text = ORDER.exec(l.text)![1]!;
			return { id: hashId('s', text), html: renderInlineMarkdown(text) };
		});
		if (new Set(steps.map((s) => s.id)).size !== steps.length) {
			problems.push({ line: first, key: 'quiz.duplicateChoice' });
		}
		if (steps.length < 2) problems.push({ line: first, key: 'quiz.tooFewSteps' });
		question.steps = steps;
	}
	return problems.length > before ? null : question;
}

/** A pool's rules: every question in a group of the pool, every group with at least as many
 * questions as its quota, and the quotas adding up to questionsPerAttempt when both are given. */
function checkPool(
	pool: Record<string, number>,
	perAttempt: number | undefined,
	questions: Question[],
	lineOf: (key: string, ...nested: string[]) => number,
	problems: Problem[]
) {
	for (const q of questions) {
		if (!q.group) problems.push({ line: q.line, key: 'quiz.noGroup' });
		else if (!(q.group in pool)) problems.push({ line: q.line, key: 'quiz.unknownGroup', params: { group: q.group } });
	}
	for (const [group, quota] of Object.entries(pool)) {
		const size = questions.filter((q) => q.group === group).length;
		if (quota > size) {
			problems.push({ line: lineOf('pool', group), key: 'quiz.quotaTooLarge', params: { group, quota, n: size } });
		}
	}
	const total = Object.values(pool).reduce((a, b) => a + b, 0);
	if (perAttempt !== undefined && perAttempt !== total) {
		problems.push({ line: lineOf('questionsPerAttempt'), key: 'quiz.poolTotal', params: { n: perAttempt, total } });
	}
}

export interface ParsedQuiz {
	quiz: Quiz | null;
	problems: Problem[];
}

export function parseQuiz(source: string): ParsedQuiz {
	const parsed = parseFrontmatter(source, quizSchema);
	const problems = [...parsed.problems];
	const lines: Line[] = parsed.body.split('\n').map((text, i) => ({ text, no: parsed.bodyFirstLine + i }));

	// split at `##` headings outside fenced code
	const intro: Line[] = [];
	const blocks: { heading: Line; body: Line[] }[] = [];
	let fenced = false;
	for (const line of lines) {
		if (/^\s*(```|~~~)/.test(line.text)) fenced = !fenced;
		if (!fenced && HEADING.test(line.text) && line.text.startsWith('## ')) {
			blocks.push({ heading: line, body: [] });
		} else if (blocks.length) blocks.at(-1)!.body.push(line);
		else intro.push(line);
	}
	if (blocks.length === 0) {
		problems.push({ line: parsed.bodyFirstLine, key: 'quiz.noQuestions' });
		return { quiz: null, problems };
	}
	const questions: Question[] = [];
	const ids = new Map<string, number>();
	for (const block of blocks) {
		const question = parseQuestion(block.heading, block.body, problems);
		if (!question) continue;
		const other = ids.get(question.id);
		if (other !== undefined) {
			problems.push({ line: block.heading.no, key: 'quiz.duplicateId', params: { id: question.id, other } });
		}
		ids.set(question.id, block.heading.no);
		questions.push(question);
	}
	const data = parsed.data;
	if (data?.pool) checkPool(data.pool, data.questionsPerAttempt, questions, parsed.lineOf, problems);
	else if (data) {
		for (const q of questions.filter((q) => q.group)) {
			problems.push({ line: q.line, key: 'quiz.groupWithoutPool', params: { group: q.group! } });
		}
	}
	if (data?.questionsPerAttempt && data.questionsPerAttempt > blocks.length) {
		problems.push({
			line: parsed.lineOf('questionsPerAttempt'),
			key: 'quiz.tooManyPerAttempt',
			params: { n: blocks.length }
		});
	}
	if (!data || problems.length) return { quiz: null, problems };
	return {
		quiz: {
			settings: {
				title: data.title,
				passPercent: data.passPercent,
				maxAttempts: data.maxAttempts === 'unlimited' ? null : data.maxAttempts,
				timeLimitMinutes: data.timeLimitMinutes ?? null,
				shuffleQuestions: data.shuffleQuestions,
				shuffleChoices: data.shuffleChoices,
				grading: data.grading,
				review: data.review,
				// with a pool, an attempt draws the sum of its quotas
				questionsPerAttempt: data.pool
					? Object.values(data.pool).reduce((a, b) => a + b, 0)
					: (data.questionsPerAttempt ?? null),
				pool: data.pool ?? null
			},
			introHtml: renderMarkdown(markdownOf(intro)).html,
			questions,
			contentHash: createHash('sha256').update(source).digest('hex').slice(0, 16)
		},
		problems
	};
}
