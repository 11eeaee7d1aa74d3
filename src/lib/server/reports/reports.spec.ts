// The report figures on a small cohort built with the real services (tracking, quiz attempts),
// checked against numbers worked out by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { activityKey, syncCatalog, type Catalog } from '../courses/catalog';
import { lessonModule, testCourse } from '../courses/test-courses';
import type { Course } from '../courses/loader';
import { addMember, createCohort, getCohort } from '../cohorts/service';
import { openDatabase, type Db } from '../db/open';
import { startAttempt, submitAttempt } from '../quiz/attempts';
import { parseQuiz } from '../quiz/parse';
import type { Response } from '../quiz/types';
import { useCatalog } from '../tracking/completion';
import { recordHeartbeat } from '../tracking/reading';
import { applyResult, openAttempt } from '../tracking/record';
import { insertUser, type User } from '../users/service';
import { loadCohortCourse } from './cohort-course';
import { activityByDay, moduleRows, scoreDistributions } from './course-report';
import { analyseItems } from './item-analysis';
import { cohortOverview } from './overview';
import { cohortQuizResults, type AttemptFilter } from './quiz-results';
import { filterAndSort, learnerRows, pageOf, parseTableQuery, quizColumns } from './learner-table';

const DAY = 86_400_000;
// 9:00 in Viet Nam on 1 March 2026
const T0 = Date.UTC(2026, 2, 1, 2);

const { quiz } = parseQuiz(
	['---', 'title: Kiểm tra', 'passPercent: 50', 'grading: highest', '---', '', '## Một {#mot}', '', '- [x] Đúng', '- [ ] Sai', '', '## Hai {#hai}', '', '= mại dâm', ''].join('\n')
);
const course: Course = testCourse([lessonModule('gioi-thieu', 0), { ...lessonModule('khung-phap-ly', 1), quiz: quiz! }]);

let passwordHash: string;
beforeAll(async () => {
	passwordHash = await hashPassword('hoa sen trong đầm');
});

let dir: string;
let db: Db;
let catalog: Catalog;
let cohortId: number;
const people: Record<string, User> = {};

const id = (module: string, kind: 'lesson' | 'quiz') => catalog.activityIds.get(activityKey('khoa-thu', module, kind))!;

function takeQuiz(user: User, right: number, at: number) {
	const q = quiz!;
	const choice = (text: string) => q.questions[0]!.choices.find((c) => c.html === text)!.id;
	const started = startAttempt(db, user.id, id('khung-phap-ly', 'quiz'), q, at, () => 0);
	if (!started.ok) throw new Error('no attempt');
	const answers = new Map<string, Response | null>([
		['mot', { type: 'truefalse', choice: choice(right >= 1 ? 'Đúng' : 'Sai') }],
		['hai', { type: 'short', text: right >= 2 ? 'mại dâm' : 'không biết' }]
	]);
	submitAttempt(db, started.attempt.id, answers, at + 60_000);
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'taphuan-reports-'));
	db = openDatabase(join(dir, 'test.db'));
	catalog = { courses: [course], errors: [], loadedAt: T0, activityIds: syncCatalog(db, [course], T0), scorm: new Map(), scormRevision: '' };
	// completion records the course milestone the reports count, as the server does
	useCatalog(db, () => catalog);
	const admin = insertUser(db, { username: 'quantri', displayName: 'Quản trị', password: '', role: 'admin' }, passwordHash);
	cohortId = createCohort(db, { name: 'Lớp 1', enrolCode: 'LOP-1', courseIds: ['khoa-thu'], trainerIds: [], createdBy: admin.id }, T0).id;
	const add = (username: string, displayName: string, organisation: string, commune: string) => {
		people[username] = insertUser(db, { username, displayName, password: '', role: 'learner', organisation, commune, province: 'Hưng Yên' }, passwordHash);
		addMember(db, cohortId, people[username]!.id, 'learner', T0);
	};
	add('an', 'Nguyễn Văn An', 'UBND xã Tân Hưng', 'xã Tân Hưng');
	add('binh', 'Trần Thị Bình', 'Hội LHPN xã Tân Hưng', 'xã Tân Hưng');
	add('cuong', 'Lê Văn Cường', 'Đoàn TN phường Hiến Nam', 'phường Hiến Nam');
	add('dung', 'Phạm Thị Dung', 'Đoàn TN phường Hiến Nam', 'phường Hiến Nam');
	// An: both modules complete; 20 min reading module 1; quiz 50% (a pass) then 100% (kept: 100)
	openAttempt(db, people.an!.id, id('gioi-thieu', 'lesson'), { countsAsAttempt: false }, T0);
	applyResult(db, people.an!.id, id('gioi-thieu', 'lesson'), { completion: 'completed' }, T0 + 60_000);
	openAttempt(db, people.an!.id, id('khung-phap-ly', 'lesson'), { countsAsAttempt: false }, T0 + DAY);
	for (let beat = 1; beat <= 40; beat++) recordHeartbeat(db, people.an!.id, id('khung-phap-ly', 'lesson'), { activeMs: 30_000, location: null, reachedEnd: false }, T0 + DAY + beat * 30_000);
	applyResult(db, people.an!.id, id('khung-phap-ly', 'lesson'), { completion: 'completed' }, T0 + DAY + 21 * 60_000);
	takeQuiz(people.an!, 1, T0 + DAY + 30 * 60_000);
	takeQuiz(people.an!, 2, T0 + 2 * DAY);
	// Bình: module 0 complete; module 1 read but quiz failed (0%)
	applyResult(db, people.binh!.id, id('gioi-thieu', 'lesson'), { completion: 'completed' }, T0 + DAY);
	applyResult(db, people.binh!.id, id('khung-phap-ly', 'lesson'), { completion: 'completed' }, T0 + DAY);
	takeQuiz(people.binh!, 0, T0 + DAY);
	// Cường: opened module 0 only
	openAttempt(db, people.cuong!.id, id('gioi-thieu', 'lesson'), { countsAsAttempt: false }, T0 + 2 * DAY);
	// Dung: nothing yet
});

afterEach(() => {
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('module rows', () => {
	it('count completion, pass rate, kept scores and time per module', () => {
		const rows = moduleRows(loadCohortCourse(db, catalog, cohortId, course));
		expect(rows[0]).toMatchObject({ slug: 'gioi-thieu', started: 3, completed: 2, completionRate: 50, hasQuiz: false, passRate: null });
		expect(rows[1]).toMatchObject({
			slug: 'khung-phap-ly',
			started: 2,
			completed: 1,
			completionRate: 25,
			quizTakers: 2,
			passRate: 50, // An passed, Bình failed
			averageScore: 50, // kept scores 100 and 0
			medianScore: 50
		});
		// An: 20 min of heartbeats + 2 quiz attempts of 1 min; Bình: no time → median of [22, 1]
		expect(rows[1]!.medianMinutes).toBeGreaterThan(0);
	});
});

describe('learner table', () => {
	it('gives each learner a status, progress and best scores', () => {
		const data = loadCohortCourse(db, catalog, cohortId, course);
		const rows = learnerRows(data);
		const by = (username: string) => rows.find((r) => r.username === username)!;
		expect(by('an')).toMatchObject({ status: 'completed', progressPercent: 100, modulesCompleted: 2, bestScores: [100] });
		expect(by('binh')).toMatchObject({ status: 'failing', progressPercent: 50, modulesCompleted: 1, bestScores: [0] });
		expect(by('cuong')).toMatchObject({ status: 'inProgress', progressPercent: 0, bestScores: [null] });
		expect(by('dung')).toMatchObject({ status: 'notStarted', lastActiveAt: null, totalMinutes: 0 });
		expect(by('an').totalMinutes).toBe(22);
	});

	it('calls a learner completed only when the course rule is met, not when every module is', () => {
		// the same course asking also for 30 minutes of study: An studied 22
		const strict: Course = { ...course, completion: { ...course.completion, minStudyMinutes: 30 } };
		const others = openDatabase(join(dir, 'strict.db'));
		const strictCatalog: Catalog = { ...catalog, courses: [strict], activityIds: syncCatalog(others, [strict], T0) };
		useCatalog(others, () => strictCatalog);
		const an = insertUser(others, { username: 'an', displayName: 'Nguyễn Văn An', password: '', role: 'learner' }, passwordHash);
		const cohort = createCohort(others, { name: 'Lớp 2', enrolCode: 'LOP-2', courseIds: ['khoa-thu'], trainerIds: [], createdBy: null }, T0).id;
		addMember(others, cohort, an.id, 'learner', T0);
		const lesson = (module: string) => strictCatalog.activityIds.get(activityKey('khoa-thu', module, 'lesson'))!;
		applyResult(others, an.id, lesson('gioi-thieu'), { completion: 'completed' }, T0);
		applyResult(others, an.id, strictCatalog.activityIds.get(activityKey('khoa-thu', 'khung-phap-ly', 'quiz'))!, { completion: 'completed', success: 'passed', addTimeMs: 60_000 }, T0);
		applyResult(others, an.id, lesson('khung-phap-ly'), { completion: 'completed', addTimeMs: 20 * 60_000 }, T0);
		const row = () => learnerRows(loadCohortCourse(others, strictCatalog, cohort, strict))[0]!;
		expect(row()).toMatchObject({ modulesCompleted: 2, progressPercent: 100, status: 'inProgress' });
		applyResult(others, an.id, lesson('khung-phap-ly'), { addTimeMs: 10 * 60_000 }, T0 + DAY);
		expect(row().status).toBe('completed');
		expect(cohortOverview(others, strictCatalog, getCohort(others, cohort)!, T0 + DAY).courseCompletion).toBe(100);
		others.close();
	});

	it('searches names without diacritics, filters and sorts with missing values last', () => {
		const data = loadCohortCourse(db, catalog, cohortId, course);
		const rows = learnerRows(data);
		const columns = quizColumns(data);
		const run = (query: string) => filterAndSort(rows, parseTableQuery(new URLSearchParams(query), columns), columns).map((r) => r.username);
		expect(run('q=tran thi binh')).toEqual(['binh']);
		expect(run('q=CUONG')).toEqual(['cuong']);
		expect(run('commune=phường Hiến Nam')).toEqual(['cuong', 'dung']);
		// the same commune in an address typed (or pasted) in decomposed Unicode
		expect(run(`commune=${'phường Hiến Nam'.normalize('NFD')}`)).toEqual(['cuong', 'dung']);
		expect(run('status=failing')).toEqual(['binh']);
		expect(run('sort=progress&dir=desc')).toEqual(['an', 'binh', 'cuong', 'dung']);
		expect(run('sort=score:khung-phap-ly')).toEqual(['binh', 'an', 'cuong', 'dung']);
		expect(run('sort=score:khung-phap-ly&dir=desc')).toEqual(['an', 'binh', 'cuong', 'dung']);
		expect(run('sort=lastActive&dir=desc')[3]).toBe('dung');
		// anything odd in the address falls back to defaults
		expect(parseTableQuery(new URLSearchParams('sort=evil&status=x&page=-3'), columns)).toMatchObject({ sort: 'name', status: '', page: 1 });
	});

	it('pages rows, clamping a page past the end', () => {
		const rows = learnerRows(loadCohortCourse(db, catalog, cohortId, course));
		expect(pageOf(rows, 2, 3)).toMatchObject({ total: 4, page: 2, pageCount: 2 });
		expect(pageOf(rows, 2, 3).rows).toHaveLength(1);
		expect(pageOf(rows, 9, 3).page).toBe(2);
	});
});

describe('activity by day', () => {
	it('counts distinct active learners and module completions per Viet Nam day', () => {
		const data = loadCohortCourse(db, catalog, cohortId, course);
		const { days, today } = activityByDay(db, cohortId, data, T0 + 2 * DAY + 3_600_000);
		// 30 whole days ending yesterday; today, still under way, apart
		expect(days).toHaveLength(30);
		expect(days[0]!.day).toBe('2026-02-01');
		const [dayOne, dayZero] = days.slice(-2).reverse();
		expect(dayZero).toEqual({ day: '2026-03-01', activeLearners: 1, completions: 1 }); // An finishes module 0
		// An reads module 1 and passes its quiz at 50% (module 1 done); Bình completes module 0
		// (her module 1 quiz failed)
		expect(dayOne).toEqual({ day: '2026-03-02', activeLearners: 2, completions: 2 });
		// An retakes the quiz (100%, no new completion), Cường opens module 0
		expect(today).toEqual({ day: '2026-03-03', activeLearners: 2, completions: 0 });
	});

	it('counts today from midnight in Viet Nam, not in UTC', () => {
		const data = loadCohortCourse(db, catalog, cohortId, course);
		// 00:30 on 3 March in Viet Nam is still 2 March in UTC
		const { days, today } = activityByDay(db, cohortId, data, Date.UTC(2026, 2, 2, 17, 30));
		expect(today.day).toBe('2026-03-03');
		expect(days.at(-1)!.day).toBe('2026-03-02');
	});
});

describe('score distributions', () => {
	it('bin the kept scores and carry the pass mark', () => {
		const [only] = scoreDistributions(loadCohortCourse(db, catalog, cohortId, course));
		expect(only).toMatchObject({ slug: 'khung-phap-ly', passPercent: 50, scored: 2 });
		expect(only!.bins[0]!.count).toBe(1);
		expect(only!.bins[9]!.count).toBe(1);
	});
});

describe('item analysis', () => {
	const analyse = (filter: AttemptFilter) => analyseItems(quiz!, cohortQuizResults(db, cohortId, id('khung-phap-ly', 'quiz'), filter));

	it('chooses first, best or all attempts', () => {
		// An: 50% then 100%; Bình: 0%
		expect(analyse('all').attempts).toBe(3);
		expect(analyse('first')).toMatchObject({ attempts: 2, averagePercent: 25 });
		expect(analyse('best')).toMatchObject({ attempts: 2, averagePercent: 50 });
	});

	it('computes facility per question and counts the answers chosen and typed', () => {
		const [mot, hai] = analyse('all').items;
		expect(mot).toMatchObject({ id: 'mot', shown: 3, answered: 3, facility: 67, discrimination: null });
		expect(mot!.options).toEqual([
			{ label: 'Đúng', correct: true, count: 2, percent: 67 },
			{ label: 'Sai', correct: false, count: 1, percent: 33 }
		]);
		expect(hai).toMatchObject({ id: 'hai', facility: 33 });
		expect(hai!.options).toEqual([
			{ label: 'không biết', correct: false, count: 2, percent: 67 },
			{ label: 'mại dâm', correct: true, count: 1, percent: 33 }
		]);
		expect(analyse('first').items[0]!.facility).toBe(50);
	});

	it('scores an unanswered question 0 and keeps questions no longer in the file', () => {
		const started = startAttempt(db, people.cuong!.id, id('khung-phap-ly', 'quiz'), quiz!, T0 + 3 * DAY, () => 0);
		if (!started.ok) throw new Error('no attempt');
		submitAttempt(db, started.attempt.id, new Map(), T0 + 3 * DAY + 1000);
		const cuong = cohortQuizResults(db, cohortId, id('khung-phap-ly', 'quiz'), 'all').find((r) => r.userId === people.cuong!.id)!;
		expect([...cuong.questions.values()].map((q) => [q.score, q.response])).toEqual([[0, null], [0, null]]);
		const withoutHai = { ...quiz!, questions: quiz!.questions.filter((q) => q.id !== 'hai') };
		const items = analyseItems(withoutHai, cohortQuizResults(db, cohortId, id('khung-phap-ly', 'quiz'), 'all')).items;
		expect(items.map((i) => [i.id, i.type, i.shown, i.answered])).toEqual([['mot', 'truefalse', 4, 3], ['hai', 'unknown', 4, 3]]);
	});
});

describe('cohort overview', () => {
	it('counts learners, recent activity, completion, best scores and those not started', () => {
		const overview = cohortOverview(db, catalog, getCohort(db, cohortId)!, T0 + 2 * DAY + 3_600_000);
		expect(overview).toMatchObject({
			learners: 4,
			activeLastWeek: 3, // An, Bình, Cường
			courseCompletion: 25, // An
			averageBestScore: 50, // An 100, Bình 0
			notStarted: 1 // Dung
		});
		expect(cohortOverview(db, catalog, getCohort(db, cohortId)!, T0 + 30 * DAY).activeLastWeek).toBe(0);
	});
});
