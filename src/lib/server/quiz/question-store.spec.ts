import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activityKey, buildCatalog, findCourse, findModule, quizActivityId, syncCatalog } from '../courses/catalog';
import { lessonModule, testCourse } from '../courses/test-courses';
import { openDatabase, type Db } from '../db/open';
import { seededRandom } from '../random';
import { insertUser } from '../users/service';
import { getAttempt, getAttemptQuestions, startAttempt, submitAttempt } from './attempts';
import { parseQuiz } from './parse';
import { convertSnapshotQuestion, joinQuestion, PARSED_QUESTIONS_KEPT, parsedQuestionsHeld, splitQuestion } from './question-store';
import { drawSnapshot, type SnapshotQuestion } from './snapshot';
import type { Question, Quiz } from './types';

const COURSES = new URL('../../../../courses', import.meta.url).pathname;
const T0 = Date.UTC(2026, 2, 1, 8);
const HASH = '$argon2id$not-a-real-hash';

/** One question of every type, shuffled every way the draw can. */
function everyType(changedPrompt = false): Quiz {
	const { quiz, problems } = parseQuiz(
		[
			'---',
			'title: Đủ loại câu hỏi',
			'passPercent: 50',
			'shuffleQuestions: true',
			'shuffleChoices: true',
			'---',
			'',
			'## Một lựa chọn {#mot}',
			'',
			changedPrompt ? 'Chọn phương án đúng nhất.' : 'Chọn phương án đúng.',
			'',
			'- [ ] Sai một',
			'  > Chưa đúng.',
			'- [x] Đúng rồi',
			'- [ ] Sai hai',
			'- [ ] Sai ba',
			'',
			'> Giải thích.',
			'',
			'## Nhiều lựa chọn {#nhieu}',
			'',
			'- [x] A',
			'- [x] B',
			'- [ ] C',
			'',
			'## Đúng sai {#dung-sai}',
			'',
			'- [ ] Đúng',
			'- [x] Sai',
			'',
			'## Trả lời ngắn {#ngan ignoreDiacritics}',
			'',
			'= mại dâm',
			'',
			'## Nối {#noi points=2}',
			'',
			'- Bộ Y tế => Cơ quan chủ trì',
			'- Bộ Công an => Đấu tranh với tội phạm',
			'- Bộ Lao động => Hỗ trợ hoà nhập',
			'- => Cấp giấy phép karaoke',
			'',
			'## Sắp xếp {#sap-xep}',
			'',
			'1. Tiếp nhận',
			'2. Đánh giá nhu cầu',
			'3. Lập kế hoạch',
			''
		].join('\n')
	);
	expect(problems).toEqual([]);
	return quiz!;
}

let db: Db;
let nextUser = 0;
const learner = () => insertUser(db, { username: `hv.${++nextUser}`, displayName: 'Học viên', password: '', role: 'learner' }, HASH).id;
const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as T;
/** The database's size in bytes: its pages in use. */
const bytesUsed = () =>
	((db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number)) *
	(db.pragma('page_size', { simple: true }) as number);

function quizActivity(quiz: Quiz): number {
	return syncCatalog(db, [testCourse([{ ...lessonModule('mot', 1), quiz }])], T0).get(activityKey('khoa-thu', 'mot', 'quiz'))!;
}

function start(activity: number, quiz: Quiz, seed: string, userId = learner()) {
	const result = startAttempt(db, userId, activity, quiz, T0, seededRandom(seed));
	if (!result.ok) throw new Error(result.reason);
	return result.attempt;
}

beforeEach(() => {
	db = openDatabase(':memory:');
});
afterEach(() => db.close());

describe('questions stored once, attempts keep their draw', () => {
	it('gives back every attempt exactly as drawn, for every question type and shuffle', () => {
		const quiz = everyType();
		const activity = quizActivity(quiz);
		for (let i = 0; i < 30; i++) {
			const attempt = start(activity, quiz, `ban-${i}`);
			const read = getAttempt(db, attempt.id)!;
			expect(read.questions).toEqual(attempt.questions);
			// and JSON-identical, as the old snapshot column held it
			expect(JSON.stringify(read.questions.map(sortedKeys))).toBe(JSON.stringify(attempt.questions.map(sortedKeys)));
			expect(getAttemptQuestions(db, attempt.id, ['noi', 'mot'])).toEqual(
				attempt.questions.filter((q) => q.id === 'noi' || q.id === 'mot')
			);
		}
		// six questions, however many attempts
		expect(one<number>('SELECT count(*) FROM quiz_question')).toBe(6);
	});

	it('stores the final assessment’s questions once: a start adds at most 3 KB to the database', () => {
		const catalog = buildCatalog(db, COURSES, T0);
		const course = findCourse(catalog, 'phong-chong-mai-dam')!;
		const module = findModule(course, 'kiem-tra-cuoi-khoa')!;
		const quiz = module.quiz!;
		const activity = quizActivityId(catalog, course, module)!;
		expect([quiz.settings.questionsPerAttempt, quiz.questions.length]).toEqual([20, 42]);
		const users = Array.from({ length: 200 }, learner);
		// the first learners store the questions they are the first to be shown
		for (const userId of users.slice(0, 50)) start(activity, quiz, `dau-${userId}`, userId);
		expect(one<number>('SELECT count(*) FROM quiz_question')).toBe(42);

		const before = bytesUsed();
		const attempts = users.slice(50).map((userId) => start(activity, quiz, `sau-${userId}`, userId));
		const perAttempt = (bytesUsed() - before) / attempts.length;
		// today 31.4 KB each: the whole rendered snapshot (issue 21)
		expect(perAttempt).toBeLessThanOrEqual(3 * 1024);
		expect(one<number>('SELECT count(*) FROM quiz_question')).toBe(42);
		// one stored question per question id: the same question across attempts is stored once
		expect(one<number>('SELECT count(DISTINCT question) FROM quiz_attempt_question')).toBe(42);
		expect(one<number>('SELECT count(DISTINCT question_id) FROM quiz_question')).toBe(42);
		for (const attempt of attempts.slice(0, 20)) expect(getAttempt(db, attempt.id)!.questions).toEqual(attempt.questions);
	});

	it('stores an edited question anew; attempts made before keep the question they showed', () => {
		const before = everyType();
		const activity = quizActivity(before);
		const old = start(activity, before, 'truoc');
		submitAttempt(db, old.id, new Map(), T0 + 60_000);
		const oldRead = getAttempt(db, old.id)!;

		const after = everyType(true);
		expect(quizActivity(after)).toBe(activity);
		const fresh = start(activity, after, 'sau');
		// one new stored question: the edited one; the five others are shared
		expect(one<number>('SELECT count(*) FROM quiz_question')).toBe(7);
		const shown = (attemptId: number) =>
			db
				.prepare(
					'SELECT q.question_id, a.question FROM quiz_attempt_question a JOIN quiz_question q ON q.id = a.question WHERE a.attempt_id = ? ORDER BY q.question_id'
				)
				.all(attemptId) as {
				question_id: string;
				question: number;
			}[];
		const [a, b] = [shown(old.id), shown(fresh.id)];
		expect(a.filter((row, i) => row.question !== b[i]!.question).map((row) => row.question_id)).toEqual(['mot']);

		expect(getAttempt(db, old.id)).toEqual(oldRead);
		expect(getAttempt(db, old.id)!.questions.find((q) => q.id === 'mot')!.promptHtml).toContain('Chọn phương án đúng.');
		expect(getAttempt(db, fresh.id)!.questions.find((q) => q.id === 'mot')!.promptHtml).toContain('Chọn phương án đúng nhất.');
	});

	it('shares read questions between attempts, frozen so that no attempt can change another’s', () => {
		const quiz = everyType();
		const activity = quizActivity(quiz);
		const [x, y] = [start(activity, quiz, 'x'), start(activity, quiz, 'y')];
		const [qx, qy] = [getAttempt(db, x.id)!.questions, getAttempt(db, y.id)!.questions];
		const noi = (qs: SnapshotQuestion[]) => qs.find((q) => q.id === 'noi')!;
		expect(noi(qx).pairs).toBe(noi(qy).pairs);
		expect(() => noi(qx).pairs.pop()).toThrow(TypeError);
		expect(parsedQuestionsHeld()).toBeLessThanOrEqual(PARSED_QUESTIONS_KEPT);
	});
});

describe('converting the snapshots of attempts made before (migration 015)', () => {
	it('splits a snapshot question and joins it back unchanged', () => {
		for (const question of drawSnapshot(everyType(), seededRandom('cu'))) {
			const json = JSON.stringify(question);
			const split = convertSnapshotQuestion(json);
			expect(joinQuestion(JSON.parse(split.body) as Question, split.order)).toEqual(JSON.parse(json));
			// the same stored form as a question drawn now
			expect(split.hash).toBe(splitQuestion(question).hash);
		}
	});

	it('refuses a question it could not give back unchanged', () => {
		const [question] = drawSnapshot(everyType(), seededRandom('cu')).filter((q) => q.id === 'noi');
		expect(() => convertSnapshotQuestion(JSON.stringify({ ...question, rightOrder: ['r-khong-co'] }))).toThrow(/cannot|not one of/);
		const [mot] = drawSnapshot(everyType(), seededRandom('cu')).filter((q) => q.id === 'mot');
		const twin = { ...mot!.choices[0]!, html: 'Cùng mã, khác nội dung' };
		expect(() => convertSnapshotQuestion(JSON.stringify({ ...mot, choices: [...mot!.choices, twin] }))).toThrow(/cannot be stored/);
	});
});

function sortedKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortedKeys);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortedKeys(v)]));
	}
	return value;
}
