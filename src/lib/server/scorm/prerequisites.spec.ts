import { describe, expect, it } from 'vitest';
import { closedByPrerequisites, lessonStatusOf, parsePrerequisites, prerequisiteWarnings, prerequisitesMet, prerequisitesReadable, type LessonStatus } from './prerequisites';

const statuses = (known: Record<string, LessonStatus>) => (id: string) => known[id] ?? null;
const met = (script: string, known: Record<string, LessonStatus>) => prerequisitesMet(parsePrerequisites(script), statuses(known));

describe('SCORM 1.2 prerequisites (aicc_script)', () => {
	it('an item holds once it is passed or completed, not before', () => {
		expect(met('bai1', {})).toBe(false);
		expect(met('bai1', { bai1: 'incomplete' })).toBe(false);
		expect(met('bai1', { bai1: 'failed' })).toBe(false);
		expect(met('bai1', { bai1: 'browsed' })).toBe(false);
		expect(met('bai1', { bai1: 'completed' })).toBe(true);
		expect(met('bai1', { bai1: 'passed' })).toBe(true);
	});

	it('and, or, not and parentheses, with & binding tighter than |', () => {
		expect(met('a & b', { a: 'passed' })).toBe(false);
		expect(met('a & b', { a: 'passed', b: 'completed' })).toBe(true);
		expect(met('a | b', { b: 'completed' })).toBe(true);
		expect(met('~a', {})).toBe(true);
		expect(met('~a', { a: 'passed' })).toBe(false);
		// a | (b & c), not (a | b) & c
		expect(met('a | b & c', { a: 'passed' })).toBe(true);
		expect(met('(a | b) & c', { a: 'passed' })).toBe(false);
		expect(met('(a|b)&c', { b: 'passed', c: 'completed' })).toBe(true);
	});

	it('compares a status, in full or by its first letter, quoted or not', () => {
		expect(met('a = "failed"', { a: 'failed' })).toBe(true);
		expect(met('a="f"', { a: 'failed' })).toBe(true);
		expect(met('a = passed', { a: 'completed' })).toBe(false);
		expect(met('a <> "not attempted"', {})).toBe(false);
		expect(met('a <> "n"', { a: 'incomplete' })).toBe(true);
		expect(met("a = 'Incomplete'", { a: 'incomplete' })).toBe(true);
	});

	it('n*{…} holds when at least n of the set hold', () => {
		const tree = parsePrerequisites('2*{a, b, c}');
		expect(tree).toEqual({ kind: 'atLeast', count: 2, of: ['a', 'b', 'c'] });
		expect(met('2*{a,b,c}', { a: 'passed' })).toBe(false);
		expect(met('2*{a,b,c}', { a: 'passed', c: 'completed' })).toBe(true);
		expect(met('x & 1*{a,b}', { x: 'passed', b: 'passed' })).toBe(true);
	});

	it('nothing written restricts nothing', () => {
		expect(parsePrerequisites(null)).toBeNull();
		expect(parsePrerequisites('   ')).toBeNull();
		expect(prerequisitesMet(null, statuses({}))).toBe(true);
		expect(prerequisitesReadable(undefined)).toBe(true);
	});

	it('a script that cannot be read restricts nothing and is reported as unreadable', () => {
		for (const broken of ['a &', '(a | b', 'a b', '2*{a,', 'x*{a}', 'a = "wonderful"', '&', 'a <', ')']) {
			expect(parsePrerequisites(broken), broken).toBeNull();
			expect(prerequisitesReadable(broken), broken).toBe(false);
			expect(met(broken, {}), broken).toBe(true);
		}
	});
});

describe('closedByPrerequisites', () => {
	const sco = (identifier: string, prerequisites: string | null = null) => ({ identifier, sco: {}, prerequisites, children: [] });
	const toc = [
		sco('gioi-thieu'),
		sco('bai1', 'gioi-thieu'),
		{ identifier: 'phan2', sco: null, prerequisites: 'bai1', children: [sco('bai2a'), sco('bai2b')] },
		sco('kiem-tra', 'phan2 & ~kiem-tra = "passed"')
	];

	it('closes what waits for another part, and everything inside a closed folder', () => {
		expect([...closedByPrerequisites(toc, () => null)].sort()).toEqual(['bai1', 'bai2a', 'bai2b', 'kiem-tra', 'phan2']);
		expect([...closedByPrerequisites(toc, (id) => (id === 'gioi-thieu' ? 'completed' : null))].sort()).toEqual(['bai2a', 'bai2b', 'kiem-tra', 'phan2']);
	});

	it('a folder counts as completed once every part inside it is', () => {
		const done = new Set(['gioi-thieu', 'bai1', 'bai2a']);
		const status = (id: string) => (done.has(id) ? ('passed' as const) : null);
		expect([...closedByPrerequisites(toc, status)]).toEqual(['kiem-tra']);
		done.add('bai2b');
		expect([...closedByPrerequisites(toc, status)]).toEqual([]);
	});

	it('reads the lesson status from the tracking row', () => {
		expect(lessonStatusOf(undefined)).toBeNull();
		expect(lessonStatusOf({ completionStatus: 'completed', successStatus: 'passed' })).toBe('passed');
		expect(lessonStatusOf({ completionStatus: 'completed', successStatus: 'failed' })).toBe('failed');
		expect(lessonStatusOf({ completionStatus: 'completed', successStatus: 'unknown' })).toBe('completed');
		expect(lessonStatusOf({ completionStatus: 'incomplete', successStatus: 'unknown' })).toBe('incomplete');
		expect(lessonStatusOf({ completionStatus: 'not attempted', successStatus: 'unknown' })).toBe('not attempted');
	});
});

describe('prerequisiteWarnings', () => {
	it('names each script that cannot be read, inside folders too, and nothing else', () => {
		const items = [
			{ identifier: 'a', prerequisites: null, children: [] },
			{ identifier: 'b', prerequisites: 'a', children: [] },
			{ identifier: 'phan', prerequisites: null, children: [{ identifier: 'c', prerequisites: 'a &', children: [] }] }
		];
		expect(prerequisiteWarnings(items)).toEqual([{ key: 'badPrerequisites', item: 'c', detail: 'adlcp:prerequisites="a &"' }]);
	});
});
