// What the benchmark's simulated browsers read from the pages the server sends: the fields of a
// quiz form, the threads of a board with their "new posts" counts, the posts shown on a thread
// page. Plain string matching on the app's own markup (QuestionField.svelte, ThreadList.svelte,
// the thread page), so each step sends what a browser would.

export interface FormField {
	name: string;
	kind: 'radio' | 'checkbox' | 'text' | 'select';
	/** the values offered (radio, checkbox, select; a select's empty placeholder left out) */
	values: string[];
}

export interface QuestionFields {
	id: string;
	fields: FormField[];
}

const attributes = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));

/** The questions of a quiz attempt page, in page order, with the fields that answer each. */
export function quizQuestions(html: string): QuestionFields[] {
	const questions: QuestionFields[] = [];
	for (const [, id, body] of html.matchAll(/<fieldset\b[^>]*\bdata-question="([^"]+)"[^>]*>([\s\S]*?)<\/fieldset>/g)) {
		const fields = new Map<string, FormField>();
		for (const [tag] of body!.matchAll(/<input\b[^>]*>/g)) {
			const { type, name, value } = attributes(tag);
			if (!name?.startsWith('q:') || (type !== 'radio' && type !== 'checkbox' && type !== 'text')) continue;
			const field = fields.get(name) ?? { name, kind: type, values: [] };
			if (type !== 'text' && value !== undefined) field.values.push(value);
			fields.set(name, field);
		}
		for (const [, tag, options] of body!.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
			const { name } = attributes(tag!);
			if (!name?.startsWith('q:')) continue;
			const values = [...options!.matchAll(/<option\b[^>]*>/g)].map(([option]) => attributes(option).value ?? '').filter(Boolean);
			fields.set(name, { name, kind: 'select', values });
		}
		questions.push({ id: id!, fields: [...fields.values()] });
	}
	return questions;
}

/**
 * An answer to one question as form fields, as a person filling it in would send: one choice,
 * one or two boxes ticked, a text, a match for each row, or every step given its own position.
 */
export function answerFields(question: QuestionFields, random: () => number, text: string): [string, string][] {
	const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
	const selects = question.fields.filter((f) => f.kind === 'select');
	// ordering: one select per step, each offering the positions 1…N
	const positions = selects.map((_, i) => String(i + 1));
	const isOrdering = selects.length > 0 && selects.every((f) => f.values.join() === positions.join());
	const order = [...positions];
	for (let i = order.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j]!, order[i]!];
	}
	const answer: [string, string][] = [];
	selects.forEach((field, i) => answer.push([field.name, isOrdering ? order[i]! : pick(field.values)]));
	for (const field of question.fields) {
		if (field.kind === 'radio') answer.push([field.name, pick(field.values)]);
		if (field.kind === 'text') answer.push([field.name, text]);
		if (field.kind === 'checkbox') {
			const first = pick(field.values);
			const second = pick(field.values);
			answer.push([field.name, first]);
			if (second !== first) answer.push([field.name, second]);
		}
	}
	return answer;
}

/** The threads a board page lists, with the "new posts" count each shows (0 without a badge). */
export function boardThreads(html: string): { id: number; unread: number }[] {
	const threads: { id: number; unread: number }[] = [];
	for (const [, item] of html.matchAll(/<li class="card[^"]*">([\s\S]*?)<\/li>/g)) {
		const id = /href="\/courses\/[^/"]+\/discussions\/(\d+)"/.exec(item!)?.[1];
		if (!id) continue;
		const badge = /class="badge new">([^<]*)</.exec(item!)?.[1];
		threads.push({ id: Number(id), unread: badge ? Number(/\d+/.exec(badge)?.[0] ?? NaN) : 0 });
	}
	return threads;
}

/** How many pages a board's thread list has (its pager's last link; 1 without a pager). */
export function boardPageCount(html: string): number {
	return Math.max(1, ...[...html.matchAll(/\?page=(\d+)#threads"/g)].map((m) => Number(m[1])));
}

/** The ids of the posts a thread page shows. */
export function shownPostIds(html: string): number[] {
	return [...html.matchAll(/<li id="post-(\d+)"/g)].map((m) => Number(m[1]));
}
