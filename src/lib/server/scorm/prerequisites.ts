// SCORM 1.2 prerequisites (CAM 1.2, adlcp:prerequisites of type "aicc_script"): which items a
// learner may open, decided by the status of other items of the same package. The script is
// AICC's: item identifiers joined by & (and), | (or), ~ (not) and parentheses; `id = "passed"` or
// `id <> "failed"` compares an item's lesson_status (in full or by its first letter); and
// `n*{a,b,c}` holds when at least n of the set hold. A bare identifier holds when that item is
// passed or completed. A script that cannot be read restricts nothing: a learner is never locked
// out by a package's typo (the import page names it, see prerequisiteWarnings).

import type { SequencingWarning } from './sequencing/tree';

export type LessonStatus = 'passed' | 'completed' | 'failed' | 'incomplete' | 'browsed' | 'not attempted';

export type Prerequisite =
	| { kind: 'item'; id: string }
	| { kind: 'status'; id: string; status: LessonStatus; equal: boolean }
	| { kind: 'not'; of: Prerequisite }
	| { kind: 'and' | 'or'; of: Prerequisite[] }
	| { kind: 'atLeast'; count: number; of: string[] };

const STATUSES: readonly LessonStatus[] = ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'];

/** "passed", "p", "not attempted", "n"… (case and quotes aside); null for anything else. */
function statusNamed(word: string): LessonStatus | null {
	const name = word.toLowerCase().replace(/^["']|["']$/g, '').trim();
	return STATUSES.find((status) => status === name || (name.length === 1 && status[0] === name)) ?? null;
}

type Token = { type: 'op'; value: '&' | '|' | '~' | '(' | ')' | '{' | '}' | ',' | '*' | '=' | '<>' } | { type: 'word'; value: string };

function tokens(script: string): Token[] | null {
	const found: Token[] = [];
	const pattern = /\s*(<>|[&|~(){},*=]|"[^"]*"|'[^']*'|[^\s&|~(){},*=<>"']+)/y;
	let at = 0;
	while (at < script.length) {
		if (/^\s*$/.test(script.slice(at))) break;
		pattern.lastIndex = at;
		const match = pattern.exec(script);
		if (!match) return null;
		const value = match[1]!;
		found.push(/^(<>|[&|~(){},*=])$/.test(value) ? { type: 'op', value: value as '&' } : { type: 'word', value });
		at = pattern.lastIndex;
	}
	return found;
}

/** The script as a tree; null when it is empty or cannot be read. */
export function parsePrerequisites(script: string | null | undefined): Prerequisite | null {
	if (!script?.trim()) return null;
	const list = tokens(script);
	if (!list || list.length === 0) return null;
	let at = 0;
	const peek = () => list[at];
	const isOp = (value: string) => peek()?.type === 'op' && peek()!.value === value;
	const word = (): string => {
		const token = list[at++];
		if (token?.type !== 'word') throw new SyntaxError('identifier expected');
		return token.value;
	};
	const expect = (value: string) => {
		if (!isOp(value)) throw new SyntaxError(`${value} expected`);
		at++;
	};
	const either = (): Prerequisite => {
		const of = [both()];
		while (isOp('|')) {
			at++;
			of.push(both());
		}
		return of.length === 1 ? of[0]! : { kind: 'or', of };
	};
	const both = (): Prerequisite => {
		const of = [single()];
		while (isOp('&')) {
			at++;
			of.push(single());
		}
		return of.length === 1 ? of[0]! : { kind: 'and', of };
	};
	const single = (): Prerequisite => {
		if (isOp('~')) {
			at++;
			return { kind: 'not', of: single() };
		}
		if (isOp('(')) {
			at++;
			const inner = either();
			expect(')');
			return inner;
		}
		const id = word();
		if (isOp('*')) {
			const count = Number(id);
			if (!Number.isInteger(count) || count < 0) throw new SyntaxError('a set needs a whole number');
			at++;
			expect('{');
			const of = [word()];
			while (isOp(',')) {
				at++;
				of.push(word());
			}
			expect('}');
			return { kind: 'atLeast', count, of };
		}
		if (isOp('=') || isOp('<>')) {
			const equal = isOp('=');
			at++;
			const status = statusNamed(word());
			if (!status) throw new SyntaxError('a lesson status expected');
			return { kind: 'status', id, status, equal };
		}
		return { kind: 'item', id };
	};
	try {
		const tree = either();
		return at === list.length ? tree : null;
	} catch {
		return null;
	}
}

/** Whether a script that is there can be read. */
export function prerequisitesReadable(script: string | null | undefined): boolean {
	return !script?.trim() || parsePrerequisites(script) !== null;
}

/** Whether the prerequisites hold, given each item's lesson status (null: never opened). */
export function prerequisitesMet(tree: Prerequisite | null, statusOf: (id: string) => LessonStatus | null): boolean {
	if (!tree) return true;
	const done = (id: string) => {
		const status = statusOf(id);
		return status === 'passed' || status === 'completed';
	};
	switch (tree.kind) {
		case 'item':
			return done(tree.id);
		case 'status':
			return ((statusOf(tree.id) ?? 'not attempted') === tree.status) === tree.equal;
		case 'not':
			return !prerequisitesMet(tree.of, statusOf);
		case 'and':
			return tree.of.every((part) => prerequisitesMet(part, statusOf));
		case 'or':
			return tree.of.some((part) => prerequisitesMet(part, statusOf));
		case 'atLeast':
			return tree.of.filter(done).length >= tree.count;
	}
}

/** An item's lesson status from what is tracked (SCORM 1.2 has one status, the tracking row two). */
export function lessonStatusOf(row: { completionStatus: string; successStatus: string } | undefined): LessonStatus | null {
	if (!row) return null;
	if (row.successStatus === 'passed') return 'passed';
	if (row.successStatus === 'failed') return 'failed';
	if (row.completionStatus === 'completed') return 'completed';
	if (row.completionStatus === 'incomplete') return 'incomplete';
	return 'not attempted';
}

/** What the contents need to know of an item: its own prerequisites and what it holds. */
export interface PrerequisiteEntry {
	identifier: string;
	/** null for a folder */
	sco: unknown;
	prerequisites?: string | null;
	children: readonly PrerequisiteEntry[];
}

/**
 * The items whose prerequisites do not hold now, and everything inside a folder that is closed.
 * A SCO's status is its own; a folder counts as completed once every SCO inside it is passed or
 * completed (that is what a script naming a folder asks).
 */
export function closedByPrerequisites(toc: readonly PrerequisiteEntry[], statusOfSco: (identifier: string) => LessonStatus | null): Set<string> {
	const statuses = new Map<string, LessonStatus | null>();
	const walk = (entry: PrerequisiteEntry): LessonStatus | null => {
		let status: LessonStatus | null;
		if (entry.sco) status = statusOfSco(entry.identifier);
		else {
			const inside = entry.children.map(walk);
			status = inside.length > 0 && inside.every((s) => s === 'passed' || s === 'completed') ? 'completed' : inside.some((s) => s !== null) ? 'incomplete' : null;
		}
		statuses.set(entry.identifier, status);
		return status;
	};
	toc.forEach(walk);
	const closed = new Set<string>();
	const close = (entry: PrerequisiteEntry, inClosed: boolean) => {
		const shut = inClosed || !prerequisitesMet(parsePrerequisites(entry.prerequisites), (id) => statuses.get(id) ?? null);
		if (shut) closed.add(entry.identifier);
		for (const child of entry.children) close(child, shut);
	};
	for (const entry of toc) close(entry, false);
	return closed;
}

/** The trainer is told at import of each prerequisite script the player cannot read. */
export function prerequisiteWarnings(items: readonly { identifier: string; prerequisites?: string | null; children: readonly unknown[] }[]): SequencingWarning[] {
	return items.flatMap((item) => [
		...(prerequisitesReadable(item.prerequisites) ? [] : [{ key: 'badPrerequisites' as const, item: item.identifier, detail: `adlcp:prerequisites="${item.prerequisites}"` }]),
		...prerequisiteWarnings(item.children as typeof items)
	]);
}
