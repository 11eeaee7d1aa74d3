import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { lessonActivityId, quizActivityId, syncCatalog, type Catalog } from '../courses/catalog';
import type { Course, Module } from '../courses/loader';
import { lessonModule, testCourse } from '../courses/test-courses';
import { openDatabase, type Db } from '../db/open';
import { createThread } from '../discussions/service';
import { closeExpiredAttempts, saveResponses, startAttempt } from '../quiz/attempts';
import { parseQuiz } from '../quiz/parse';
import type { Quiz } from '../quiz/types';
import { insertUser, type User } from '../users/service';
import { listMilestones, onMilestone, recordMissedMilestones, useCatalog, type Milestone } from './completion';
import { applyResult } from './record';
import { getTracking } from './service';

const T0 = Date.UTC(2025, 2, 1, 8);
const MINUTE = 60_000;

function quizOf(settings: string[] = []): Quiz {
	const { quiz } = parseQuiz(['---', 'title: Kiểm tra', 'passPercent: 50', ...settings, '---', '', '## Một {#mot}', '', '- [ ] A', '- [x] B', ''].join('\n'));
	return quiz!;
}

const withQuiz = (module: Module, quiz: Quiz): Module => ({ ...module, quiz });
const byPosting = (module: Module): Module => ({ ...module, completion: 'discussion' });

let passwordHash: string;
beforeAll(async () => {
	passwordHash = await hashPassword('hoa sen trong đầm');
});

let db: Db;
let lan: User;
let course: Course;
let catalog: Catalog;
let stopListening: (() => void) | undefined;

function load(c: Course): Catalog {
	course = c;
	catalog = { courses: [c], errors: [], loadedAt: T0, activityIds: syncCatalog(db, [c], T0), scorm: new Map(), scormRevision: '' };
	return catalog;
}

const moduleOf = (slug: string) => course.modules.find((m) => m.slug === slug)!;
const lesson = (slug: string) => lessonActivityId(catalog, course, moduleOf(slug));
const quiz = (slug: string) => quizActivityId(catalog, course, moduleOf(slug))!;
const complete = (activityId: number, at: number) => applyResult(db, lan.id, activityId, { completion: 'completed' }, at);
const grade = (activityId: number, percent: number, at: number) =>
	applyResult(
		db,
		lan.id,
		activityId,
		{ completion: 'completed', success: percent >= 50 ? 'passed' : 'failed', score: { raw: percent, min: 0, max: 100, scaled: percent / 100 } },
		at
	);

function milestoneEvents(userId = lan.id) {
	return db
		.prepare(`SELECT verb, result, created_at AS at FROM learning_event WHERE user_id = ? AND verb IN ('module_completed', 'course_completed') ORDER BY id`)
		.all(userId) as { verb: string; result: string; at: number }[];
}

beforeEach(() => {
	db = openDatabase(':memory:');
	lan = insertUser(db, { username: 'lan', displayName: 'Lan', password: '', role: 'learner' }, passwordHash);
	load(testCourse([withQuiz(lessonModule('mot', 1), quizOf()), lessonModule('hai', 2), byPosting(lessonModule('ba', 3))]));
	useCatalog(db, () => catalog);
});

afterEach(() => stopListening?.());

describe('module and course completion', () => {
	it('records a module once, when its last activity is done, in the same write', () => {
		complete(lesson('mot'), T0);
		expect(milestoneEvents()).toEqual([]);
		grade(quiz('mot'), 30, T0 + MINUTE);
		expect(milestoneEvents()).toEqual([]);
		grade(quiz('mot'), 80, T0 + 2 * MINUTE);
		grade(quiz('mot'), 90, T0 + 3 * MINUTE);
		complete(lesson('mot'), T0 + 4 * MINUTE);
		expect(milestoneEvents()).toEqual([
			{ verb: 'module_completed', result: JSON.stringify({ course: 'khoa-thu', module: 'mot' }), at: T0 + 2 * MINUTE }
		]);
		expect(listMilestones(db, lan.id)).toEqual([{ courseId: 'khoa-thu', moduleSlug: 'mot', achievedAt: T0 + 2 * MINUTE }]);
	});

	it('records the course once, after its last module, whatever order the modules are done in', () => {
		complete(lesson('hai'), T0);
		createThread(db, { board: { courseId: 'khoa-thu', moduleSlug: 'ba' }, cohortId: null, authorId: lan.id, title: 'Chia sẻ', bodyMd: 'Kinh nghiệm ở xã tôi' }, T0 + MINUTE);
		complete(lesson('mot'), T0 + 2 * MINUTE);
		grade(quiz('mot'), 100, T0 + 3 * MINUTE);
		grade(quiz('mot'), 100, T0 + 4 * MINUTE);
		expect(milestoneEvents().map((e) => [e.verb, JSON.parse(e.result).module, e.at])).toEqual([
			['module_completed', 'hai', T0],
			['module_completed', 'ba', T0 + MINUTE],
			['module_completed', 'mot', T0 + 3 * MINUTE],
			['course_completed', null, T0 + 3 * MINUTE]
		]);
	});

	it('completes a discussion module by a post on its board, not by a post elsewhere', () => {
		const post = (moduleSlug: string | null, at: number) =>
			createThread(db, { board: { courseId: 'khoa-thu', moduleSlug }, cohortId: null, authorId: lan.id, title: 'Hỏi', bodyMd: 'Nội dung' }, at);
		post(null, T0);
		post('hai', T0 + MINUTE);
		expect(getTracking(db, lan.id, lesson('ba'))).toBeNull();
		expect(getTracking(db, lan.id, lesson('hai'))).toBeNull();
		post('ba', T0 + 2 * MINUTE);
		expect(getTracking(db, lan.id, lesson('ba'))).toMatchObject({ completionStatus: 'completed', completedAt: T0 + 2 * MINUTE });
		expect(listMilestones(db, lan.id)).toEqual([{ courseId: 'khoa-thu', moduleSlug: 'ba', achievedAt: T0 + 2 * MINUTE }]);
	});

	it('follows the course rule: a submitted quiz is enough when the course says quiz-submitted', () => {
		load({ ...course, moduleCompletion: 'quiz-submitted' });
		complete(lesson('mot'), T0);
		grade(quiz('mot'), 10, T0 + MINUTE);
		expect(listMilestones(db, lan.id).map((m) => m.moduleSlug)).toEqual(['mot']);
	});

	it('completes through the deadline sweep closing a passing timed attempt', () => {
		load(testCourse([withQuiz(lessonModule('mot', 1), quizOf(['timeLimitMinutes: 1']))]));
		complete(lesson('mot'), T0);
		const started = startAttempt(db, lan.id, quiz('mot'), moduleOf('mot').quiz!, T0, () => 0);
		if (!started.ok) throw new Error('not started');
		const right = started.attempt.questions[0]!.choices.find((c) => c.html === 'B')!.id;
		saveResponses(db, started.attempt.id, new Map([['mot', { type: 'single', choice: right }]]), T0 + 30_000);
		expect(closeExpiredAttempts(db, T0 + 10 * MINUTE)).toBe(1);
		expect(milestoneEvents().map((e) => e.verb)).toEqual(['module_completed', 'course_completed']);
	});

	it('derives nothing for a database whose catalog was never bound', () => {
		const other = openDatabase(':memory:');
		const minh = insertUser(other, { username: 'minh', displayName: 'Minh', password: '', role: 'learner' }, passwordHash);
		const ids = syncCatalog(other, [course], T0);
		applyResult(other, minh.id, ids.get('khoa-thu/hai/lesson')!, { completion: 'completed' }, T0);
		expect(listMilestones(other, minh.id)).toEqual([]);
	});
});

describe('onMilestone', () => {
	it('tells listeners of each milestone once, inside the write', () => {
		const heard: Milestone[] = [];
		stopListening = onMilestone((_db, milestone) => heard.push(milestone));
		complete(lesson('hai'), T0);
		complete(lesson('hai'), T0 + MINUTE);
		expect(heard).toEqual([{ userId: lan.id, course, module: moduleOf('hai'), achievedAt: T0 }]);
	});

	it('undoes the write that reached the milestone when a listener fails', () => {
		stopListening = onMilestone(() => {
			throw new Error('certificate store is full');
		});
		expect(() => complete(lesson('hai'), T0)).toThrow('certificate store is full');
		expect(getTracking(db, lan.id, lesson('hai'))).toBeNull();
		expect(listMilestones(db, lan.id)).toEqual([]);
	});
});

describe('the course completion rule', () => {
	const rule = (completion: Partial<Course['completion']>) => load({ ...course, completion: { ...course.completion, ...completion } });
	const courseMilestone = () => listMilestones(db, lan.id).find((m) => m.moduleSlug === null);
	const finishModulesHaiAndBa = (at: number) => {
		complete(lesson('hai'), at);
		createThread(db, { board: { courseId: 'khoa-thu', moduleSlug: 'ba' }, cohortId: null, authorId: lan.id, title: 'Chia sẻ', bodyMd: 'Ở xã tôi' }, at);
	};

	it('needs only the modules it lists', () => {
		rule({ modules: ['hai'] });
		complete(lesson('hai'), T0);
		expect(courseMilestone()).toEqual({ courseId: 'khoa-thu', moduleSlug: null, achievedAt: T0 });
	});

	it('needs the final assessment passed: a pass completes the course at that moment, a fail does not', () => {
		rule({ modules: ['hai', 'ba'], finalAssessment: 'mot' });
		finishModulesHaiAndBa(T0);
		expect(courseMilestone()).toBeUndefined();
		grade(quiz('mot'), 20, T0 + MINUTE);
		expect(courseMilestone()).toBeUndefined();
		grade(quiz('mot'), 70, T0 + 2 * MINUTE);
		// module mot is not complete (its lesson unread), but the rule does not ask for it
		expect(courseMilestone()).toEqual({ courseId: 'khoa-thu', moduleSlug: null, achievedAt: T0 + 2 * MINUTE });
	});

	it('needs the study time: time credited after everything else completes the course then, once', () => {
		rule({ modules: ['hai'], minStudyMinutes: 10 });
		applyResult(db, lan.id, lesson('hai'), { completion: 'completed', addTimeMs: 4 * MINUTE }, T0);
		expect(courseMilestone()).toBeUndefined();
		applyResult(db, lan.id, lesson('mot'), { addTimeMs: 5 * MINUTE }, T0 + 5 * MINUTE);
		expect(courseMilestone()).toBeUndefined();
		applyResult(db, lan.id, lesson('mot'), { addTimeMs: MINUTE }, T0 + 6 * MINUTE);
		expect(courseMilestone()).toEqual({ courseId: 'khoa-thu', moduleSlug: null, achievedAt: T0 + 6 * MINUTE });
		applyResult(db, lan.id, lesson('mot'), { addTimeMs: MINUTE }, T0 + 7 * MINUTE);
		expect(milestoneEvents().filter((e) => e.verb === 'course_completed')).toHaveLength(1);
	});
});

describe('recordMissedMilestones', () => {
	it('records completions the rows show but nobody recorded, dated when they happened, once', () => {
		const unbound = openDatabase(':memory:');
		const minh = insertUser(unbound, { username: 'minh', displayName: 'Minh', password: '', role: 'learner' }, passwordHash);
		const before = db;
		db = unbound;
		load(testCourse([lessonModule('hai', 1), lessonModule('bon', 2)]));
		applyResult(db, minh.id, lesson('hai'), { completion: 'completed' }, T0);
		applyResult(db, minh.id, lesson('bon'), { completion: 'completed' }, T0 + 5 * MINUTE);
		expect(listMilestones(db, minh.id)).toEqual([]);

		expect(recordMissedMilestones(db, catalog)).toBe(3);
		expect(recordMissedMilestones(db, catalog)).toBe(0);
		expect(listMilestones(db, minh.id)).toEqual([
			{ courseId: 'khoa-thu', moduleSlug: 'hai', achievedAt: T0 },
			{ courseId: 'khoa-thu', moduleSlug: null, achievedAt: T0 + 5 * MINUTE },
			{ courseId: 'khoa-thu', moduleSlug: 'bon', achievedAt: T0 + 5 * MINUTE }
		]);
		expect(milestoneEvents(minh.id).map((e) => e.verb)).toEqual(['module_completed', 'module_completed', 'course_completed']);
		db = before;
	});
});
