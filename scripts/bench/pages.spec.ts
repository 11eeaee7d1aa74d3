import { describe, expect, it } from 'vitest';
import { answerFields, boardPageCount, boardThreads, quizQuestions, shownPostIds } from './pages';

// markup as QuestionField.svelte, ThreadList.svelte and the thread page render it
const QUIZ = `<form><input type="hidden" name="lang" value="vi"/>
<fieldset class="question card" data-question="mot"><legend>1</legend><input type="hidden" name="question" value="mot"/>
 <label class="choice"><input type="radio" name="q:mot" value="c-a"/><span>A</span></label>
 <label class="choice"><input type="radio" name="q:mot" value="c-b" checked=""/><span>B</span></label></fieldset>
<fieldset class="question card" data-question="hai"><input type="hidden" name="question" value="hai"/>
 <input type="checkbox" name="q:hai" value="x"/><input type="checkbox" name="q:hai" value="y"/></fieldset>
<fieldset class="question card invalid" data-question="ba" aria-describedby="q-ba-error">
 <input type="text" name="q:ba" value="" maxlength="500" autocomplete="off" spellcheck="false"/></fieldset>
<fieldset class="question card" data-question="bon">
 <select id="bon-s1" name="q:bon:s1"><option value="" selected="">Chọn</option><!--[--><option value="1">1</option><option value="2">2</option><option value="3">3</option><!--]--></select>
 <select id="bon-s2" name="q:bon:s2"><option value="">Chọn</option><option value="1">1</option><option value="2">2</option><option value="3">3</option></select>
 <select id="bon-s3" name="q:bon:s3"><option value="">Chọn</option><option value="1">1</option><option value="2">2</option><option value="3">3</option></select></fieldset>
<fieldset class="question card" data-question="nam">
 <select id="nam-l1" name="q:nam:l1"><option value="">Chọn</option><option value="r1">Một</option><option value="r2">Hai</option></select></fieldset></form>`;

describe('quizQuestions', () => {
	it('finds each question and the fields that answer it, in page order', () => {
		expect(quizQuestions(QUIZ)).toEqual([
			{ id: 'mot', fields: [{ name: 'q:mot', kind: 'radio', values: ['c-a', 'c-b'] }] },
			{ id: 'hai', fields: [{ name: 'q:hai', kind: 'checkbox', values: ['x', 'y'] }] },
			{ id: 'ba', fields: [{ name: 'q:ba', kind: 'text', values: [] }] },
			{
				id: 'bon',
				fields: ['s1', 's2', 's3'].map((step) => ({ name: `q:bon:${step}`, kind: 'select', values: ['1', '2', '3'] }))
			},
			{ id: 'nam', fields: [{ name: 'q:nam:l1', kind: 'select', values: ['r1', 'r2'] }] }
		]);
	});
});

describe('answerFields', () => {
	const [single, multiple, short, ordering, matching] = quizQuestions(QUIZ);
	const random = () => 0.6;

	it('chooses one radio, one or two boxes, writes the text', () => {
		expect(answerFields(single!, random, 'chữ')).toEqual([['q:mot', 'c-b']]);
		expect(answerFields(multiple!, random, 'chữ')).toEqual([['q:hai', 'y']]);
		expect(answerFields(short!, random, 'câu trả lời')).toEqual([['q:ba', 'câu trả lời']]);
	});

	it('gives ordering steps distinct positions and each matching row an item', () => {
		const positions = answerFields(ordering!, Math.random, '').map(([, value]) => value);
		expect([...positions].sort()).toEqual(['1', '2', '3']);
		expect(answerFields(matching!, random, '')).toEqual([['q:nam:l1', 'r2']]);
	});
});

describe('boardThreads', () => {
	it('reads each thread and its new-posts badge, 0 without one', () => {
		const board = `<ul class="thread-list"><li class="card pinned"><h3><a href="/courses/k/discussions/7">Chào</a> <!--[-1--><!--]--></h3><p class="meta"><span class="badge">Ghim</span></p></li>
<li class="card"><h3><a href="/courses/k/discussions/9">Hỏi</a> <!--[0--><span class="badge new">12 bài mới</span><!--]--></h3></li></ul>`;
		expect(boardThreads(board)).toEqual([
			{ id: 7, unread: 0 },
			{ id: 9, unread: 12 }
		]);
	});
});

describe('boardPageCount', () => {
	it('reads the last page of the pager, 1 without one', () => {
		const pager = `<nav class="pager" aria-label="Trang"><a href="/courses/k/m/discussions?page=1#threads" aria-current="page">1</a><a href="/courses/k/m/discussions?page=2#threads">2</a><a href="/courses/k/m/discussions?page=3#threads">3</a></nav>`;
		expect(boardPageCount(pager)).toBe(3);
		expect(boardPageCount('<ul class="thread-list"></ul>')).toBe(1);
	});
});

describe('shownPostIds', () => {
	it('lists the posts of a thread page', () => {
		expect(shownPostIds('<ol><li id="post-4" class="card post">a</li><li id="post-11" class="card post hidden-post">b</li></ol>')).toEqual([4, 11]);
	});
});
