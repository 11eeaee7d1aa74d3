import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, findCourse, lessonActivityId, quizActivityId, type Catalog } from '../courses/catalog';
import type { Course } from '../courses/loader';
import { openDatabase, type Db } from '../db/open';
import { retryAfterMs } from '../auth/throttle';
import { searchPosts } from '../discussions/service';
import { getAttemptQuestions } from '../quiz/attempts';
import type { SnapshotQuestion } from '../quiz/snapshot';
import type { Response } from '../quiz/types';
import { learnerCourseProgress } from '../tracking/course-progress';
import { insertUser } from '../users/service';
import { demoCohortCodes, demoConflicts, demoUsername, generateDemo, type DemoOptions, type DemoSummary } from './generate';
import { DAY } from './plan';

const COURSES = new URL('../../../../courses', import.meta.url).pathname;
const TEST_COURSES = new URL('../../../../tests/e2e/courses', import.meta.url).pathname;
const NOW = Date.UTC(2026, 2, 2, 3);
// any text does: nobody signs in here, and argon2 would only slow the tests down
const HASH = '$argon2id$not-a-real-hash';

interface Demo {
	db: Db;
	catalog: Catalog;
	course: Course;
	summary: DemoSummary;
}

function demo(options: Partial<DemoOptions> = {}, coursesDir = COURSES, slug = 'phong-chong-mai-dam'): Demo {
	const db = openDatabase(':memory:');
	const catalog = buildCatalog(db, coursesDir, NOW - 40 * DAY);
	const course = findCourse(catalog, slug)!;
	const summary = generateDemo(db, catalog, course, {
		learners: 50,
		cohorts: 1,
		codePrefix: 'DEMO',
		days: 28,
		seed: '1',
		now: NOW,
		passwordHash: HASH,
		trainerId: null,
		...options
	});
	return { db, catalog, course, summary };
}

const rows = <T>(db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
const one = <T>(db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;

/** Every table the generator writes, in a stable order. */
function dump(db: Db): Record<string, unknown[]> {
	const tables = [
		'user', 'cohort', 'cohort_course', 'cohort_member', 'tracking', 'learning_event', 'quiz_attempt',
		'quiz_response', 'thread', 'post', 'thread_read', 'throttle'
	];
	const result: Record<string, unknown[]> = Object.fromEntries(tables.map((t) => [t, rows(db, `SELECT * FROM ${t} ORDER BY 1, 2`)]));
	result.post_search = rows(db, 'SELECT rowid, title, body FROM post_search ORDER BY rowid');
	return result;
}

describe('demo data: names', () => {
	it('numbers codes and usernames so they stay valid and sort in order', () => {
		expect(demoCohortCodes('demo', 1)).toEqual(['DEMO']);
		expect(demoCohortCodes('HY', 3)).toEqual(['HY-1', 'HY-2', 'HY-3']);
		expect(demoCohortCodes('HY', 12).at(-1)).toBe('HY-12');
		expect(demoUsername('DEMO', 7, 300)).toBe('demo.0007');
		expect(demoUsername('DEMO', 7, 10_000)).toBe('demo.00007');
	});
});

describe('demo data on the real course', () => {
	let a: Demo;
	beforeAll(() => {
		a = demo({ cohorts: 2 });
	});

	it('is the same for the same seed, and different for another', () => {
		const b = demo({ cohorts: 2 });
		expect(dump(b.db)).toEqual(dump(a.db));
		expect(b.summary).toEqual(a.summary);
		const c = demo({ cohorts: 2, seed: '2' });
		expect(dump(c.db).user).not.toEqual(dump(a.db).user);
	});

	it('plays every attempt as planned', () => {
		expect(a.summary.unplannedOutcomes).toBe(0);
	});

	it('enrols every learner in one of the cohorts, split evenly, with valid Vietnamese profiles', () => {
		const { db, summary } = a;
		expect(summary.learners).toBe(50);
		expect(summary.cohorts.map((c) => c.code)).toEqual(['DEMO-1', 'DEMO-2']);
		const members = rows<{ cohort_id: number; n: number }>(
			db,
			`SELECT cohort_id, count(*) AS n FROM cohort_member WHERE role = 'learner' GROUP BY cohort_id ORDER BY cohort_id`
		);
		expect(members.map((m) => m.n)).toEqual([25, 25]);
		const users = rows<{ username: string; display_name: string; province: string; commune: string; organisation: string; created_at: number }>(
			db,
			`SELECT * FROM user ORDER BY id`
		);
		expect(users.map((u) => u.username)).toEqual(Array.from({ length: 50 }, (_, i) => demoUsername('DEMO', i + 1, 50)));
		expect(new Set(users.map((u) => u.display_name)).size).toBeGreaterThan(40);
		for (const user of users) {
			expect(user.display_name).toMatch(/^\p{Lu}\p{Ll}+( \p{Lu}\p{Ll}+){2,3}$/u);
			expect(user.province).toBe('Hưng Yên');
			expect(user.commune).toMatch(/^(xã|phường) /);
			expect(user.organisation).not.toBe('');
		}
		// registered in time order: usernames and ids follow the day each learner joined
		const created = users.map((u) => u.created_at);
		expect(created).toEqual([...created].sort((x, y) => x - y));
	});

	it('keeps attempts within each quiz’s limit, numbered from 1, with at most one open', () => {
		const { db, course, catalog } = a;
		for (const module of course.modules.filter((m) => m.quiz)) {
			const activity = quizActivityId(catalog, course, module)!;
			const groups = rows<{ user_id: number; numbers: string; open: number }>(
				db,
				`SELECT user_id, group_concat(number, ',') AS numbers, sum(status = 'open') AS open
				 FROM (SELECT * FROM quiz_attempt WHERE activity_id = ? ORDER BY number) GROUP BY user_id`,
				activity
			);
			expect(groups.length).toBeGreaterThan(0);
			for (const group of groups) {
				const numbers = group.numbers.split(',').map(Number);
				expect(numbers).toEqual(numbers.map((_, i) => i + 1));
				expect(numbers.length).toBeLessThanOrEqual(module.quiz!.settings.maxAttempts!);
				expect(group.open).toBeLessThanOrEqual(1);
			}
		}
	});

	it('grades every submitted attempt and its answers; open attempts hold ungraded autosaves', () => {
		const { db, summary } = a;
		const orphans = one<{ n: number }>(
			db,
			`SELECT count(*) AS n FROM quiz_response r LEFT JOIN quiz_attempt q ON q.id = r.attempt_id
			 WHERE q.id IS NULL OR q.status NOT IN ('open', 'submitted')`
		);
		expect(orphans.n).toBe(0);
		const ungraded = one<{ n: number }>(
			db,
			`SELECT count(*) AS n FROM quiz_response r JOIN quiz_attempt q ON q.id = r.attempt_id
			 WHERE (q.status = 'submitted') != (r.correct IS NOT NULL)`
		);
		expect(ungraded.n).toBe(0);
		const attempts = rows<{ status: string; closed_by: string | null; percent: number | null; passed: number | null; questions: number; id: number }>(
			db,
			'SELECT *, (SELECT count(*) FROM quiz_attempt_question q WHERE q.attempt_id = a.id) AS questions FROM quiz_attempt a'
		);
		expect(attempts.length).toBe(summary.attempts);
		expect(attempts.filter((q) => q.status === 'open').length).toBe(summary.openAttempts);
		for (const attempt of attempts.filter((q) => q.status === 'submitted')) {
			expect(attempt).toMatchObject({ closed_by: 'learner' });
			expect(attempt.percent).not.toBeNull();
			// the service graded it once: one 'passed' or 'failed' event for the attempt
			const graded = one<{ n: number }>(
				db,
				`SELECT count(*) AS n FROM learning_event WHERE verb IN ('passed', 'failed')
				   AND activity_id = (SELECT activity_id FROM quiz_attempt WHERE id = ?)
				   AND user_id = (SELECT user_id FROM quiz_attempt WHERE id = ?)
				   AND json_extract(result, '$.attempt') = (SELECT number FROM quiz_attempt WHERE id = ?)`,
				attempt.id, attempt.id, attempt.id
			);
			expect(graded.n).toBe(1);
		}
	});

	it('keeps tracking rows consistent with the event log', () => {
		const { db } = a;
		const tracking = rows<{
			user_id: number; activity_id: number; kind: string; completion_status: string; success_status: string;
			attempts: number; first_accessed_at: number; completed_at: number | null; location: string | null;
			score_raw: number | null; total_time_ms: number;
		}>(db, 'SELECT t.*, a.kind FROM tracking t JOIN activity a ON a.id = t.activity_id');
		expect(tracking.length).toBeGreaterThan(100);
		for (const row of tracking) {
			const events = rows<{ verb: string; result: string | null; created_at: number }>(
				db,
				'SELECT verb, result, created_at FROM learning_event WHERE user_id = ? AND activity_id = ? ORDER BY id',
				row.user_id,
				row.activity_id
			);
			const verbs = (verb: string) => events.filter((e) => e.verb === verb);
			expect(events[0]).toMatchObject({ verb: 'launched', created_at: row.first_accessed_at });
			if (row.kind === 'lesson') {
				expect(verbs('completed').length).toBe(row.completion_status === 'completed' ? 1 : 0);
				if (row.completed_at !== null) expect(verbs('completed')[0]!.created_at).toBe(row.completed_at);
				const progressed = verbs('progressed').at(-1);
				expect(row.location).toBe(progressed ? (JSON.parse(progressed.result!) as { location: string }).location : null);
			} else {
				const attempts = one<{ n: number; best: number | null; passed: number | null }>(
					db,
					`SELECT count(*) AS n, max(percent) AS best, max(passed) AS passed FROM quiz_attempt WHERE user_id = ? AND activity_id = ?`,
					row.user_id,
					row.activity_id
				);
				expect(row.attempts).toBe(attempts.n);
				expect(verbs('launched').length).toBe(attempts.n);
				expect(verbs('passed').length + verbs('failed').length).toBe(
					one<{ n: number }>(db, `SELECT count(*) AS n FROM quiz_attempt WHERE user_id = ? AND activity_id = ? AND status = 'submitted'`, row.user_id, row.activity_id).n
				);
				// grading "highest": the kept score is the best attempt's
				expect(row.score_raw).toBe(attempts.best);
				expect(row.success_status).toBe(attempts.passed === null ? 'unknown' : attempts.passed ? 'passed' : 'failed');
			}
		}
	});

	it('counts a module complete exactly when its lesson is completed and its quiz passed', () => {
		const { db, catalog, course } = a;
		let completedModules = 0;
		for (const { id } of rows<{ id: number }>(db, 'SELECT id FROM user')) {
			const progress = learnerCourseProgress(db, catalog, course, id);
			course.modules.forEach((module, i) => {
				const status = (activity: number | undefined) =>
					activity === undefined
						? undefined
						: one<{ completion_status: string; success_status: string } | undefined>(
								db,
								'SELECT completion_status, success_status FROM tracking WHERE user_id = ? AND activity_id = ?',
								id,
								activity
							);
				const lesson = status(lessonActivityId(catalog, course, module));
				const quizActivity = quizActivityId(catalog, course, module);
				const quiz = status(quizActivityId(catalog, course, module));
				const done = lesson?.completion_status === 'completed' && (quizActivity === undefined || quiz?.success_status === 'passed');
				expect(progress.modules[i]!.status === 'completed').toBe(done);
				if (done) completedModules++;
			});
		}
		expect(completedModules).toBeGreaterThan(100);
	});

	it('completes the discussion module for exactly those who posted on its board', () => {
		const { db, catalog, course } = a;
		const module = course.modules.find((m) => m.completion === 'discussion')!;
		const completed = rows<{ user_id: number }>(
			db,
			`SELECT user_id FROM tracking WHERE activity_id = ? AND completion_status = 'completed' ORDER BY user_id`,
			lessonActivityId(catalog, course, module)
		).map((r) => r.user_id);
		const posted = rows<{ author_id: number }>(
			db,
			`SELECT DISTINCT p.author_id FROM post p JOIN thread t ON t.id = p.thread_id WHERE t.module_slug = ? ORDER BY p.author_id`,
			module.slug
		).map((r) => r.author_id);
		expect(completed.length).toBeGreaterThan(5);
		expect(completed).toEqual(posted);
	});

	it('has learners in every state: not started, in progress, finished, failing, with an attempt left open', () => {
		const { summary } = a;
		expect(summary.byState.notStarted).toBeGreaterThanOrEqual(2);
		expect(summary.byState.completed).toBeGreaterThanOrEqual(8);
		expect(summary.byState.inProgress).toBeGreaterThanOrEqual(15);
		expect(summary.byState.notStarted + summary.byState.inProgress + summary.byState.completed).toBe(50);
		expect(summary.failing).toBeGreaterThanOrEqual(2);
		expect(summary.openAttempts).toBeGreaterThanOrEqual(1);
		expect(Object.keys(summary.examples).sort()).toEqual(['completed', 'failing', 'inProgress', 'notStarted']);
	});

	it('spreads activity over the days, at the hours people study, never in the future', () => {
		const { db } = a;
		const span = one<{ first: number; last: number }>(db, 'SELECT min(created_at) AS first, max(created_at) AS last FROM learning_event');
		expect(span.first).toBeGreaterThanOrEqual(NOW - 29 * DAY);
		expect(span.last).toBeLessThanOrEqual(NOW);
		const days = rows(db, `SELECT DISTINCT (created_at + 7 * 3600000) / 86400000 FROM learning_event`);
		expect(days.length).toBeGreaterThanOrEqual(20);
		// replayed in time order: the log's ids follow its times, as in real use
		const times = rows<{ created_at: number }>(db, 'SELECT created_at FROM learning_event ORDER BY id').map((r) => r.created_at);
		expect(times).toEqual([...times].sort((x, y) => x - y));
		const night = one<{ n: number }>(
			db,
			`SELECT count(*) AS n FROM learning_event WHERE ((created_at + 7 * 3600000) % 86400000) / 3600000 BETWEEN 1 AND 5`
		);
		expect(night.n).toBe(0);
	});

	it('credits plausible reading time to each completed lesson', () => {
		const minutes = rows<{ minutes: number }>(
			a.db,
			`SELECT t.total_time_ms / 60000.0 AS minutes FROM tracking t JOIN activity a ON a.id = t.activity_id
			 WHERE a.kind = 'lesson' AND t.completion_status = 'completed' AND a.module_slug != 'thao-luan-chia-se'`
		).map((r) => r.minutes);
		expect(Math.min(...minutes)).toBeGreaterThanOrEqual(5);
		expect(Math.max(...minutes)).toBeLessThanOrEqual(60);
		const mean = minutes.reduce((x, y) => x + y, 0) / minutes.length;
		expect(mean).toBeGreaterThan(10);
		expect(mean).toBeLessThan(40);
	});

	it('makes easy and hard questions, which abler learners answer right more often', () => {
		const { db } = a;
		// first attempts only, as item analysis does
		const answers = rows<{ question: string; attempt: number; correct: number }>(
			db,
			`SELECT r.question_id AS question, r.attempt_id AS attempt, r.correct FROM quiz_response r
			 JOIN quiz_attempt q ON q.id = r.attempt_id WHERE q.status = 'submitted' AND q.number = 1`
		);
		const totals = new Map<number, number>();
		for (const r of answers) totals.set(r.attempt, (totals.get(r.attempt) ?? 0) + r.correct);
		const byQuestion = new Map<string, { correct: number; rest: number }[]>();
		for (const r of answers) {
			const list = byQuestion.get(r.question) ?? [];
			list.push({ correct: r.correct, rest: totals.get(r.attempt)! - r.correct });
			byQuestion.set(r.question, list);
		}
		const difficulty: number[] = [];
		const discrimination: number[] = [];
		for (const list of byQuestion.values()) {
			if (list.length < 15) continue;
			const p = list.reduce((s, r) => s + r.correct, 0) / list.length;
			difficulty.push(p);
			const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
			const right = list.filter((r) => r.correct).map((r) => r.rest);
			const wrong = list.filter((r) => !r.correct).map((r) => r.rest);
			if (right.length && wrong.length) discrimination.push(mean(right) - mean(wrong));
		}
		expect(difficulty.length).toBeGreaterThan(30);
		expect(Math.max(...difficulty) - Math.min(...difficulty)).toBeGreaterThan(0.3);
		// on average, those who got a question right did better on the rest of the quiz
		expect(discrimination.reduce((s, d) => s + d, 0) / discrimination.length).toBeGreaterThan(0.5);
	});

	it('indexes every post for search and keeps threads’ last-post times', () => {
		const { db, course, summary } = a;
		expect(summary.posts).toBeGreaterThan(20);
		expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM post').n).toBe(summary.posts);
		expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM post_search').n).toBe(summary.posts);
		const admin = { cohortIds: [], moderatedCohortIds: [], isAdmin: true };
		expect(searchPosts(db, course.slug, admin, 'nguoi ban dam').length).toBeGreaterThan(0);
		const stale = one<{ n: number }>(
			db,
			`SELECT count(*) AS n FROM thread t WHERE last_post_at != (SELECT max(created_at) FROM post WHERE thread_id = t.id)`
		);
		expect(stale.n).toBe(0);
		// posts of each cohort stay on its own boards
		const crossed = one<{ n: number }>(
			db,
			`SELECT count(*) AS n FROM post p JOIN thread t ON t.id = p.thread_id
			 JOIN cohort_member m ON m.user_id = p.author_id WHERE m.cohort_id != t.cohort_id`
		);
		expect(crossed.n).toBe(0);
	});

	it('leaves nobody slowed down from posting now', () => {
		const { db } = a;
		for (const { id } of rows<{ id: number }>(db, 'SELECT id FROM user')) {
			expect(retryAfterMs(db, [`post:user:${id}`], NOW)).toBe(0);
		}
	});

	it('fills an empty support directory with entries that are plainly invented, and only once', () => {
		const { db, summary, catalog, course } = demo();
		const entries = rows<{ name: string; phone: string }>(db, 'SELECT name, phone FROM directory_entry');
		expect(summary.directoryEntries).toBe(entries.length);
		expect(entries.length).toBeGreaterThan(5);
		for (const entry of entries) {
			expect(entry.name).toContain('(ví dụ)');
			expect(entry.phone.replace(/\D/g, '')).toMatch(/^0{7}\d{3}$/);
		}
		const again = generateDemo(db, catalog, course, { learners: 2, cohorts: 1, codePrefix: 'DEMO2', days: 2, seed: '2', now: NOW, passwordHash: HASH, trainerId: null });
		expect(again.directoryEntries).toBe(0);
	});

	it('reports codes and usernames that are taken', () => {
		const { db } = a;
		expect(demoConflicts(db, { codePrefix: 'demo', cohorts: 2, learners: 60 })).toEqual({
			codes: ['DEMO-1', 'DEMO-2'],
			usernames: Array.from({ length: 50 }, (_, i) => demoUsername('DEMO', i + 1, 60))
		});
		expect(demoConflicts(db, { codePrefix: 'OTHER', cohorts: 1, learners: 60 })).toEqual({ codes: [], usernames: [] });
	});
});

describe('demo data on a small course with a timed quiz, shared boards and a trainer', () => {
	let d: Demo;
	let trainerId: number;
	beforeAll(() => {
		const db = openDatabase(':memory:');
		trainerId = insertUser(db, { username: 'gv.lan', displayName: 'Nguyễn Thị Lan', password: '', role: 'trainer' }, HASH, NOW - 60 * DAY).id;
		const catalog = buildCatalog(db, TEST_COURSES, NOW - 40 * DAY);
		const course = findCourse(catalog, 'khoa-thu')!;
		const summary = generateDemo(db, catalog, course, {
			learners: 40,
			cohorts: 2,
			codePrefix: 'THU',
			days: 14,
			seed: 'khoa-thu',
			now: NOW,
			passwordHash: HASH,
			trainerId
		});
		d = { db, catalog, course, summary };
	});

	it('answers every kind of question in the shape the quiz form produces, some right and some wrong', () => {
		const { db, summary } = d;
		expect(summary.unplannedOutcomes).toBe(0);
		const responses = rows<{ response: string; question_id: string; attempt_id: number; correct: number | null }>(
			db,
			`SELECT r.response, r.question_id, r.correct, r.attempt_id FROM quiz_response r`
		);
		const right = new Map<string, number>();
		for (const row of responses) {
			const [question] = getAttemptQuestions(db, row.attempt_id, [row.question_id]) as [SnapshotQuestion];
			const response = JSON.parse(row.response) as Response;
			expect(response.type).toBe(question.type);
			const choices = question.choices.map((c) => c.id);
			switch (response.type) {
				case 'single':
				case 'truefalse':
					expect(choices).toContain(response.choice);
					break;
				case 'multiple':
					expect(new Set(response.choices).size).toBe(response.choices.length);
					for (const id of response.choices) expect(choices).toContain(id);
					break;
				case 'short':
					expect(response.text.trim()).not.toBe('');
					break;
				case 'matching':
					for (const [left, rightId] of Object.entries(response.pairs)) {
						expect(question.pairs.map((p) => p.left.id)).toContain(left);
						expect(question.rightOrder).toContain(rightId);
					}
					break;
				case 'ordering':
					expect([...response.order].sort()).toEqual(question.steps.map((s) => s.id).sort());
					break;
			}
			right.set(response.type, (right.get(response.type) ?? 0) + (row.correct ?? 0));
		}
		expect([...right.keys()].sort()).toEqual(['matching', 'multiple', 'ordering', 'short', 'single', 'truefalse']);
		for (const n of right.values()) expect(n).toBeGreaterThan(0);
		const wrong = responses.filter((r) => r.correct === 0).length;
		expect(wrong / responses.length).toBeGreaterThan(0.1);
	});

	it('submits timed attempts before their deadline', () => {
		const late = one<{ n: number }>(d.db, `SELECT count(*) AS n FROM quiz_attempt WHERE deadline_at IS NOT NULL AND (closed_by != 'learner' OR status = 'open')`);
		const timed = one<{ n: number }>(d.db, `SELECT count(*) AS n FROM quiz_attempt WHERE deadline_at IS NOT NULL`);
		expect(timed.n).toBeGreaterThan(0);
		expect(late.n).toBe(0);
	});

	it('puts every thread on the shared boards, and the trainer welcomes and answers', () => {
		const { db, summary } = d;
		expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM thread WHERE cohort_id IS NOT NULL').n).toBe(0);
		const welcome = rows<{ pinned: number; module_slug: string | null }>(db, 'SELECT * FROM thread WHERE author_id = ?', trainerId);
		expect(welcome).toEqual([expect.objectContaining({ pinned: 1, module_slug: null })]);
		expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM post WHERE author_id = ?', trainerId).n).toBeGreaterThan(1);
		const teaches = rows(db, `SELECT cohort_id FROM cohort_member WHERE user_id = ? AND role = 'trainer'`, trainerId);
		expect(teaches.length).toBe(2);
		expect(summary.cohorts.map((c) => c.code)).toEqual(['THU-1', 'THU-2']);
	});
});
