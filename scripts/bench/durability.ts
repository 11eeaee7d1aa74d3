// Crash safety (issue 8): the built server under a burst of quiz saves, submissions and posts
// is killed with SIGKILL at a random moment; then the database must hold every write the server
// acknowledged, show nothing half-written, pass PRAGMA integrity_check, and the app must serve
// again. Used by `npm run bench:crash` (20+ cycles) and tests/e2e/durability.e2e.ts (3 cycles).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { scratchDatabase, startServer, type RunningServer, type Scratch } from './harness';
import { COURSE, MODULE, runWorkload, seedLearners, signInAll, type Learner, type Logged, type WriteLog } from './workload';

/** What the database must show for the acknowledged writes in `log`; one line per problem. */
export function missingWrites(db: Database.Database, writes: Logged[], only: (w: Logged) => boolean = (w) => w.acked): string[] {
	const problems: string[] = [];
	const userId = db.prepare('SELECT id FROM user WHERE username = ?').pluck();
	const attempt = db.prepare(
		`SELECT a.id, a.status FROM quiz_attempt a JOIN activity t ON t.id = a.activity_id
		 WHERE a.user_id = ? AND t.course_id = ? AND t.kind = 'quiz' AND a.number = ?`
	);
	const response = db.prepare(`SELECT json_extract(response, '$.text') FROM quiz_response WHERE attempt_id = ? AND question_id = ?`).pluck();
	const post = db.prepare('SELECT thread_id, body_md FROM post WHERE id = ?');
	const firstPost = db.prepare('SELECT p.body_md, t.title FROM thread t JOIN post p ON p.thread_id = t.id WHERE t.id = ? ORDER BY p.id LIMIT 1');
	const attemptOf = (w: { user: string; attempt?: number }) =>
		attempt.get(userId.get(w.user), COURSE, w.attempt) as { id: number; status: string } | undefined;

	// an answer may since have been replaced by a later one, acknowledged or still in flight:
	// for each acknowledged answer, the texts sent for that question from it on
	const answersOf = (w: Logged): Record<string, string> => (w.kind === 'save' ? { [w.question]: w.text } : w.kind === 'submit' ? w.answers : {});
	const fromHereOn = new Map<Logged, Map<string, string[]>>();
	const sentLater = new Map<string, string[]>();
	for (const w of [...writes].reverse()) {
		const allowed = new Map<string, string[]>();
		for (const [question, text] of Object.entries(answersOf(w))) {
			const key = `${w.user}/${'attempt' in w ? w.attempt : ''}/${question}`;
			const texts = [text, ...(sentLater.get(key) ?? [])];
			sentLater.set(key, texts);
			allowed.set(question, texts);
		}
		fromHereOn.set(w, allowed);
	}

	for (const w of writes.filter(only)) {
		const what = `${w.kind} by ${w.user}`;
		if (w.kind === 'start' || w.kind === 'save' || w.kind === 'submit') {
			const row = attemptOf(w);
			if (!row) {
				problems.push(`${what}: attempt ${w.attempt} is missing`);
				continue;
			}
			if (w.kind === 'submit' && row.status !== 'submitted') problems.push(`${what}: attempt ${w.attempt} is not submitted`);
			for (const [question, allowed] of fromHereOn.get(w)!) {
				const stored = response.get(row.id, question) as string | undefined;
				if (!allowed.includes(stored!)) problems.push(`${what}: attempt ${w.attempt} ${question} holds ${String(stored)}`);
			}
		} else if (w.kind === 'thread') {
			const first = firstPost.get(w.threadId) as { body_md: string; title: string } | undefined;
			if (!first || first.title !== w.title || first.body_md !== w.body) problems.push(`${what}: thread ${w.threadId} is missing or different`);
		} else {
			const row = post.get(w.postId) as { thread_id: number; body_md: string } | undefined;
			if (!row || row.thread_id !== w.threadId || row.body_md !== w.body) problems.push(`${what}: post ${w.postId} is missing or different`);
		}
	}
	return problems;
}

/** Rows that contradict each other: what a half-written transaction would leave. */
const INVARIANTS: [string, string][] = [
	['submitted attempt without its grade', `SELECT count(*) FROM quiz_attempt WHERE status = 'submitted' AND (submitted_at IS NULL OR score IS NULL OR max_score IS NULL OR percent IS NULL OR passed IS NULL)`],
	['open attempt with a grade', `SELECT count(*) FROM quiz_attempt WHERE status = 'open' AND (submitted_at IS NOT NULL OR score IS NOT NULL)`],
	['attempt without its questions', `SELECT count(*) FROM quiz_attempt a WHERE NOT EXISTS (SELECT 1 FROM quiz_attempt_question q WHERE q.attempt_id = a.id)`],
	['attempt question without its stored question', `SELECT count(*) FROM quiz_attempt_question q WHERE NOT EXISTS (SELECT 1 FROM quiz_question s WHERE s.id = q.question)`],
	['answer of a submitted attempt not graded', `SELECT count(*) FROM quiz_response r JOIN quiz_attempt a ON a.id = r.attempt_id WHERE a.status = 'submitted' AND r.score IS NULL`],
	['answer of an open attempt already graded', `SELECT count(*) FROM quiz_response r JOIN quiz_attempt a ON a.id = r.attempt_id WHERE a.status = 'open' AND r.score IS NOT NULL`],
	['submitted attempt without exactly one passed/failed event', `SELECT count(*) FROM quiz_attempt a WHERE (a.status = 'submitted') != (SELECT count(*) FROM learning_event e WHERE e.user_id = a.user_id AND e.activity_id = a.activity_id AND e.verb IN ('passed', 'failed') AND json_extract(e.result, '$.attempt') = a.number)`],
	['attempt without its launch event', `SELECT count(*) FROM quiz_attempt a WHERE 1 != (SELECT count(*) FROM learning_event e WHERE e.user_id = a.user_id AND e.activity_id = a.activity_id AND e.verb = 'launched' AND json_extract(e.result, '$.attempt') = a.number)`],
	['quiz tracking row whose attempt count is off', `SELECT count(*) FROM tracking t WHERE t.attempts != (SELECT count(*) FROM quiz_attempt a WHERE a.user_id = t.user_id AND a.activity_id = t.activity_id) AND EXISTS (SELECT 1 FROM quiz_attempt a WHERE a.user_id = t.user_id AND a.activity_id = t.activity_id)`],
	['quiz tracking row whose kept score is not the best attempt', `SELECT count(*) FROM tracking t WHERE t.score_raw IS NOT (SELECT max(percent) FROM quiz_attempt a WHERE a.user_id = t.user_id AND a.activity_id = t.activity_id AND a.status = 'submitted') AND EXISTS (SELECT 1 FROM quiz_attempt a WHERE a.user_id = t.user_id AND a.activity_id = t.activity_id)`],
	['thread without a post', `SELECT count(*) FROM thread t WHERE NOT EXISTS (SELECT 1 FROM post p WHERE p.thread_id = t.id)`],
	['thread whose last_post_at is not its newest post', `SELECT count(*) FROM thread t WHERE t.last_post_at != (SELECT max(created_at) FROM post p WHERE p.thread_id = t.id)`],
	['post missing from the search index', `SELECT count(*) FROM post p WHERE p.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM post_search s WHERE s.rowid = p.id)`],
	['search entry without its post', `SELECT count(*) FROM post_search s WHERE NOT EXISTS (SELECT 1 FROM post p WHERE p.id = s.rowid AND p.deleted_at IS NULL)`],
	['post its author has not read', `SELECT count(*) FROM post p WHERE NOT EXISTS (SELECT 1 FROM thread_read r WHERE r.user_id = p.author_id AND r.thread_id = p.thread_id AND r.last_read_post_id >= p.id)`]
];

/** integrity_check, foreign keys and the invariants above, on a read-only connection. */
export function inconsistencies(db: Database.Database): string[] {
	const problems: string[] = [];
	const integrity = db.pragma('integrity_check', { simple: true });
	if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
	const orphans = db.pragma('foreign_key_check') as unknown[];
	if (orphans.length) problems.push(`foreign_key_check: ${orphans.length} rows`);
	for (const [name, sql] of INVARIANTS) {
		const n = db.prepare(sql).pluck().get() as number;
		if (n) problems.push(`${name}: ${n}`);
	}
	return problems;
}

export function checkDatabase(path: string, writes: Logged[], only?: (w: Logged) => boolean): string[] {
	const db = new Database(path, { readonly: true, fileMustExist: true });
	try {
		return [...inconsistencies(db), ...missingWrites(db, writes, only)];
	} finally {
		db.close();
	}
}

/** Problems with the app serving again: /healthz, a lesson page and a quiz page for a learner. */
export async function servesAgain(url: string, learner: Learner): Promise<string[]> {
	const problems: string[] = [];
	const health = await fetch(`${url}/healthz`);
	if (health.status !== 200) problems.push(`/healthz answered ${health.status}`);
	for (const path of [`/courses/${COURSE}/${MODULE}`, `/courses/${COURSE}/${MODULE}/quiz`]) {
		const page = await fetch(`${url}${path}`, { headers: { cookie: learner.cookie, accept: 'text/html' } });
		if (page.status !== 200) problems.push(`${path} answered ${page.status}`);
	}
	return problems;
}

export interface CrashWorld {
	scratch: Scratch;
	learners: Learner[];
	dbPath: string;
}

/** A scratch database with the test course and `learners` signed-in learners. */
export async function crashWorld(learners: number): Promise<CrashWorld> {
	const scratch = scratchDatabase();
	try {
		const usernames = seedLearners(scratch, learners);
		const server = await startServer(scratch);
		try {
			return { scratch, learners: await signInAll(server.url, usernames), dbPath: join(scratch.dir, 'taphuan.db') };
		} finally {
			await server.stop();
		}
	} catch (error) {
		scratch.remove();
		throw error;
	}
}

export interface CycleResult {
	killedAfterMs: number;
	acked: Record<Logged['kind'], number>;
	/** sent but not answered when the server died */
	inFlight: number;
	problems: string[];
}

/** Starts the server, checks it serves, runs the workload, SIGKILLs it after a random
 * 150–`maxKillMs` ms, then checks the database against what was acknowledged. */
export async function crashCycle(world: CrashWorld, cycle: number, maxKillMs = 1500): Promise<CycleResult> {
	const server: RunningServer = await startServer(world.scratch);
	const problems = await servesAgain(server.url, world.learners[0]!);
	const log: WriteLog = { writes: [], unexpected: [] };
	let running = true;
	const work = runWorkload(server.url, world.learners, () => running, log, `c${cycle}`);
	const killedAfterMs = 150 + Math.floor(Math.random() * (maxKillMs - 150));
	await new Promise((r) => setTimeout(r, killedAfterMs));
	const exited = new Promise((r) => server.child.once('exit', r));
	server.child.kill('SIGKILL');
	running = false;
	await exited;
	await work;
	problems.push(...log.unexpected, ...checkDatabase(world.dbPath, log.writes));
	const acked = { start: 0, save: 0, submit: 0, thread: 0, reply: 0 };
	for (const w of log.writes) if (w.acked) acked[w.kind]++;
	return { killedAfterMs, acked, inFlight: log.writes.filter((w) => !w.acked).length, problems };
}

/** After the last cycle: the app starts once more and serves. */
export async function finalCheck(world: CrashWorld): Promise<string[]> {
	const server = await startServer(world.scratch);
	try {
		return await servesAgain(server.url, world.learners[0]!);
	} finally {
		await server.stop();
	}
}
