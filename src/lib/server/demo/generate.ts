// The demo data generator: cohorts of made-up learners with varied progress, quiz attempts and
// posts, so a new installation shows its dashboards working. Every row is written by the same
// services real use goes through (registration, lesson launches and heartbeats, quiz attempts,
// discussions), replayed in time order inside one transaction. Deterministic for a seed and a now.
import type { Statement } from 'better-sqlite3';
import { lessonActivityId, quizActivityId, type Catalog } from '../courses/catalog';
import type { Course } from '../courses/loader';
import { addMember, createCohort, normaliseEnrolCode } from '../cohorts/service';
import type { Db } from '../db/open';
import { setThreadFlag } from '../discussions/moderation';
import { createThread, replyToThread, type Board } from '../discussions/service';
import { saveResponses, startAttempt, submitAttempt } from '../quiz/attempts';
import { seededRandom } from '../random';
import { learnerCourseProgress } from '../tracking/course-progress';
import { NO_OVERRIDES, saveCohortCertificateSettings } from '../certificates/cohort-settings';
import { useCatalog } from '../tracking/completion';
import { recordHeartbeat } from '../tracking/reading';
import { openAttempt } from '../tracking/record';
import { insertUser } from '../users/service';
import { itemParams } from './answers';
import { fillDemoDirectory } from './directory';
import { Dice } from './dice';
import { COMMUNES } from './people';
import { DAY, HOUR, MINUTE, firstUntimedQuiz, planLearner, studyTime, type LearnerPlan, type ModuleInfo, type TimedAction } from './plan';
import { replyText, threadText, trainerReplyText, WELCOME_THREAD } from './posts';

export interface DemoOptions {
	learners: number;
	cohorts: number;
	/** the cohort's code, or the stem of the codes when there are several (DEMO-1, DEMO-2…);
	 * usernames start with it too (demo.0001) */
	codePrefix: string;
	/** activity is spread over this many days before `now` */
	days: number;
	seed: string;
	now: number;
	/** the hash of the one password every demo learner shares: argon2 is slow, hash it once */
	passwordHash: string;
	/** a trainer who teaches the demo cohorts, welcomes them and answers some threads */
	trainerId: number | null;
}

export type LearnerState = 'notStarted' | 'inProgress' | 'completed';

/** The issuing authority printed on demo certificates: plainly not a real one. */
export const DEMO_ISSUER = 'Đơn vị cấp mẫu (dữ liệu thử, không có giá trị)';

export interface DemoSummary {
	cohorts: { id: number; name: string; code: string }[];
	learners: number;
	byState: Record<LearnerState, number>;
	/** learners with a quiz failed and not passed since */
	failing: number;
	attempts: number;
	openAttempts: number;
	threads: number;
	posts: number;
	events: number;
	/** certificates issued to demo learners who completed the course (under DEMO_ISSUER) */
	certificates: number;
	/** support directory entries added (none when it already had some) */
	directoryEntries: number;
	/** one username in each state, to sign in as */
	examples: Partial<Record<LearnerState | 'failing', string>>;
	/** attempts that did not go as planned (0 unless the quiz service stops drawing questions
	 * the way the plan replays it; a test watches this) */
	unplannedOutcomes: number;
}

export function demoCohortCodes(prefix: string, cohorts: number): string[] {
	const stem = normaliseEnrolCode(prefix);
	if (cohorts === 1) return [stem];
	const width = String(cohorts).length;
	return Array.from({ length: cohorts }, (_, i) => `${stem}-${String(i + 1).padStart(width, '0')}`);
}

/** demo.0001, demo.0002…, in the order the learners registered */
export function demoUsername(prefix: string, number: number, learners: number): string {
	const width = Math.max(4, String(learners).length);
	return `${prefix.trim().toLowerCase()}.${String(number).padStart(width, '0')}`;
}

/** Cohort codes and usernames the demo would need that are already taken. */
export function demoConflicts(
	db: Db,
	options: Pick<DemoOptions, 'codePrefix' | 'cohorts' | 'learners'>
): { codes: string[]; usernames: string[] } {
	const codes = demoCohortCodes(options.codePrefix, options.cohorts).filter(
		(code) => db.prepare('SELECT 1 FROM cohort WHERE enrol_code = ?').get(code) !== undefined
	);
	const wanted = Array.from({ length: options.learners }, (_, i) => demoUsername(options.codePrefix, i + 1, options.learners));
	const usernames = (
		db
			.prepare('SELECT username FROM user WHERE username IN (SELECT value FROM json_each(?)) ORDER BY username')
			.all(JSON.stringify(wanted)) as { username: string }[]
	).map((row) => row.username);
	return { codes, usernames };
}

function moduleInfos(catalog: Catalog, course: Course, seed: string): ModuleInfo[] {
	return course.modules.map((module, index) => {
		const dice = Dice.of(`${seed}:items:${module.slug}`);
		return {
			index,
			module,
			lessonActivityId: lessonActivityId(catalog, course, module),
			quizActivityId: quizActivityId(catalog, course, module) ?? null,
			sections: module.lesson.sections.map((section) => section.id),
			quiz: module.quiz,
			items: new Map((module.quiz?.questions ?? []).map((question) => [question.id, itemParams(question, dice)]))
		};
	});
}

interface BoardThread {
	id: number;
	title: string;
	authorId: number;
	authorName: string;
	firstPostId: number;
	firstBodyMd: string;
	lastPostAt: number;
}

/**
 * The services prepare their statements, and wrap their writes in a transaction, on every call:
 * right for one request, but most of the cost of replaying thousands of learners. This handle
 * gives them each statement prepared once, and nested transactions as plain savepoints (what
 * better-sqlite3 makes of them inside a transaction anyway, without building new wrappers each
 * time). The SQL and what it does stay the services' own. Statements are never iterated there,
 * so reusing one is safe.
 */
function forReplay(db: Db): Db {
	const statements = new Map<string, Statement>();
	const replay = Object.create(db) as Db;
	replay.prepare = ((sql: string) => {
		let statement = statements.get(sql);
		if (!statement) statements.set(sql, (statement = db.prepare(sql)));
		return statement;
	}) as Db['prepare'];
	const savepoint = db.prepare('SAVEPOINT demo_replay');
	const release = db.prepare('RELEASE demo_replay');
	const rollback = db.prepare('ROLLBACK TO demo_replay');
	replay.transaction = ((fn: (...args: unknown[]) => unknown) => {
		const run = (...args: unknown[]) => {
			if (!db.inTransaction) return db.transaction(fn).immediate(...args);
			savepoint.run();
			try {
				const result = fn(...args);
				release.run();
				return result;
			} catch (error) {
				if (db.inTransaction) {
					rollback.run();
					release.run();
				}
				throw error;
			}
		};
		return Object.assign(run, { default: run, deferred: run, immediate: run, exclusive: run, database: replay });
	}) as Db['transaction'];
	return replay;
}

const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;

export function generateDemo(db: Db, catalog: Catalog, course: Course, options: DemoOptions): DemoSummary {
	const start = options.now - options.days * DAY;
	const modules = moduleInfos(catalog, course, options.seed);
	const plans: LearnerPlan[] = [];
	const ctx = { seed: options.seed, modules, learners: options.learners, cohorts: options.cohorts, start, now: options.now };
	for (let who = 0; who < options.learners; who++) plans.push(planLearner(ctx, who));
	// a trainer looking at the demo should find an attempt in progress; chance alone may leave none
	// (more so when the course ends with a timed final assessment, where none can stay open)
	const leftOpen = (plan: LearnerPlan) => plan.actions.some((a) => a.kind === 'start' && !a.attempt.submit);
	// the in-progress learner who did least is replanned, so the rest of the demo barely changes;
	// never one who posted, whose threads others may have replied to
	const inProgress = plans
		.filter((plan) => plan.archetype === 'inProgress' && !plan.actions.some((a) => a.kind === 'post'))
		.sort((a, b) => a.actions.length - b.actions.length || a.who - b.who)[0];
	if (!plans.some(leftOpen) && inProgress && firstUntimedQuiz(modules) >= 0) {
		const replanned = planLearner(ctx, inProgress.who, true);
		if (leftOpen(replanned)) plans[plans.indexOf(inProgress)] = replanned;
	}
	// everyone's actions in the order they happened, so ids, "new posts" and replies follow time
	const actions = plans.flatMap((plan) => plan.actions).sort((a, b) => a.at - b.at || a.who - b.who || a.seq - b.seq);
	const replay = forReplay(db);
	// completions are derived as on the server: the demo's modules and courses complete through tracking/completion
	useCatalog(replay, () => catalog);
	return db
		.transaction(() => {
			const summary = play(replay, catalog, course, options, modules, plans, actions);
			return { ...summary, directoryEntries: fillDemoDirectory(db, COMMUNES, options.now) };
		})
		.immediate();
}

function play(
	db: Db,
	catalog: Catalog,
	course: Course,
	options: DemoOptions,
	modules: ModuleInfo[],
	plans: LearnerPlan[],
	actions: TimedAction[]
): DemoSummary {
	const eventsBefore = count(db, 'SELECT count(*) AS n FROM learning_event');
	const certificatesBefore = count(db, `SELECT count(*) AS n FROM certificate WHERE issuer = '${DEMO_ISSUER}'`);
	const cohortsCreatedAt = options.now - options.days * DAY - DAY;
	const cohorts = demoCohortCodes(options.codePrefix, options.cohorts).map((code) =>
		createCohort(
			db,
			{
				name: `Lớp mẫu ${code} (dữ liệu thử)`,
				enrolCode: code,
				courseIds: [course.slug],
				trainerIds: options.trainerId === null ? [] : [options.trainerId],
				createdBy: null
			},
			cohortsCreatedAt
		)
	);
	const cohortIdOf = (plan: LearnerPlan) => (course.sharedDiscussions ? null : cohorts[plan.cohort]!.id);
	// demo certificates (issued when the certificate listener is registered, as `npm run demo`
	// does) carry a made-up issuer with its own serial numbers, so they never take a number in a
	// real authority's register and nobody mistakes one for a real certificate
	if (course.certificate) {
		for (const cohort of cohorts) {
			const settings = { ...NO_OVERRIDES, issuer: DEMO_ISSUER, serialFormat: `DEMO-${cohort.enrolCode}-{n:4}/{year}`, signerName: null };
			saveCohortCertificateSettings(db, cohort.id, course.slug, settings, options.trainerId, cohortsCreatedAt);
		}
	}

	const userIds: number[] = [];
	const usernames: string[] = [];
	const registered: number[] = [];
	const boards = new Map<string, BoardThread[]>();
	const trainerDice = Dice.of(`${options.seed}:trainer`);
	/** trainer replies still to come, earliest first */
	const pending: { at: number; thread: BoardThread }[] = [];
	let attempts = 0;
	let submitted = 0;
	let unplannedOutcomes = 0;
	let threads = 0;
	let posts = 0;

	const boardOf = (moduleSlug: string | null, cohortId: number | null) => {
		const key = `${moduleSlug ?? ''}|${cohortId ?? ''}`;
		let list = boards.get(key);
		if (!list) boards.set(key, (list = []));
		return list;
	};

	function startThread(board: Board, cohortId: number | null, authorId: number, authorName: string, title: string, bodyMd: string, at: number) {
		const { threadId, postId } = createThread(db, { board, cohortId, authorId, title, bodyMd }, at);
		const thread = { id: threadId, title, authorId, authorName, firstPostId: postId, firstBodyMd: bodyMd, lastPostAt: at };
		boardOf(board.moduleSlug, cohortId).push(thread);
		threads++;
		posts++;
		return thread;
	}

	function reply(thread: BoardThread, authorId: number, bodyMd: string, quoteOf: number | null, at: number) {
		const result = replyToThread(db, { threadId: thread.id, authorId, bodyMd, quoteOf }, at);
		if (!result.ok) return;
		thread.lastPostAt = at;
		posts++;
	}

	if (options.trainerId !== null) {
		const trainer = db.prepare('SELECT display_name FROM user WHERE id = ?').get(options.trainerId) as { display_name: string };
		const generalBoards = course.sharedDiscussions ? [null] : cohorts.map((c) => c.id);
		for (const cohortId of generalBoards) {
			const at = cohortsCreatedAt + 2 * HOUR;
			const thread = startThread(
				{ courseId: course.slug, moduleSlug: null },
				cohortId,
				options.trainerId,
				trainer.display_name,
				WELCOME_THREAD.title,
				WELCOME_THREAD.bodyMd,
				at
			);
			setThreadFlag(db, thread.id, 'pinned', true, options.trainerId, at + MINUTE);
		}
	}

	function post(plan: LearnerPlan, action: Extract<TimedAction, { kind: 'post' }>) {
		const info = action.module === null ? null : modules[action.module]!;
		const moduleSlug = info?.module.slug ?? null;
		const cohortId = cohortIdOf(plan);
		const userId = userIds[plan.who]!;
		const board = boardOf(moduleSlug, cohortId);
		const others = board.filter((thread) => thread.authorId !== userId);
		if (action.newThread || others.length === 0) {
			const { title, bodyMd } = threadText(plan.dice, moduleSlug, plan.person, new Set(board.map((t) => t.title)));
			const thread = startThread({ courseId: course.slug, moduleSlug }, cohortId, userId, plan.person.displayName, title, bodyMd, action.at);
			if (options.trainerId !== null && trainerDice.chance(0.4)) {
				const at = studyTime(action.at + trainerDice.between(2, 20) * HOUR, action.at, trainerDice);
				if (at <= options.now) {
					const index = pending.findIndex((p) => p.at > at);
					pending.splice(index < 0 ? pending.length : index, 0, { at, thread });
				}
			}
		} else {
			// mostly the threads with the latest posts, as a board lists them
			const recent = others.sort((a, b) => b.lastPostAt - a.lastPostAt).slice(0, 5);
			const thread = recent[Math.floor(plan.dice.random() ** 2 * recent.length)]!;
			let bodyMd = replyText(plan.dice, moduleSlug, plan.person);
			let quoteOf: number | null = null;
			if (plan.dice.chance(0.1)) {
				// what the thread page's "Trích dẫn" button puts in the reply box
				quoteOf = thread.firstPostId;
				bodyMd = `> **${thread.authorName}:** ${thread.firstBodyMd.split('\n').join('\n> ')}\n\n${bodyMd}`;
			}
			reply(thread, userId, bodyMd, quoteOf, action.at);
		}
	}

	function run(action: TimedAction) {
		const plan = plans[action.who]!;
		const userId = userIds[action.who]!;
		switch (action.kind) {
			case 'register': {
				const username = demoUsername(options.codePrefix, registered.length + 1, options.learners);
				// as registerLearner does, without the per-learner argon2 hash
				const user = insertUser(db, { ...plan.person, username, password: '', role: 'learner' }, options.passwordHash, action.at);
				addMember(db, cohorts[plan.cohort]!.id, user.id, 'learner', action.at);
				userIds[action.who] = user.id;
				usernames[action.who] = username;
				registered.push(action.who);
				return;
			}
			case 'launch':
				openAttempt(db, userId, modules[action.module]!.lessonActivityId, { countsAsAttempt: false }, action.at);
				return;
			case 'beat': {
				const info = modules[action.module]!;
				recordHeartbeat(
					db,
					userId,
					info.lessonActivityId,
					{
						activeMs: action.activeMs,
						location: action.section,
						// as the heartbeat endpoint: a discussion module is completed by posting, not reading
						reachedEnd: action.end && info.module.completion === 'read'
					},
					action.at
				);
				return;
			}
			case 'start': {
				const info = modules[action.attempt.module]!;
				const result = startAttempt(db, userId, info.quizActivityId!, info.quiz!, action.at, seededRandom(action.attempt.seed));
				if (!result.ok || result.resumed) {
					unplannedOutcomes++;
					return;
				}
				action.attempt.id = result.attempt.id;
				// the plan drew the same questions; keep to them should the draw ever differ
				const shown = new Set(result.attempt.questions.map((q) => q.id));
				action.attempt.responses = action.attempt.responses.filter(([id]) => shown.has(id));
				attempts++;
				return;
			}
			case 'save': {
				const { id, responses, saveShare } = action.attempt;
				if (id === undefined) return;
				saveResponses(db, id, new Map(responses.slice(0, Math.ceil(responses.length * (saveShare ?? 1)))), action.at);
				return;
			}
			case 'submit': {
				const { id, responses } = action.attempt;
				if (id === undefined) return;
				const result = submitAttempt(db, id, new Map(responses), action.at);
				if (result.ok) submitted++;
				if (!result.ok || result.attempt.passed !== action.attempt.plannedPass) unplannedOutcomes++;
				return;
			}
			case 'post':
				post(plan, action);
				return;
		}
	}

	const trainerReply = ({ at, thread }: (typeof pending)[number]) =>
		reply(thread, options.trainerId!, trainerReplyText(trainerDice), null, at);
	for (const action of actions) {
		while (pending.length > 0 && pending[0]!.at <= action.at) trainerReply(pending.shift()!);
		run(action);
	}
	pending.forEach(trainerReply);

	const byState: Record<LearnerState, number> = { notStarted: 0, inProgress: 0, completed: 0 };
	const examples: DemoSummary['examples'] = {};
	let failing = 0;
	for (const who of registered) {
		const progress = learnerCourseProgress(db, catalog, course, userIds[who]!);
		const state: LearnerState =
			progress.completedModules === progress.totalModules
				? 'completed'
				: progress.modules.every((m) => m.status === 'notStarted')
					? 'notStarted'
					: 'inProgress';
		byState[state]++;
		examples[state] ??= usernames[who];
		if (progress.modules.some((m) => m.quiz?.status === 'failed')) {
			failing++;
			examples.failing ??= usernames[who];
		}
	}
	return {
		cohorts: cohorts.map((c) => ({ id: c.id, name: c.name, code: c.enrolCode })),
		learners: registered.length,
		byState,
		failing,
		attempts,
		openAttempts: attempts - submitted,
		threads,
		posts,
		events: count(db, 'SELECT count(*) AS n FROM learning_event') - eventsBefore,
		certificates: count(db, `SELECT count(*) AS n FROM certificate WHERE issuer = '${DEMO_ISSUER}'`) - certificatesBefore,
		examples,
		directoryEntries: 0,
		unplannedOutcomes
	};
}
