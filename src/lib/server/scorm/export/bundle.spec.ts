// The script as shipped in packages (shared/taphuan-scorm.js), run in a bare JavaScript context:
// it must grade a page's form exactly as the server grades the same answers, and talk to an LMS.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoData } from '$lib/scorm/export-runtime/contract';
import { fakeApi } from '$lib/scorm/export-runtime/fake-api';
import shippedScript from '$lib/scorm/export-runtime/main?browser-bundle';
import { loadCourse, type Course, type Module } from '../../courses/loader';
import { gradeAttempt } from '../../quiz/grade';
import { parseResponses } from '../../quiz/responses';
import type { SnapshotQuestion } from '../../quiz/snapshot';
import type { Response } from '../../quiz/types';
import { seededRandom } from '../../random';
import { pageQuestions } from './package';
import { renderScoPage } from './page';
import { writeTestCourse } from './test-course';

type Runtime = typeof import('$lib/scorm/export-runtime/main');

let work: string;
let module: Module;
let course: Course;
let runtime: Runtime;
/** the questions with their texts, as the server holds them */
let questions: SnapshotQuestion[];
/** the page as exported, and the answer key it carries */
let page: string;
let pageData: ScoData;

beforeAll(() => {
	work = mkdtempSync(path.join(os.tmpdir(), 'taphuan-scorm-runtime-'));
	course = loadCourse(work, writeTestCourse(work), [])!;
	module = course.modules.find((m) => m.quiz)!;
	questions = pageQuestions(course, module);
	page = renderScoPage(course, module, questions);
	pageData = JSON.parse(/<script type="application\/json" id="taphuan-data">(.*?)<\/script>/s.exec(page)![1]!);
	runtime = vm.runInNewContext(`${shippedScript}\n;TaphuanScorm`, {}) as Runtime;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What the server makes of a submitted form: the same outcome shape as the script's. */
function serverGrade(form: FormData) {
	const parsed = parseResponses(questions, form);
	if (parsed.invalid || parsed.errors.size > 0) return { ok: false, invalid: parsed.invalid, errors: Object.fromEntries(parsed.errors) };
	const responses = new Map<string, Response>();
	for (const [id, response] of parsed.responses) if (response) responses.set(id, response);
	const grade = gradeAttempt(questions, responses);
	return { ok: true, score: grade.score, maxScore: grade.maxScore, percent: grade.percent, questions: Object.fromEntries(grade.questions) };
}

function pageGrade(form: FormData) {
	const result = runtime.gradeSubmission(pageData.quiz!.questions, form);
	if (!result.ok) return { ok: false, invalid: result.invalid, errors: Object.fromEntries(result.errors) };
	const { grade } = result;
	return { ok: true, score: grade.score, maxScore: grade.maxScore, percent: grade.percent, questions: Object.fromEntries(grade.questions) };
}

/** A learner's random way through one question: blank, right, partly right, wrong, or odd. */
function randomAnswer(question: SnapshotQuestion, form: FormData, random: () => number): void {
	const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
	const name = `q:${question.id}`;
	if (random() < 0.1) return; // left blank
	switch (question.type) {
		case 'single':
		case 'truefalse':
			form.append(name, random() < 0.03 ? 'c-khong-co' : pick(question.choices).id);
			break;
		case 'multiple':
			for (const choice of question.choices) if (random() < 0.5) form.append(name, choice.id);
			break;
		case 'short': {
			const right = question.accepted[0]!;
			form.append(
				name,
				pick([right, right.toUpperCase(), `  ${right}  `, right.normalize('NFD'), 'mai dam', 'mại dâm vi phạm', 'sai', '', 'x'.repeat(501)])
			);
			break;
		}
		case 'matching':
			for (const { left } of question.pairs) form.append(`${name}:${left.id}`, random() < 0.15 ? '' : pick(question.rightOrder));
			break;
		case 'ordering': {
			const positions = question.steps.map((_, i) => String(i + 1));
			const order = positions.sort(() => random() - 0.5);
			for (const [i, step] of question.steps.entries()) {
				const odd = random();
				form.append(`${name}:${step.id}`, odd < 0.05 ? '' : odd < 0.1 ? '1' : order[i]!);
			}
			break;
		}
	}
}

describe('grading parity: the shipped script and the server, on the same answers', () => {
	it('covers every question type', () => {
		expect(new Set(questions.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'truefalse', 'short', 'matching', 'ordering']));
	});

	it('gives the same score to each of 400 random submissions, refusals included', () => {
		const random = seededRandom('parity');
		const outcomes = { graded: 0, refused: 0, partial: new Set<string>() };
		for (let n = 0; n < 400; n++) {
			const form = new FormData();
			for (const question of questions) randomAnswer(question, form, random);
			const server = serverGrade(form);
			expect(pageGrade(form)).toEqual(server);
			if (!server.ok) outcomes.refused++;
			else {
				outcomes.graded++;
				for (const question of questions) {
					const grade = server.questions![question.id]!;
					if (grade.score > 0 && !grade.correct) outcomes.partial.add(question.type);
				}
			}
		}
		// the random answers did reach the interesting cases
		expect(outcomes.graded).toBeGreaterThan(100);
		expect(outcomes.refused).toBeGreaterThan(10);
		expect(outcomes.partial).toEqual(new Set(['multiple', 'matching', 'ordering']));
	});

	it('gives full marks to the right answers sent under the names and values the page’s fields use', () => {
		const form = new FormData();
		for (const question of questions) {
			const name = `q:${question.id}`;
			const field = (fieldName: string, value: string) => {
				expect(page).toContain(`name="${fieldName}"`);
				form.append(fieldName, value);
			};
			switch (question.type) {
				case 'single':
				case 'truefalse':
				case 'multiple':
					for (const choice of question.choices.filter((c) => c.correct)) {
						expect(page).toContain(`name="${name}" value="${choice.id}"`);
						form.append(name, choice.id);
					}
					break;
				case 'short':
					field(name, question.accepted[0]!);
					break;
				case 'matching':
					for (const pair of question.pairs) {
						expect(page).toContain(`<option value="${pair.right.id}">`);
						field(`${name}:${pair.left.id}`, pair.right.id);
					}
					break;
				case 'ordering':
					for (const [i, step] of question.steps.entries()) {
						expect(page).toContain(`<option value="${i + 1}">`);
						field(`${name}:${step.id}`, String(i + 1));
					}
					break;
			}
		}
		expect(pageGrade(form)).toMatchObject({ ok: true, percent: 100 });
		expect(serverGrade(form)).toMatchObject({ ok: true, percent: 100 });
	});

	it('carries the answer key without the texts the page already shows', () => {
		const json = JSON.stringify(pageData.quiz);
		expect(json).not.toContain('Giải thích câu một');
		expect(json).not.toContain('Bộ Y tế');
		expect(pageData.quiz).toMatchObject({ passPercent: 62.5, maxAttempts: 2, grading: 'highest' });
	});
});

describe('the shipped script with an LMS on window.API', () => {
	it('reports each attempt, the bookmark and the time, and suspends a module not yet passed', () => {
		const lms = fakeApi({ 'cmi.core.lesson_status': 'not attempted', 'cmi.core.entry': 'ab-initio', 'cmi.student_data.mastery_score': '62.5' });
		const top = { API: lms.api };
		const frame = { parent: top, opener: null };
		const session = new runtime.ScoSession(runtime.connectLms(frame), 0);
		const quiz = pageData.quiz!;
		session.read('noi-dung');

		const grade = (form: FormData) => {
			const result = runtime.gradeSubmission(quiz.questions, form);
			if (!result.ok) throw new Error('refused');
			return result.grade.percent;
		};
		let attempts = runtime.readAttempts(session.suspendData);
		attempts = [...attempts, grade(new FormData())];
		let now = runtime.standing(quiz, attempts, session.masteryScore(quiz.passPercent));
		session.recordQuiz(now.kept!, now.passed, runtime.writeAttempts(attempts));
		expect(lms.store).toMatchObject({ 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '0' });

		const right = new FormData();
		for (const question of questions.filter((q) => q.type === 'single' || q.type === 'truefalse')) {
			right.append(`q:${question.id}`, question.choices.find((c) => c.correct)!.id);
		}
		const orderQuestion = questions.find((q) => q.type === 'ordering')!;
		orderQuestion.steps.forEach((step, i) => right.append(`q:${orderQuestion.id}:${step.id}`, String(i + 1)));
		attempts = [...attempts, grade(right)];
		now = runtime.standing(quiz, attempts, session.masteryScore(quiz.passPercent));
		session.recordQuiz(now.kept!, now.passed, runtime.writeAttempts(attempts));
		session.end(90_000);

		// 3 of 9 points (single, true/false, ordering) is 33.33%: below 62.5 %, still failed
		expect(lms.store).toMatchObject({
			'cmi.core.lesson_status': 'failed',
			'cmi.core.score.raw': '33.33',
			'cmi.core.lesson_location': 'noi-dung',
			'cmi.core.session_time': '0000:01:30.00',
			'cmi.core.exit': 'suspend',
			'cmi.suspend_data': '{"attempts":[0,33.33]}'
		});
		expect(now.attemptsLeft).toBe(0);
		expect(lms.calls[0]).toBe('LMSInitialize');
		expect(lms.calls.at(-1)).toBe('LMSFinish');
	});

	it('still grades with no LMS at all', () => {
		const session = new runtime.ScoSession(runtime.connectLms({}), 0);
		expect(session.resumeLocation).toBeNull();
		expect(runtime.gradeSubmission(pageData.quiz!.questions, new FormData())).toMatchObject({ ok: true, grade: { percent: 0 } });
		expect(() => session.end(1)).not.toThrow();
	});
});
