// Quiz item analysis for one cohort (Moodle's quiz statistics is the model): per question the
// facility index, the discrimination index, how often each answer was chosen, and flags for
// questions worth a second look. Labels come from the quiz as loaded now; a question removed
// from the file since keeps its figures under its id.
import { htmlToText } from '../markdown/render';
import type { Question, Quiz } from '../quiz/types';
import type { AttemptResult } from './quiz-results';
import { discrimination, facility, itemFlags, roundDown, type ItemFlag, type ItemResult } from './stats';

export interface OptionCount {
	label: string;
	/** true for a right choice, a right pairing or step, or a typed answer graded right */
	correct: boolean;
	count: number;
	/** of the attempts that showed the question */
	percent: number;
}

export interface ItemRow {
	id: string;
	title: string;
	type: Question['type'] | 'unknown';
	/** attempts that showed the question */
	shown: number;
	answered: number;
	facility: number | null;
	discrimination: number | null;
	flags: ItemFlag[];
	/** what learners chose (choices), typed (short: the most frequent answers), or got right
	 * item by item (matching pairs, ordering steps) */
	options: OptionCount[];
}

export interface ItemAnalysis {
	attempts: number;
	averagePercent: number | null;
	items: ItemRow[];
}

const SHORT_ANSWERS_SHOWN = 8;

function optionCounts(question: Question | undefined, results: AttemptResult[], id: string): OptionCount[] {
	if (!question) return [];
	const shown = results.filter((r) => r.questions.has(id));
	const percent = (count: number) => (shown.length ? Math.round((100 * count) / shown.length) : 0);
	const answers = shown.map((r) => r.questions.get(id)!);
	switch (question.type) {
		case 'single':
		case 'truefalse':
		case 'multiple':
			return question.choices.map((choice) => {
				const count = answers.filter(({ response: r }) =>
					r?.type === 'multiple' ? r.choices.includes(choice.id) : (r?.type === 'single' || r?.type === 'truefalse') && r.choice === choice.id
				).length;
				return { label: htmlToText(choice.html), correct: choice.correct, count, percent: percent(count) };
			});
		case 'short': {
			const typed = new Map<string, { label: string; count: number; correct: boolean }>();
			for (const { response, score, points } of answers) {
				if (response?.type !== 'short') continue;
				const key = response.text.trim().toLowerCase().replace(/\s+/g, ' ');
				if (!key) continue;
				const entry = typed.get(key) ?? { label: response.text.trim(), count: 0, correct: score >= points };
				entry.count++;
				typed.set(key, entry);
			}
			return [...typed.values()]
				.sort((a, b) => b.count - a.count)
				.slice(0, SHORT_ANSWERS_SHOWN)
				.map((t) => ({ ...t, percent: percent(t.count) }));
		}
		case 'matching':
			return question.pairs.map((pair) => {
				const count = answers.filter(({ response: r }) => r?.type === 'matching' && r.pairs[pair.left.id] === pair.right.id).length;
				return { label: `${htmlToText(pair.left.html)} → ${htmlToText(pair.right.html)}`, correct: true, count, percent: percent(count) };
			});
		case 'ordering':
			return question.steps.map((step, position) => {
				const count = answers.filter(({ response: r }) => r?.type === 'ordering' && r.order[position] === step.id).length;
				return { label: `${position + 1}. ${htmlToText(step.html)}`, correct: true, count, percent: percent(count) };
			});
	}
}

export function analyseItems(quiz: Quiz | null, results: AttemptResult[]): ItemAnalysis {
	const byId = new Map((quiz?.questions ?? []).map((q) => [q.id, q]));
	// every question any attempt showed, in the file's order, then any no longer in the file
	const seen = new Set(results.flatMap((r) => [...r.questions.keys()]));
	const ids = [...byId.keys(), ...[...seen].filter((id) => !byId.has(id)).sort()];
	const items = ids
		.map((id): ItemRow => {
			const question = byId.get(id);
			const itemResults: ItemResult[] = [];
			let answered = 0;
			for (const r of results) {
				const q = r.questions.get(id);
				if (!q) continue;
				if (q.response !== null) answered++;
				itemResults.push({ attempt: r.id, total: r.percent, fraction: q.points > 0 ? q.score / q.points : 0 });
			}
			// the flags read the figures as the page shows them (a whole percent; the index cut to
			// two decimals), so a number shown and its flag never disagree
			const rawFacility = facility(itemResults);
			const rawDiscrimination = discrimination(itemResults);
			const f = rawFacility === null ? null : Math.round(rawFacility);
			const d = rawDiscrimination === null ? null : roundDown(rawDiscrimination, 2);
			return {
				id,
				title: question?.title ?? id,
				type: question?.type ?? 'unknown',
				shown: itemResults.length,
				answered,
				facility: f,
				discrimination: d,
				flags: itemFlags(f, d),
				options: optionCounts(question, results, id)
			};
		})
		.filter((item) => item.shown > 0 || byId.has(item.id));
	const total = results.reduce((sum, r) => sum + r.percent, 0);
	return { attempts: results.length, averagePercent: results.length ? Math.round(total / results.length) : null, items };
}
