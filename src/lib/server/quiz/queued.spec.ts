import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { activityKey, syncCatalog } from '../courses/catalog';
import { lessonModule, testCourse } from '../courses/test-courses';
import { openDatabase, type Db } from '../db/open';
import { insertUser, type User } from '../users/service';
import { getAttempt, savedResponses, startAttempt, submitAttempt, type Attempt } from './attempts';
import { parseQuiz } from './parse';
import { applyQueuedAnswers, lateAnswers, type QueuedAnswers } from './queued';
import type { Quiz, Response } from './types';

const T0 = Date.UTC(2025, 2, 1, 8);
const MINUTE = 60_000;

function quizOf(settings: string[] = []): Quiz {
	const { quiz } = parseQuiz(['---', 'title: Kiểm tra', 'passPercent: 50', ...settings, '---', '', '## Một {#mot}', '', '- [ ] A', '- [x] B', '', '## Hai {#hai}', '', '= mại dâm', ''].join('\n'));
	return quiz!;
}

const quiz = quizOf();
const choice = (text: string) => quiz.questions.find((q) => q.id === 'mot')!.choices.find((c) => c.html === text)!.id;
const mot = (text: string): [string, Response] => ['mot', { type: 'single', choice: choice(text) }];
const hai = (text: string): [string, Response] => ['hai', { type: 'short', text }];

let passwordHash: string;
beforeAll(async () => {
	passwordHash = await hashPassword('hoa sen trong đầm');
});

let db: Db;
let lan: User;
let attempt: Attempt;

function begin(q: Quiz) {
	const ids = syncCatalog(db, [testCourse([{ ...lessonModule('mot', 1), quiz: q }])], T0);
	const started = startAttempt(db, lan.id, ids.get(activityKey('khoa-thu', 'mot', 'quiz'))!, q, T0, () => 0);
	if (!started.ok) throw new Error('not started');
	return started.attempt;
}

beforeEach(() => {
	db = openDatabase(':memory:');
	lan = insertUser(db, { username: 'lan', displayName: 'Lan', password: '', role: 'learner' }, passwordHash);
	attempt = begin(quiz);
});
afterEach(() => db.close());

const save = (op: string, seq: number, ...responses: [string, Response | null][]): QueuedAnswers => ({
	op,
	kind: 'save',
	device: 'phone-lan',
	seq,
	responses: new Map(responses),
	takenAt: T0 + seq * MINUTE
});
const saved = () => Object.fromEntries(savedResponses(db, attempt.id));

describe('quiz answers queued offline', () => {
	it('out of order delivery: the newer save wins, the older arriving later changes nothing', () => {
		const older = save('save-0000001', 1, mot('A'), ['hai', null]);
		const newer = save('save-0000002', 2, mot('B'), hai('mại dâm'));
		expect(applyQueuedAnswers(db, lan.id, attempt.id, newer, T0 + 10 * MINUTE)).toEqual({ saved: true });
		expect(applyQueuedAnswers(db, lan.id, attempt.id, older, T0 + 11 * MINUTE)).toEqual({ stale: true });
		expect(saved()).toEqual({ mot: mot('B')[1], hai: hai('mại dâm')[1] });
	});

	it('a save delivered twice is applied once', () => {
		const first = save('save-0000001', 1, mot('A'));
		applyQueuedAnswers(db, lan.id, attempt.id, first, T0 + 10 * MINUTE);
		// an answer given online since then is not overwritten by the duplicate
		applyQueuedAnswers(db, lan.id, attempt.id, save('save-0000002', 2, mot('B')), T0 + 11 * MINUTE);
		expect(applyQueuedAnswers(db, lan.id, attempt.id, first, T0 + 12 * MINUTE)).toEqual({ saved: true });
		expect(saved()).toEqual({ mot: mot('B')[1] });
	});

	it('a submission grades the attempt once; delivered again it answers the stored result', () => {
		const submit: QueuedAnswers = { ...save('submit-000001', 3, mot('B'), hai('mại dâm')), kind: 'submit' };
		const first = applyQueuedAnswers(db, lan.id, attempt.id, submit, T0 + 10 * MINUTE);
		expect(first).toEqual({ submitted: true, percent: 100, passed: true });
		expect(applyQueuedAnswers(db, lan.id, attempt.id, submit, T0 + 20 * MINUTE)).toEqual(first);
		expect(getAttempt(db, attempt.id)!.submittedAt).toBe(T0 + 10 * MINUTE);
		expect(lateAnswers(db, [attempt.id])).toEqual([]);
	});

	it('an attempt closed meanwhile takes nothing: the answers are kept as a late record', () => {
		submitAttempt(db, attempt, new Map([mot('A')]), T0 + 5 * MINUTE);
		const result = applyQueuedAnswers(db, lan.id, attempt.id, save('save-0000009', 9, mot('B'), ['hai', null]), T0 + 30 * MINUTE);
		expect(result).toEqual({ late: true, closedBy: 'learner' });
		expect(saved()).toEqual({ mot: mot('A')[1] });
		expect(getAttempt(db, attempt.id)!.percent).toBe(0);
		expect(lateAnswers(db, [attempt.id])).toEqual([
			{ id: 1, attemptId: attempt.id, responses: new Map([mot('B')]), takenAt: T0 + 9 * MINUTE, receivedAt: T0 + 30 * MINUTE }
		]);
	});

	it('an attempt whose deadline passed meanwhile is closed as the deadline’s, the answers kept as late', () => {
		db.close();
		db = openDatabase(':memory:');
		lan = insertUser(db, { username: 'lan', displayName: 'Lan', password: '', role: 'learner' }, passwordHash);
		attempt = begin(quizOf(['timeLimitMinutes: 10']));
		const result = applyQueuedAnswers(db, lan.id, attempt.id, save('save-0000001', 1, mot('B')), T0 + 60 * MINUTE);
		expect(result).toEqual({ late: true, closedBy: 'deadline' });
		expect(getAttempt(db, attempt.id)!.status).toBe('submitted');
		expect(lateAnswers(db, [attempt.id])).toHaveLength(1);
	});
});
