import { describe, expect, it } from 'vitest';
import { gradeAttempt } from './grade';
import { parseQuiz } from './parse';
import { drawSnapshot, toPublicQuestion, type Random, type SnapshotQuestion } from './snapshot';
import type { Question, Quiz, QuizSettings, Response } from './types';

/** mulberry32: a small seeded generator, so every draw below can be replayed. */
function seeded(seed: number): Random {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

const QUIZ_MD = `---
title: Kiểm tra
passPercent: 80
---

## Chọn một {#mot points=2}

Đề bài câu một.

- [ ] Phương án A
  > Phản hồi bí mật A
- [x] Phương án B
- [ ] Phương án C
- [ ] Phương án D

> Lời giải thích bí mật một.

## Chọn nhiều {#nhieu}

- [x] Nhiều A
- [ ] Nhiều B
- [x] Nhiều C
- [ ] Nhiều D

## Đúng sai {#dung-sai}

- [ ] Đúng
- [x] Sai

## Trả lời ngắn {#ngan}

= đáp án bí mật

## Nối {#noi}

- Trái một => Phải một
- Trái hai => Phải hai
- Trái ba => Phải ba
- => Phải thừa

## Sắp xếp {#sap-xep}

1. Bước một
2. Bước hai
3. Bước ba
4. Bước bốn

> Lời giải thích bí mật sắp xếp.
`;

function quizWith(settings: Partial<QuizSettings> = {}): Quiz {
	const { quiz, problems } = parseQuiz(QUIZ_MD);
	expect(problems).toEqual([]);
	return { ...quiz!, settings: { ...quiz!.settings, ...settings } };
}

const ids = (items: { id: string }[]) => items.map((i) => i.id);
const sorted = (values: string[]) => [...values].sort();

/** The right answer to each question, as a learner would give it. */
function rightAnswers(questions: Question[]): Map<string, Response> {
	const answers = new Map<string, Response>();
	for (const q of questions) {
		const correct = q.choices.filter((c) => c.correct).map((c) => c.id);
		switch (q.type) {
			case 'single':
			case 'truefalse':
				answers.set(q.id, { type: q.type, choice: correct[0]! });
				break;
			case 'multiple':
				answers.set(q.id, { type: 'multiple', choices: correct });
				break;
			case 'short':
				answers.set(q.id, { type: 'short', text: q.accepted[0]! });
				break;
			case 'matching':
				answers.set(q.id, { type: 'matching', pairs: Object.fromEntries(q.pairs.map((p) => [p.left.id, p.right.id])) });
				break;
			case 'ordering':
				answers.set(q.id, { type: 'ordering', order: ids(q.steps) });
				break;
		}
	}
	return answers;
}

describe('drawSnapshot', () => {
	it('without shuffling: every question in file order, choices in file order', () => {
		const quiz = quizWith();
		const snapshot = drawSnapshot(quiz, seeded(1));
		expect(ids(snapshot)).toEqual(ids(quiz.questions));
		snapshot.forEach((q, i) => {
			expect(ids(q.choices)).toEqual(ids(quiz.questions[i]!.choices));
			// the answers are kept for grading
			expect(q.choices).toEqual(quiz.questions[i]!.choices);
			expect(q.steps).toEqual(quiz.questions[i]!.steps);
			expect(q.pairs).toEqual(quiz.questions[i]!.pairs);
		});
	});

	it('is deterministic for a given random source', () => {
		const quiz = quizWith({ shuffleQuestions: true, shuffleChoices: true, questionsPerAttempt: 4 });
		expect(drawSnapshot(quiz, seeded(42))).toEqual(drawSnapshot(quiz, seeded(42)));
	});

	it('questionsPerAttempt: draws that many distinct questions, in file order, varying between draws', () => {
		const quiz = quizWith({ questionsPerAttempt: 3 });
		const fileOrder = ids(quiz.questions);
		const draws = new Set<string>();
		for (const seed of SEEDS) {
			const drawn = ids(drawSnapshot(quiz, seeded(seed)));
			expect(drawn).toHaveLength(3);
			expect(new Set(drawn).size).toBe(3);
			for (const id of drawn) expect(fileOrder).toContain(id);
			expect(drawn).toEqual([...drawn].sort((a, b) => fileOrder.indexOf(a) - fileOrder.indexOf(b)));
			draws.add(drawn.join());
		}
		expect(draws.size).toBeGreaterThan(5);
	});

	it('shuffleQuestions: the same questions in another order', () => {
		const quiz = quizWith({ shuffleQuestions: true });
		const fileOrder = ids(quiz.questions);
		let changed = 0;
		for (const seed of SEEDS) {
			const drawn = ids(drawSnapshot(quiz, seeded(seed)));
			expect(sorted(drawn)).toEqual(sorted(fileOrder));
			if (drawn.join() !== fileOrder.join()) changed++;
		}
		expect(changed).toBeGreaterThan(SEEDS.length * 0.9);
	});

	it('shuffleChoices: the same choices in another order, but never true/false', () => {
		const quiz = quizWith({ shuffleChoices: true });
		const original = new Map(quiz.questions.map((q) => [q.id, ids(q.choices)]));
		const changed = { mot: 0, nhieu: 0 };
		for (const seed of SEEDS) {
			const snapshot = drawSnapshot(quiz, seeded(seed));
			for (const q of snapshot) {
				expect(sorted(ids(q.choices))).toEqual(sorted(original.get(q.id)!));
				// the correct flags travel with their choices
				for (const c of q.choices) {
					expect(c).toEqual(quiz.questions.find((o) => o.id === q.id)!.choices.find((o) => o.id === c.id));
				}
			}
			const byId = new Map(snapshot.map((q) => [q.id, q]));
			expect(ids(byId.get('dung-sai')!.choices)).toEqual(original.get('dung-sai'));
			if (ids(byId.get('mot')!.choices).join() !== original.get('mot')!.join()) changed.mot++;
			if (ids(byId.get('nhieu')!.choices).join() !== original.get('nhieu')!.join()) changed.nhieu++;
		}
		expect(changed.mot).toBeGreaterThan(SEEDS.length * 0.8);
		expect(changed.nhieu).toBeGreaterThan(SEEDS.length * 0.8);
	});

	it('never shows the steps or the right-hand items in their answer order', () => {
		const quiz = quizWith();
		const ordering = quiz.questions.find((q) => q.id === 'sap-xep')!;
		const matching = quiz.questions.find((q) => q.id === 'noi')!;
		const answerRights = [...matching.pairs.map((p) => p.right.id), ...matching.distractors.map((d) => d.id)];
		for (const seed of SEEDS) {
			const snapshot = drawSnapshot(quiz, seeded(seed));
			const steps = snapshot.find((q) => q.id === 'sap-xep')!;
			const pairs = snapshot.find((q) => q.id === 'noi')!;
			expect(sorted(steps.stepOrder)).toEqual(sorted(ids(ordering.steps)));
			expect(steps.stepOrder).not.toEqual(ids(ordering.steps));
			expect(sorted(pairs.rightOrder)).toEqual(sorted(answerRights));
			expect(pairs.rightOrder).not.toEqual(answerRights);
			// the answer order itself is kept for grading
			expect(ids(steps.steps)).toEqual(ids(ordering.steps));
		}
	});

	it('never shows two steps in their answer order, even when the random source keeps giving it', () => {
		const { quiz } = parseQuiz('---\ntitle: T\npassPercent: 50\n---\n## Hai bước\n1. a\n2. b\n## Nối\n- a => 1\n- b => 2\n');
		for (const seed of SEEDS) {
			const [steps, pairs] = drawSnapshot(quiz!, seeded(seed));
			expect(steps!.stepOrder).toEqual([...ids(quiz!.questions[0]!.steps)].reverse());
			expect(pairs!.rightOrder).toEqual(quiz!.questions[1]!.pairs.map((p) => p.right.id).reverse());
		}
		// a source whose every shuffle is the identity: the order is rotated instead
		const identity: Random = () => 0.999999;
		const ordering = quizWith().questions.find((q) => q.id === 'sap-xep')!;
		const [drawn] = drawSnapshot({ ...quizWith(), questions: [ordering] }, identity);
		expect(drawn!.stepOrder).toEqual([...ids(ordering.steps).slice(1), ordering.steps[0]!.id]);
	});

	it('grading the right answers of a shuffled snapshot still gives 100 %', () => {
		const quiz = quizWith({ shuffleQuestions: true, shuffleChoices: true });
		for (const seed of SEEDS.slice(0, 50)) {
			const snapshot = drawSnapshot(quiz, seeded(seed));
			// the answers are made from the file, not from the snapshot
			const grade = gradeAttempt(snapshot, rightAnswers(quiz.questions));
			expect(grade).toMatchObject({ score: 7, maxScore: 7, percent: 100 });
			for (const q of snapshot) expect(grade.questions.get(q.id)!.correct).toBe(true);
		}
	});

	it('survives being stored as JSON: the stored snapshot grades the same', () => {
		const quiz = quizWith({ shuffleChoices: true });
		const snapshot = drawSnapshot(quiz, seeded(7));
		const stored = JSON.parse(JSON.stringify(snapshot)) as SnapshotQuestion[];
		expect(gradeAttempt(stored, rightAnswers(quiz.questions)).percent).toBe(100);
	});
});

describe('toPublicQuestion', () => {
	const quiz = quizWith({ shuffleChoices: true });

	function publicOf(id: string, seed = 3) {
		const snapshot = drawSnapshot(quiz, seeded(seed));
		const question = snapshot.find((q) => q.id === id)!;
		return { question, shown: toPublicQuestion(question), json: JSON.stringify(toPublicQuestion(question)) };
	}

	it('reveals nothing of the answers, for any type', () => {
		for (const q of quiz.questions) {
			const { json } = publicOf(q.id);
			expect(json).not.toMatch(/correct/i);
			expect(json).not.toContain('accepted');
			expect(json).not.toContain('bí mật'); // the explanations, the feedback and the short answer
			expect(json).not.toContain('explanation');
			expect(json).not.toContain('feedback');
			expect(json).not.toContain('ignoreDiacritics');
			expect(json).not.toContain('pairs');
			expect(json).not.toContain('distractors');
			expect(json).not.toContain('rightOrder');
			expect(json).not.toContain('stepOrder');
			expect(json).not.toContain('"line"');
		}
	});

	it('keeps what the learner needs: title, prompt, points, choices in display order', () => {
		const { question, shown } = publicOf('mot');
		expect(shown).toEqual({
			id: 'mot',
			type: 'single',
			title: 'Chọn một',
			promptHtml: question.promptHtml,
			points: 2,
			choices: question.choices.map((c) => ({ id: c.id, html: c.html })),
			lefts: [],
			rights: [],
			steps: []
		});
		expect(shown.promptHtml).toContain('Đề bài câu một.');
		expect(Object.keys(shown.choices[0]!)).toEqual(['id', 'html']);
	});

	it('short answer: no accepted answer anywhere', () => {
		const { shown, json } = publicOf('ngan');
		expect(shown).toMatchObject({ type: 'short', choices: [], lefts: [], rights: [], steps: [] });
		expect(json).not.toContain('đáp án');
	});

	it('ordering: the steps in display order, never the answer order', () => {
		for (const seed of SEEDS.slice(0, 50)) {
			const { question, shown } = publicOf('sap-xep', seed);
			expect(ids(shown.steps)).toEqual(question.stepOrder);
			expect(ids(shown.steps)).not.toEqual(ids(question.steps));
			expect(shown.steps.map((s) => s.html).sort()).toEqual(['Bước ba', 'Bước bốn', 'Bước hai', 'Bước một']);
		}
	});

	it('matching: left items, and right items (distractor included) in display order', () => {
		for (const seed of SEEDS.slice(0, 50)) {
			const { question, shown } = publicOf('noi', seed);
			expect(shown.lefts.map((l) => l.html)).toEqual(['Trái một', 'Trái hai', 'Trái ba']);
			expect(ids(shown.rights)).toEqual(question.rightOrder);
			expect(shown.rights.map((r) => r.html).sort()).toEqual(['Phải ba', 'Phải hai', 'Phải một', 'Phải thừa']);
		}
	});
});

describe('drawSnapshot from a pool', () => {
	/** 4 groups of different sizes; 2 + 1 + 3 + 1 = 7 drawn of 14 */
	const SIZES: Record<string, number> = { m1: 5, m2: 2, m3: 4, m4: 3 };
	const QUOTAS: Record<string, number> = { m1: 2, m2: 1, m3: 3, m4: 1 };
	const POOL_MD = [
		'---',
		'title: Kiểm tra cuối khoá',
		'passPercent: 70',
		'shuffleQuestions: true',
		'shuffleChoices: true',
		'pool:',
		...Object.entries(QUOTAS).map(([g, n]) => `  ${g}: ${n}`),
		'---',
		...Object.entries(SIZES).flatMap(([g, size]) =>
			Array.from({ length: size }, (_, i) => [`## Câu ${g}-${i} {#${g}-${i} group=${g}}`, '', '- [x] Có', '- [ ] Không', '- [ ] Có thể', ''])
		).flat()
	].join('\n');

	function poolQuiz(): Quiz {
		const { quiz, problems } = parseQuiz(POOL_MD);
		expect(problems).toEqual([]);
		return quiz!;
	}

	it('draws each group’s quota, no question twice, over many seeded draws', () => {
		const quiz = poolQuiz();
		const group = new Map(quiz.questions.map((q) => [q.id, q.group!]));
		for (const seed of SEEDS) {
			const drawn = ids(drawSnapshot(quiz, seeded(seed)));
			expect(drawn).toHaveLength(7);
			expect(new Set(drawn).size).toBe(7);
			const counts: Record<string, number> = {};
			for (const id of drawn) counts[group.get(id)!] = (counts[group.get(id)!] ?? 0) + 1;
			expect(counts).toEqual(QUOTAS);
		}
	});

	it('draws every question of the pool sooner or later, each group evenly', () => {
		const quiz = poolQuiz();
		const seen = new Map<string, number>();
		for (const seed of SEEDS) for (const id of ids(drawSnapshot(quiz, seeded(seed)))) seen.set(id, (seen.get(id) ?? 0) + 1);
		expect([...seen.keys()].sort()).toEqual(sorted(ids(quiz.questions)));
		// m1 gives 2 of 5: each of its questions in about 2/5 of the 200 draws (80), not stuck on a few
		for (let i = 0; i < SIZES.m1!; i++) {
			expect(seen.get(`m1-${i}`)).toBeGreaterThan(50);
			expect(seen.get(`m1-${i}`)).toBeLessThan(110);
		}
	});

	it('shuffles the drawn questions across groups, and varies the draw between attempts', () => {
		const quiz = poolQuiz();
		const orders = new Set<string>();
		let grouped = 0;
		for (const seed of SEEDS) {
			const drawn = drawSnapshot(quiz, seeded(seed)).map((q) => q.group!);
			orders.add(drawn.join());
			// in file order the groups would come one after another
			if (drawn.join() === [...drawn].sort().join()) grouped++;
		}
		expect(orders.size).toBeGreaterThan(100);
		expect(grouped).toBeLessThan(SEEDS.length / 10);
	});

	it('the snapshot is stable: same seed, same draw; stored and read back, it grades the same', () => {
		const quiz = poolQuiz();
		const snapshot = drawSnapshot(quiz, seeded(7));
		expect(drawSnapshot(quiz, seeded(7))).toEqual(snapshot);
		const stored = JSON.parse(JSON.stringify(snapshot)) as SnapshotQuestion[];
		expect(stored).toEqual(snapshot);
		expect(gradeAttempt(stored, rightAnswers(stored)).percent).toBe(100);
	});
});

