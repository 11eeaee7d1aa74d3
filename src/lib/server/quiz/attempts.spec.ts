import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { activityKey, syncCatalog } from '../courses/catalog';
import { lessonModule, testCourse } from '../courses/test-courses';
import { openDatabase, type Db } from '../db/open';
import { getTracking } from '../tracking/service';
import { insertUser, type User } from '../users/service';
import {
	closedByAt,
	closeExpiredAttempts,
	COUNTDOWN_EARLY_MS,
	DEADLINE_GRACE_MS,
	getAttempt,
	getAttemptQuestions,
	listAttempts,
	savedResponses,
	saveResponses,
	savedFromElsewhere,
	startAttempt,
	submitAttempt,
	UNTIMED_ATTEMPT_TIME_CAP_MS,
	type Attempt
} from './attempts';
import { parseQuiz } from './parse';
import type { Random } from './snapshot';
import type { Quiz, Response } from './types';

const T0 = Date.UTC(2025, 2, 1, 8);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** A quiz of 4 points: `mot` (1, right answer B), `hai` (2, "mại dâm"), `ba` (1, x then y). */
function quizOf(settings: string[] = [], correct: 'A' | 'B' = 'B'): Quiz {
	const { quiz, problems } = parseQuiz(
		[
			'---',
			'title: Kiểm tra học phần',
			'passPercent: 60',
			...settings,
			'---',
			'',
			'## Một {#mot}',
			'',
			`- [${correct === 'A' ? 'x' : ' '}] A`,
			`- [${correct === 'B' ? 'x' : ' '}] B`,
			'',
			'## Hai {#hai points=2}',
			'',
			'= mại dâm',
			'',
			'## Ba {#ba}',
			'',
			'1. x',
			'2. y',
			''
		].join('\n')
	);
	expect(problems).toEqual([]);
	return quiz!;
}

const quiz = quizOf();
const question = (q: Quiz, id: string) => q.questions.find((x) => x.id === id)!;
const choiceId = (text: string) => question(quiz, 'mot').choices.find((c) => c.html === text)!.id;
const stepId = (text: string) => question(quiz, 'ba').steps.find((s) => s.html === text)!.id;

const ANSWERS = {
	motRight: ['mot', { type: 'single', choice: choiceId('B') }],
	motWrong: ['mot', { type: 'single', choice: choiceId('A') }],
	haiRight: ['hai', { type: 'short', text: 'Mại dâm' }],
	haiWrong: ['hai', { type: 'short', text: 'mai dam' }],
	baRight: ['ba', { type: 'ordering', order: [stepId('x'), stepId('y')] }],
	baWrong: ['ba', { type: 'ordering', order: [stepId('y'), stepId('x')] }]
} satisfies Record<string, [string, Response]>;
type AnswerName = keyof typeof ANSWERS;

function answers(...names: (AnswerName | [string, null])[]): Map<string, Response | null> {
	return new Map<string, Response | null>(names.map((name) => (typeof name === 'string' ? ANSWERS[name] : name)));
}
const ALL_RIGHT = answers('motRight', 'haiRight', 'baRight');
/** 1 + 0 + 1 of 4: 50 % */
const HALF = answers('motRight', 'haiWrong', 'baRight');
const NONE_RIGHT = answers('motWrong', 'haiWrong', 'baWrong');

/** A generator that never shuffles, to keep snapshots readable. */
const noShuffle: Random = () => 0;

interface EventRow {
	verb: string;
	result: string | null;
	created_at: number;
}

function events(db: Db, userId: number, verb?: string): EventRow[] {
	const rows = db
		.prepare('SELECT verb, result, created_at FROM learning_event WHERE user_id = ? ORDER BY id')
		.all(userId) as EventRow[];
	return verb ? rows.filter((r) => r.verb === verb) : rows;
}

interface ResponseRow {
	question_id: string;
	response: string;
	saved_at: number;
	score: number | null;
	max_score: number | null;
	correct: number | null;
}

/** How many times a learner's attempts were graded: one 'passed' or 'failed' event each. */
const gradings = (db: Db, userId: number) => events(db, userId, 'passed').length + events(db, userId, 'failed').length;

function responseRows(db: Db, attemptId: number): ResponseRow[] {
	return db
		.prepare(
			'SELECT question_id, response, saved_at, score, max_score, correct FROM quiz_response WHERE attempt_id = ? ORDER BY question_id'
		)
		.all(attemptId) as ResponseRow[];
}

function attemptRow(db: Db, id: number) {
	return db.prepare('SELECT * FROM quiz_attempt WHERE id = ?').get(id) as Record<string, unknown>;
}

const count = (db: Db, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

// One argon2 hash for the whole file: users are inserted with it, which keeps the tests fast.
let passwordHash: string;
beforeAll(async () => {
	passwordHash = await hashPassword('hoa sen trong đầm');
});

function addLearner(db: Db, username: string): User {
	return insertUser(db, { username, displayName: username, password: '', role: 'learner' }, passwordHash);
}

/** Course `khoa-thu` with module `mot` holding `moduleQuiz`; returns the quiz's activity id. */
function addQuizActivity(db: Db, moduleQuiz: Quiz, moduleSlug = 'mot', number = 1): number {
	const ids = syncCatalog(db, [testCourse([{ ...lessonModule(moduleSlug, number), quiz: moduleQuiz }])], T0);
	return ids.get(activityKey('khoa-thu', moduleSlug, 'quiz'))!;
}

let db: Db;
let lan: User;
let activity: number;

beforeEach(() => {
	db = openDatabase(':memory:');
	lan = addLearner(db, 'lan');
	activity = addQuizActivity(db, quiz);
});

afterEach(() => db.close());

function start(q: Quiz = quiz, now = T0, userId = lan.id, activityId = activity): Attempt {
	const result = startAttempt(db, userId, activityId, q, now, noShuffle);
	if (!result.ok) throw new Error(`could not start: ${result.reason}`);
	return result.attempt;
}

describe('startAttempt', () => {
	it('creates attempt 1 with the snapshot of the questions, untimed', () => {
		const result = startAttempt(db, lan.id, activity, quiz, T0, noShuffle);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.resumed).toBe(false);
		const attempt = result.attempt;
		expect(attempt).toMatchObject({
			userId: lan.id,
			activityId: activity,
			number: 1,
			status: 'open',
			startedAt: T0,
			deadlineAt: null,
			submittedAt: null,
			closedBy: null,
			passPercent: 60,
			grading: 'highest',
			score: null,
			maxScore: null,
			percent: null,
			passed: null
		});
		expect(attempt.questions.map((q) => q.id)).toEqual(['mot', 'hai', 'ba']);
		// the snapshot holds the answers, for grading on the server
		expect(attempt.questions[0]!.choices.find((c) => c.correct)!.id).toBe(choiceId('B'));
		expect(attempt.questions[2]!.stepOrder).toHaveLength(2);

		const row = attemptRow(db, attempt.id);
		expect(row).toMatchObject({ number: 1, status: 'open', started_at: T0, deadline_at: null, quiz_hash: quiz.contentHash });
		expect(row).not.toHaveProperty('questions');
		// read back from the stored questions and the attempt's draw: the questions as drawn
		expect(getAttempt(db, attempt.id)).toEqual(attempt);

		const launched = events(db, lan.id, 'launched');
		expect(launched).toHaveLength(1);
		expect(JSON.parse(launched[0]!.result!)).toEqual({ attempt: 1 });
	});

	it('sets a deadline when the quiz is timed (fractions of a minute too)', () => {
		const timed = quizOf(['timeLimitMinutes: 0.5']);
		const attempt = start(timed);
		expect(attempt.deadlineAt).toBe(T0 + 30 * SECOND);
		expect(attemptRow(db, attempt.id).deadline_at).toBe(T0 + 30 * SECOND);
	});

	it('resumes the open attempt instead of starting another', () => {
		const first = start();
		const again = startAttempt(db, lan.id, activity, quiz, T0 + MINUTE, noShuffle);
		expect(again).toMatchObject({ ok: true, resumed: true });
		expect(again.ok && again.attempt).toEqual(first);
		expect(count(db, 'SELECT count(*) AS n FROM quiz_attempt')).toBe(1);
		expect(events(db, lan.id, 'launched')).toHaveLength(1);
	});

	it('starts attempt 2 after attempt 1 is submitted', () => {
		const first = start();
		submitAttempt(db, first.id, HALF, T0 + MINUTE);
		const second = start(quiz, T0 + 2 * MINUTE);
		expect(second.number).toBe(2);
		expect(second.id).not.toBe(first.id);
		expect(listAttempts(db, lan.id, activity).map((a) => [a.number, a.status])).toEqual([
			[2, 'open'],
			[1, 'submitted']
		]);
	});

	it('refuses a new attempt once maxAttempts are used up, but still resumes the last one', () => {
		const limited = quizOf(['maxAttempts: 2']);
		const first = start(limited);
		submitAttempt(db, first.id, NONE_RIGHT, T0 + MINUTE);
		const second = start(limited, T0 + 2 * MINUTE);
		expect(second.number).toBe(2);
		// the second attempt is open: coming back to it is fine
		expect(startAttempt(db, lan.id, activity, limited, T0 + 3 * MINUTE, noShuffle)).toMatchObject({
			ok: true,
			resumed: true
		});
		submitAttempt(db, second.id, NONE_RIGHT, T0 + 4 * MINUTE);
		expect(startAttempt(db, lan.id, activity, limited, T0 + 5 * MINUTE, noShuffle)).toEqual({
			ok: false,
			reason: 'noAttemptsLeft'
		});
		expect(count(db, 'SELECT count(*) AS n FROM quiz_attempt')).toBe(2);
		expect(events(db, lan.id, 'launched').filter((e) => e.result !== null)).toHaveLength(2);
	});

	it('refuses to start outside the cohort’s window, with why; resumes an attempt started inside it', () => {
		const window = { opensAt: T0 + 10 * MINUTE, closesAt: T0 + 70 * MINUTE };
		expect(startAttempt(db, lan.id, activity, quiz, T0, noShuffle, window)).toEqual({ ok: false, reason: 'notYetOpen' });
		expect(count(db, 'SELECT count(*) AS n FROM quiz_attempt')).toBe(0);
		const inside = startAttempt(db, lan.id, activity, quiz, T0 + 10 * MINUTE, noShuffle, window);
		expect(inside).toMatchObject({ ok: true, resumed: false });
		// untimed: the close is its deadline
		expect(inside.ok && inside.attempt.deadlineAt).toBe(T0 + 70 * MINUTE);
		expect(startAttempt(db, lan.id, activity, quiz, T0 + 69 * MINUTE, noShuffle, window)).toMatchObject({ ok: true, resumed: true });
		submitAttempt(db, inside.ok ? inside.attempt.id : 0, HALF, T0 + 20 * MINUTE);
		expect(startAttempt(db, lan.id, activity, quiz, T0 + 70 * MINUTE, noShuffle, window)).toEqual({ ok: false, reason: 'closed' });
		expect(count(db, 'SELECT count(*) AS n FROM quiz_attempt')).toBe(1);
	});

	it('a timed attempt started near the close ends at the close, one started early at its time limit', () => {
		const timed = quizOf(['timeLimitMinutes: 30']);
		const window = { opensAt: null, closesAt: T0 + 60 * MINUTE };
		const early = startAttempt(db, lan.id, activity, timed, T0, noShuffle, window);
		expect(early.ok && early.attempt.deadlineAt).toBe(T0 + 30 * MINUTE);
		submitAttempt(db, early.ok ? early.attempt.id : 0, HALF, T0 + MINUTE);
		const late = startAttempt(db, lan.id, activity, timed, T0 + 50 * MINUTE, noShuffle, window);
		expect(late.ok && late.attempt.deadlineAt).toBe(T0 + 60 * MINUTE);
	});

	it('counts attempts per learner and per quiz', () => {
		const limited = quizOf(['maxAttempts: 1']);
		const mai = addLearner(db, 'mai');
		submitAttempt(db, start(limited).id, HALF, T0 + MINUTE);
		expect(startAttempt(db, lan.id, activity, limited, T0 + 2 * MINUTE).ok).toBe(false);
		expect(start(limited, T0 + 2 * MINUTE, mai.id).number).toBe(1);
	});

	it('closes an open attempt whose deadline has passed, then starts the next', () => {
		const timed = quizOf(['timeLimitMinutes: 1']);
		const first = start(timed);
		saveResponses(db, first.id, answers('motRight'), T0 + 10 * SECOND);
		const later = T0 + MINUTE + DEADLINE_GRACE_MS + 1;
		const result = startAttempt(db, lan.id, activity, timed, later, noShuffle);
		expect(result).toMatchObject({ ok: true, resumed: false });
		expect(result.ok && result.attempt.number).toBe(2);
		expect(getAttempt(db, first.id)).toMatchObject({
			status: 'submitted',
			closedBy: 'deadline',
			submittedAt: T0 + MINUTE,
			score: 1,
			percent: 25
		});
	});
});

describe('saveResponses', () => {
	it('stores answers, replaces them on a later save, and removes blanks', () => {
		const attempt = start();
		expect(saveResponses(db, attempt.id, answers('motWrong', 'haiWrong'), T0 + SECOND)).toEqual({
			ok: true,
			savedAt: T0 + SECOND,
			otherSignIn: false
		});
		expect(saveResponses(db, attempt.id, answers('motRight'), T0 + 2 * SECOND)).toEqual({
			ok: true,
			savedAt: T0 + 2 * SECOND,
			otherSignIn: false
		});
		expect(responseRows(db, attempt.id)).toEqual([
			{ question_id: 'hai', response: JSON.stringify(ANSWERS.haiWrong[1]), saved_at: T0 + SECOND, score: null, max_score: null, correct: null },
			{ question_id: 'mot', response: JSON.stringify(ANSWERS.motRight[1]), saved_at: T0 + 2 * SECOND, score: null, max_score: null, correct: null }
		]);
		// a blank answer removes the saved one, and only that one
		saveResponses(db, attempt.id, answers(['hai', null]), T0 + 3 * SECOND);
		expect(responseRows(db, attempt.id).map((r) => r.question_id)).toEqual(['mot']);
		expect(savedResponses(db, attempt.id)).toEqual(new Map<string, Response>([ANSWERS.motRight]));
		// removing what was never saved is fine
		expect(saveResponses(db, attempt.id, answers(['ba', null]), T0 + 4 * SECOND).ok).toBe(true);
	});

	it('refuses, storing nothing, an answer to a question the attempt did not show (answers are stored by position)', () => {
		const attempt = start();
		expect(() => saveResponses(db, attempt.id, new Map([...answers('motRight'), ['khong-co', { type: 'short', text: 'x' }]]), T0 + SECOND)).toThrow(
			/has no question khong-co/
		);
		expect(responseRows(db, attempt.id)).toEqual([]);
	});

	it('the same attempt saved from two sign-ins: the last answer per question stays, and each save says whether the one before came from elsewhere', () => {
		const attempt = start();
		const PHONE = 111;
		const LAPTOP = 222;
		expect(saveResponses(db, attempt.id, answers('motWrong'), T0 + SECOND, PHONE)).toMatchObject({ ok: true, otherSignIn: false });
		expect(saveResponses(db, attempt.id, answers('haiRight'), T0 + 2 * SECOND, PHONE)).toMatchObject({ ok: true, otherSignIn: false });
		expect(savedFromElsewhere(db, attempt.id, PHONE)).toBe(false);
		expect(savedFromElsewhere(db, attempt.id, LAPTOP)).toBe(true);
		// the laptop's answer to the same question replaces the phone's: it arrived last
		expect(saveResponses(db, attempt.id, answers('motRight'), T0 + 3 * SECOND, LAPTOP)).toMatchObject({ ok: true, otherSignIn: true });
		expect(savedResponses(db, attempt.id)).toEqual(new Map<string, Response>([ANSWERS.haiRight, ANSWERS.motRight]));
		expect(saveResponses(db, attempt.id, answers('baRight'), T0 + 4 * SECOND, LAPTOP)).toMatchObject({ ok: true, otherSignIn: false });
		// back on the phone: told once
		expect(savedFromElsewhere(db, attempt.id, PHONE)).toBe(true);
		expect(saveResponses(db, attempt.id, answers('haiWrong'), T0 + 5 * SECOND, PHONE)).toMatchObject({ ok: true, otherSignIn: true });
		expect(saveResponses(db, attempt.id, answers('haiRight'), T0 + 6 * SECOND, PHONE)).toMatchObject({ ok: true, otherSignIn: false });
		// a save that names no sign-in (a submission's answers) changes nothing of this
		saveResponses(db, attempt.id, answers('baWrong'), T0 + 7 * SECOND);
		expect(savedFromElsewhere(db, attempt.id, PHONE)).toBe(false);
	});

	it('refuses to save into a submitted attempt', () => {
		const attempt = start();
		submitAttempt(db, attempt.id, HALF, T0 + MINUTE);
		expect(saveResponses(db, attempt.id, ALL_RIGHT, T0 + 2 * MINUTE)).toEqual({ ok: false, reason: 'closed' });
		expect(savedResponses(db, attempt.id)).toEqual(new Map(HALF as Map<string, Response>));
	});
});

describe('getAttemptQuestions', () => {
	it('reads only the named questions of the snapshot, as getAttempt has them, in its order', () => {
		const attempt = start();
		expect(getAttemptQuestions(db, attempt.id, ['ba', 'mot'])).toEqual([attempt.questions[0], attempt.questions[2]]);
		expect(getAttemptQuestions(db, attempt.id, ['hai', 'hai'])).toEqual([attempt.questions[1]]);
	});

	it('leaves out ids the attempt does not have, and another attempt\'s questions', () => {
		const attempt = start();
		expect(getAttemptQuestions(db, attempt.id, ['khong-co', "mot' OR 1=1 --"])).toEqual([]);
		expect(getAttemptQuestions(db, attempt.id, [])).toEqual([]);
		expect(getAttemptQuestions(db, attempt.id + 1000, ['mot'])).toEqual([]);
	});
});

describe('submitAttempt', () => {
	it('grades the attempt from the saved answers and those sent with it', () => {
		const attempt = start();
		saveResponses(db, attempt.id, answers('motRight', 'haiRight'), T0 + MINUTE);
		// the submission replaces hai and adds ba
		const result = submitAttempt(db, attempt.id, answers('haiWrong', 'baRight'), T0 + 5 * MINUTE);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.alreadySubmitted).toBe(false);
		expect(result.attempt).toMatchObject({
			status: 'submitted',
			closedBy: 'learner',
			submittedAt: T0 + 5 * MINUTE,
			score: 2,
			maxScore: 4,
			percent: 50,
			passed: false
		});
		expect(attemptRow(db, attempt.id)).toMatchObject({
			status: 'submitted',
			closed_by: 'learner',
			submitted_at: T0 + 5 * MINUTE,
			score: 2,
			max_score: 4,
			percent: 50,
			passed: 0
		});
	});

	it('marks each saved answer with its score', () => {
		const attempt = start();
		submitAttempt(db, attempt.id, answers('motRight', 'haiWrong'), T0 + MINUTE);
		expect(responseRows(db, attempt.id).map(({ question_id, score, max_score, correct }) => ({ question_id, score, max_score, correct }))).toEqual([
			{ question_id: 'hai', score: 0, max_score: 2, correct: 0 },
			{ question_id: 'mot', score: 1, max_score: 1, correct: 1 }
		]);
	});

	it('logs one passed or failed event; the answers and their grades stay in quiz_response only', () => {
		const attempt = start();
		submitAttempt(db, attempt.id, answers('motRight', 'haiRight'), T0 + MINUTE);
		// the log does not repeat what quiz_response holds (issue 21: 4.3 KB of 7.5 per attempt)
		expect(events(db, lan.id, 'answered')).toHaveLength(0);
		expect(responseRows(db, attempt.id).map(({ question_id, response, score, correct }) => ({ question_id, response: JSON.parse(response), score, correct }))).toEqual([
			{ question_id: 'hai', response: ANSWERS.haiRight[1], score: 2, correct: 1 },
			{ question_id: 'mot', response: ANSWERS.motRight[1], score: 1, correct: 1 }
		]);
		expect(events(db, lan.id, 'failed')).toHaveLength(0);
		const passed = events(db, lan.id, 'passed');
		expect(passed).toHaveLength(1);
		expect(JSON.parse(passed[0]!.result!)).toEqual({ attempt: 1, score: 3, maxScore: 4, percent: 75, closedBy: 'learner' });
	});

	it('logs failed below the pass mark', () => {
		submitAttempt(db, start().id, NONE_RIGHT, T0 + MINUTE);
		expect(events(db, lan.id, 'passed')).toHaveLength(0);
		expect(JSON.parse(events(db, lan.id, 'failed')[0]!.result!)).toMatchObject({ attempt: 1, score: 0, percent: 0 });
	});

	it('passes at exactly the pass mark', () => {
		const exact = { ...quiz, settings: { ...quiz.settings, passPercent: 50 } };
		const result = submitAttempt(db, start(exact).id, HALF, T0 + MINUTE);
		expect(result.ok && result.attempt).toMatchObject({ percent: 50, passed: true });
	});

	it('updates the tracking row: completed, passed, score, attempts, time', () => {
		const attempt = start();
		submitAttempt(db, attempt.id, ALL_RIGHT, T0 + 7 * MINUTE);
		expect(getTracking(db, lan.id, activity)).toMatchObject({
			completionStatus: 'completed',
			successStatus: 'passed',
			scoreRaw: 100,
			scoreMin: 0,
			scoreMax: 100,
			scoreScaled: 1,
			attempts: 1,
			totalTimeMs: 7 * MINUTE,
			completedAt: T0 + 7 * MINUTE
		});
	});

	it('records failed in tracking when the kept score is below the pass mark', () => {
		submitAttempt(db, start().id, HALF, T0 + MINUTE);
		expect(getTracking(db, lan.id, activity)).toMatchObject({
			completionStatus: 'completed',
			successStatus: 'failed',
			scoreRaw: 50,
			scoreScaled: 0.5,
			attempts: 1
		});
	});

	it('credits at most UNTIMED_ATTEMPT_TIME_CAP_MS for an untimed attempt', () => {
		submitAttempt(db, start().id, HALF, T0 + 5 * 60 * MINUTE);
		expect(getTracking(db, lan.id, activity)!.totalTimeMs).toBe(UNTIMED_ATTEMPT_TIME_CAP_MS);
	});

	// two attempts: the first scoring `first` %, the second `second` %; pass mark 60 %
	it.each([
		{ grading: 'highest', first: HALF, second: ALL_RIGHT, kept: 100, success: 'passed' },
		{ grading: 'highest', first: ALL_RIGHT, second: HALF, kept: 100, success: 'passed' },
		// a pass is never undone: a later failing attempt leaves the score the learner passed with
		{ grading: 'latest', first: ALL_RIGHT, second: HALF, kept: 100, success: 'passed' },
		{ grading: 'latest', first: HALF, second: ALL_RIGHT, kept: 100, success: 'passed' },
		{ grading: 'first', first: HALF, second: ALL_RIGHT, kept: 50, success: 'failed' },
		{ grading: 'average', first: HALF, second: ALL_RIGHT, kept: 75, success: 'passed' },
		{ grading: 'average', first: NONE_RIGHT, second: ALL_RIGHT, kept: 50, success: 'failed' }
	])('keeps the $grading score across attempts: $kept %, $success', ({ grading, first, second, kept, success }) => {
		const q = quizOf([`grading: ${grading}`]);
		submitAttempt(db, start(q).id, first, T0 + MINUTE);
		submitAttempt(db, start(q, T0 + 2 * MINUTE).id, second, T0 + 3 * MINUTE);
		expect(getTracking(db, lan.id, activity)).toMatchObject({
			completionStatus: 'completed',
			successStatus: success,
			scoreRaw: kept,
			scoreScaled: kept / 100,
			attempts: 2,
			totalTimeMs: 2 * MINUTE,
			// completed once, at the first submission
			completedAt: T0 + MINUTE
		});
	});

	it('is idempotent: submitting again returns the graded attempt and changes nothing', () => {
		const attempt = start();
		const first = submitAttempt(db, attempt.id, HALF, T0 + MINUTE);
		const eventsBefore = events(db, lan.id);
		const rowsBefore = responseRows(db, attempt.id);
		const trackingBefore = getTracking(db, lan.id, activity);

		const again = submitAttempt(db, attempt.id, ALL_RIGHT, T0 + 2 * MINUTE);
		expect(again).toEqual({ ok: true, attempt: first.ok && first.attempt, alreadySubmitted: true });
		expect(again.attempt).toMatchObject({ percent: 50, submittedAt: T0 + MINUTE });
		expect(events(db, lan.id)).toEqual(eventsBefore);
		expect(responseRows(db, attempt.id)).toEqual(rowsBefore);
		expect(getTracking(db, lan.id, activity)).toEqual(trackingBefore);
	});
});

describe('submitting the attempt the caller already read', () => {
	it('grades it without reading the snapshot again, and stays exactly-once', () => {
		const attempt = start();
		const first = submitAttempt(db, attempt, HALF, T0 + MINUTE);
		expect(first).toMatchObject({ ok: true, alreadySubmitted: false, attempt: { percent: 50, status: 'submitted' } });
		// the caller's copy still says open: the status is read afresh, so nothing is graded twice
		const again = submitAttempt(db, attempt, ALL_RIGHT, T0 + 2 * MINUTE);
		expect(again).toMatchObject({ ok: true, alreadySubmitted: true, attempt: { percent: 50 } });
		expect(events(db, lan.id, 'passed').length + events(db, lan.id, 'failed').length).toBe(1);
	});
});

describe('closedByAt: who closed an attempt the page submitted', () => {
	const timedAttempt = { deadlineAt: T0 + MINUTE };
	it('is the deadline only when the page says time is up and the server clock agrees', () => {
		expect(closedByAt(timedAttempt, true, T0 + MINUTE)).toBe('deadline');
		expect(closedByAt(timedAttempt, true, T0 + MINUTE - COUNTDOWN_EARLY_MS)).toBe('deadline');
		expect(closedByAt(timedAttempt, true, T0 + MINUTE - COUNTDOWN_EARLY_MS - 1)).toBe('learner');
		expect(closedByAt(timedAttempt, false, T0 + MINUTE)).toBe('learner');
		expect(closedByAt({ deadlineAt: null }, true, T0 + MINUTE)).toBe('learner');
	});
});

describe('deadlines', () => {
	const timed = quizOf(['timeLimitMinutes: 1']);
	const DEADLINE = T0 + MINUTE;

	it('refuses a save after the deadline and its grace, and closes the attempt at the deadline with what was saved in time', () => {
		const attempt = start(timed);
		expect(saveResponses(db, attempt.id, answers('motRight'), T0 + 30 * SECOND).ok).toBe(true);
		const late = DEADLINE + DEADLINE_GRACE_MS + 1;
		expect(saveResponses(db, attempt.id, answers('haiRight', 'baRight'), late)).toEqual({ ok: false, reason: 'expired' });

		expect(getAttempt(db, attempt.id)).toMatchObject({
			status: 'submitted',
			closedBy: 'deadline',
			submittedAt: DEADLINE,
			score: 1,
			maxScore: 4,
			percent: 25,
			passed: false
		});
		expect(attemptRow(db, attempt.id)).toMatchObject({ closed_by: 'deadline', submitted_at: DEADLINE, score: 1 });
		expect(responseRows(db, attempt.id).map((r) => r.question_id)).toEqual(['mot']);
		expect(JSON.parse(events(db, lan.id, 'failed')[0]!.result!)).toMatchObject({ closedBy: 'deadline', score: 1 });
		// time on task ends at the deadline
		expect(getTracking(db, lan.id, activity)).toMatchObject({ successStatus: 'failed', scoreRaw: 25, totalTimeMs: MINUTE });
		// and later saves find it closed
		expect(saveResponses(db, attempt.id, answers('haiRight'), late + SECOND)).toEqual({ ok: false, reason: 'closed' });
	});

	it('accepts saves and a submission that arrive within the grace', () => {
		const attempt = start(timed);
		expect(saveResponses(db, attempt.id, answers('motRight'), DEADLINE + 5 * SECOND)).toEqual({
			ok: true,
			savedAt: DEADLINE + 5 * SECOND,
			otherSignIn: false
		});
		expect(saveResponses(db, attempt.id, answers('haiRight'), DEADLINE + DEADLINE_GRACE_MS).ok).toBe(true);
		const result = submitAttempt(db, attempt.id, answers('baRight'), DEADLINE + DEADLINE_GRACE_MS);
		expect(result.ok).toBe(true);
		expect(result.attempt).toMatchObject({
			closedBy: 'learner',
			submittedAt: DEADLINE + DEADLINE_GRACE_MS,
			score: 4,
			percent: 100,
			passed: true
		});
	});

	it('submitAttempt past the deadline: expired, graded without the late answers', () => {
		const attempt = start(timed);
		saveResponses(db, attempt.id, answers('motRight', 'haiRight'), T0 + 50 * SECOND);
		const result = submitAttempt(db, attempt.id, answers('motWrong', 'baRight'), DEADLINE + DEADLINE_GRACE_MS + 1);
		expect(result.ok).toBe(false);
		expect(result).toMatchObject({ ok: false, reason: 'expired' });
		expect(result.attempt).toMatchObject({
			status: 'submitted',
			closedBy: 'deadline',
			submittedAt: DEADLINE,
			score: 3,
			percent: 75,
			passed: true
		});
		expect(getAttempt(db, attempt.id)).toEqual(result.attempt);
		expect(savedResponses(db, attempt.id)).toEqual(new Map<string, Response>([ANSWERS.motRight, ANSWERS.haiRight]));
		expect(gradings(db, lan.id)).toBe(1);
		// a retry of the same late request is answered from the stored grade
		expect(submitAttempt(db, attempt.id, ALL_RIGHT, DEADLINE + 2 * MINUTE)).toMatchObject({
			ok: true,
			alreadySubmitted: true,
			attempt: { score: 3 }
		});
		expect(gradings(db, lan.id)).toBe(1);
	});

	it('closeExpiredAttempts closes only open attempts past their deadline and grace', () => {
		const untimedActivity = syncCatalog(
			db,
			[testCourse([{ ...lessonModule('mot', 1), quiz: timed }, { ...lessonModule('hai', 2), quiz }])],
			T0
		).get(activityKey('khoa-thu', 'hai', 'quiz'))!;
		const mai = addLearner(db, 'mai');
		const hoa = addLearner(db, 'hoa');
		const binh = addLearner(db, 'binh');

		const expired = start(timed, T0, lan.id); // deadline T0 + 1 min
		saveResponses(db, expired.id, answers('motRight'), T0 + 10 * SECOND);
		const inGrace = start(timed, T0 + 10 * SECOND, mai.id); // deadline T0 + 70 s
		const untimed = start(quiz, T0 - 60 * MINUTE, hoa.id, untimedActivity);
		const submitted = start(timed, T0, binh.id);
		submitAttempt(db, submitted.id, HALF, T0 + 30 * SECOND);

		const now = DEADLINE + DEADLINE_GRACE_MS + 5 * SECOND; // T0 + 80 s
		expect(closeExpiredAttempts(db, now)).toBe(1);

		expect(getAttempt(db, expired.id)).toMatchObject({
			status: 'submitted',
			closedBy: 'deadline',
			submittedAt: DEADLINE,
			score: 1,
			percent: 25
		});
		expect(getAttempt(db, inGrace.id)).toMatchObject({ status: 'open', closedBy: null, score: null });
		expect(getAttempt(db, untimed.id)).toMatchObject({ status: 'open', closedBy: null });
		expect(getAttempt(db, submitted.id)).toMatchObject({ closedBy: 'learner', submittedAt: T0 + 30 * SECOND, percent: 50 });
		expect(events(db, lan.id, 'failed')).toHaveLength(1);
		expect(gradings(db, mai.id)).toBe(0);
		expect(gradings(db, binh.id)).toBe(1);

		// nothing left to close
		expect(closeExpiredAttempts(db, now + SECOND)).toBe(0);
		// the one in its grace goes once that is over
		expect(closeExpiredAttempts(db, T0 + 70 * SECOND + DEADLINE_GRACE_MS + 1)).toBe(1);
		expect(getAttempt(db, inGrace.id)).toMatchObject({ status: 'submitted', closedBy: 'deadline', submittedAt: T0 + 70 * SECOND, score: 0 });
		expect(getAttempt(db, untimed.id)!.status).toBe('open');
	});
});

describe('editing quiz.md', () => {
	it('never changes a finished attempt’s grade; an attempt in progress keeps its own questions', () => {
		const before = quizOf([], 'B');
		const first = start(before);
		submitAttempt(db, first.id, answers('motRight', 'haiRight', 'baRight'), T0 + MINUTE);
		const mai = addLearner(db, 'mai');
		const inProgress = start(before, T0 + MINUTE, mai.id);

		// the author changes the right answer of `mot` from B to A
		const after = quizOf([], 'A');
		expect(after.contentHash).not.toBe(before.contentHash);
		expect(addQuizActivity(db, after)).toBe(activity);

		const firstRow = attemptRow(db, first.id);
		expect(firstRow).toMatchObject({ score: 4, percent: 100, passed: 1, quiz_hash: before.contentHash });

		// a new attempt uses the edited quiz: B is now wrong
		const second = start(after, T0 + 2 * MINUTE);
		const graded = submitAttempt(db, second.id, answers('motRight', 'haiRight', 'baRight'), T0 + 3 * MINUTE);
		expect(graded.attempt).toMatchObject({ score: 3, percent: 75 });
		expect(attemptRow(db, second.id).quiz_hash).toBe(after.contentHash);

		// the finished attempt is untouched, and the kept (highest) score still counts it
		expect(attemptRow(db, first.id)).toEqual(firstRow);
		expect(getTracking(db, lan.id, activity)).toMatchObject({ scoreRaw: 100, attempts: 2 });

		// mai started before the edit: B is still right for her
		const hers = submitAttempt(db, inProgress.id, answers('motRight', 'haiRight', 'baRight'), T0 + 4 * MINUTE);
		expect(hers.attempt).toMatchObject({ score: 4, percent: 100 });
	});
});

describe('two connections at once', () => {
	let dir: string;
	let dbA: Db;
	let dbB: Db;

	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'taphuan-quiz-'));
		dbA = openDatabase(join(dir, 'taphuan.db'));
		dbB = openDatabase(join(dir, 'taphuan.db'));
	});

	afterEach(() => {
		dbA.close();
		dbB.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('submitting the same attempt from two connections grades it once', () => {
		const user = addLearner(dbA, 'lan');
		const quizActivity = addQuizActivity(dbA, quiz);
		const started = startAttempt(dbA, user.id, quizActivity, quiz, T0, noShuffle);
		if (!started.ok) throw new Error('not started');
		const id = started.attempt.id;
		// the second connection sees the open attempt
		expect(getAttempt(dbB, id)!.status).toBe('open');

		const fromB = submitAttempt(dbB, id, HALF, T0 + MINUTE);
		const fromA = submitAttempt(dbA, id, ALL_RIGHT, T0 + MINUTE + 100);

		expect(fromB).toMatchObject({ ok: true, alreadySubmitted: false, attempt: { percent: 50 } });
		expect(fromA).toMatchObject({ ok: true, alreadySubmitted: true, attempt: { percent: 50, submittedAt: T0 + MINUTE } });
		for (const db of [dbA, dbB]) {
			expect(count(db, `SELECT count(*) AS n FROM quiz_attempt WHERE status = 'submitted'`)).toBe(1);
			expect(events(db, user.id, 'failed')).toHaveLength(1);
			expect(events(db, user.id, 'passed')).toHaveLength(0);
			expect(getTracking(db, user.id, quizActivity)).toMatchObject({ scoreRaw: 50, attempts: 1 });
		}
		expect(savedResponses(dbA, id)).toEqual(new Map(HALF as Map<string, Response>));
	});

	it('starting from two connections gives one open attempt', () => {
		const user = addLearner(dbA, 'lan');
		const quizActivity = addQuizActivity(dbA, quiz);
		const a = startAttempt(dbA, user.id, quizActivity, quiz, T0, noShuffle);
		const b = startAttempt(dbB, user.id, quizActivity, quiz, T0 + 10, noShuffle);
		expect(a).toMatchObject({ ok: true, resumed: false });
		expect(b).toMatchObject({ ok: true, resumed: true });
		expect(a.ok && b.ok && b.attempt.id === a.attempt.id).toBe(true);
		expect(count(dbB, 'SELECT count(*) AS n FROM quiz_attempt')).toBe(1);
	});
});
