// Scenario 3: a discussion burst on one module's board. Within a minute, writers open new threads
// and reply to each other while readers keep opening the board and the threads with new posts,
// all as browsers do (redirects followed, each thread page marking what it showed as read).
// Afterwards every acknowledged post must be in the database, and every learner's board must show
// exactly the new-post counts that follow from what each was shown and wrote.
import Database from 'better-sqlite3';
import { inconsistencies, missingWrites } from './durability';
import { cpuMs, load, request, startServer, warmUp, watchMemory, type Answer } from './harness';
import { boardPageCount, boardThreads, shownPostIds } from './pages';
import { memoryTarget, StepTimes, type ScenarioReport, type Target } from './report';
import { count, expectedUnread, ms, sleepUntil, sortedMoments, type SeenPost } from './stats';
import type { Logged } from './workload';
import { COURSE, type Learner, type World } from './world';

export const BOARD_MODULE = 'thao-luan-chia-se';

export interface DiscussionOptions {
	workers: number;
	windowMs: number;
	/** share of the learners who write; the others read */
	writerShare: number;
	postsPerWriter: number;
	visitsPerReader: number;
}

const STEPS = ['board', 'thread page', 'new thread', 'reply'] as const;

const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;

export async function discussionScenario(world: World, options: DiscussionOptions): Promise<ScenarioReport> {
	const server = await startServer(world.scratch, { workers: options.workers });
	const url = server.url;
	const boardPath = `/courses/${COURSE}/${BOARD_MODULE}/discussions`;
	const threadPath = (id: number) => `/courses/${COURSE}/discussions/${id}`;
	const times = new StepTimes(STEPS);
	const problems: string[] = [];
	const writes: Logged[] = [];
	/** threads opened during the burst, by cohort */
	const burstThreads = new Map<number, number[]>();
	/** learner id → thread id → the highest post id a thread page showed them */
	const shown = new Map<number, Map<number, number>>();
	let serial = 0;

	async function send(step: (typeof STEPS)[number], learner: Learner, path: string, body?: URLSearchParams): Promise<Answer | null> {
		const answer = await request(url, learner, path, body);
		if ('error' in answer) {
			problems.push(`${step} by ${learner.username}: ${answer.error}`);
			return null;
		}
		times.add(step, answer.ms);
		const expected = body ? 303 : 200;
		if (answer.status !== expected) {
			problems.push(`${step} by ${learner.username}: ${answer.status}`);
			return null;
		}
		return answer;
	}

	/** A thread page as the browser lands on it (redirects followed), marking what it shows read. */
	async function openThread(learner: Learner, path: string): Promise<void> {
		let answer = await request(url, learner, path);
		for (let hops = 0; !('error' in answer) && answer.status === 303 && answer.location && hops < 3; hops++) {
			times.add('thread page', answer.ms);
			answer = await request(url, learner, answer.location.replace(/#.*$/, ''));
		}
		if ('error' in answer || answer.status !== 200) {
			problems.push(`thread page ${path} for ${learner.username}: ${'error' in answer ? answer.error : answer.status}`);
			return;
		}
		times.add('thread page', answer.ms);
		const last = Math.max(0, ...shownPostIds(answer.text));
		const threadId = Number(/\/discussions\/(\d+)/.exec(path)?.[1]);
		const mine = shown.get(learner.id) ?? new Map<number, number>();
		mine.set(threadId, Math.max(mine.get(threadId) ?? 0, last));
		shown.set(learner.id, mine);
	}

	async function write(learner: Learner, first: boolean): Promise<void> {
		if (!(await send('board', learner, boardPath))) return;
		const threads = burstThreads.get(learner.cohortId) ?? [];
		const others = threads.filter((id) => !writes.some((w) => w.kind === 'thread' && w.threadId === id && w.user === learner.username));
		const body = `Ý kiến số ${++serial} của ${learner.username}: ở xã tôi, việc lồng ghép làm được khi có người phụ trách rõ ràng và kinh phí từ chương trình sẵn có.`;
		if ((first && Math.random() < 0.3) || others.length === 0) {
			const title = `Kinh nghiệm ở cơ sở (${learner.username}, ${serial})`;
			const entry: Logged = { kind: 'thread', user: learner.username, title, body, sentAt: Date.now(), acked: false };
			writes.push(entry);
			const answer = await send('new thread', learner, boardPath, new URLSearchParams({ title, body }));
			const threadId = Number(/\/discussions\/(\d+)$/.exec(answer?.location ?? '')?.[1]);
			if (!threadId) return;
			Object.assign(entry, { acked: true, threadId });
			burstThreads.set(learner.cohortId, [...(burstThreads.get(learner.cohortId) ?? []), threadId]);
			await openThread(learner, threadPath(threadId));
		} else {
			const threadId = pick(others);
			await openThread(learner, threadPath(threadId));
			const entry: Logged = { kind: 'reply', user: learner.username, threadId, body, sentAt: Date.now(), acked: false };
			writes.push(entry);
			const answer = await send('reply', learner, `${threadPath(threadId)}?/reply`, new URLSearchParams({ body }));
			const postId = Number(/[?&]post=(\d+)/.exec(answer?.location ?? '')?.[1]);
			if (!postId) return;
			Object.assign(entry, { acked: true, postId });
			await openThread(learner, answer!.location!);
		}
	}

	async function read(learner: Learner): Promise<void> {
		const board = await send('board', learner, boardPath);
		if (!board) return;
		const ours = new Set(burstThreads.get(learner.cohortId) ?? []);
		const news = boardThreads(board.text).filter((t) => t.unread > 0 && ours.has(t.id));
		if (news.length) await openThread(learner, threadPath(pick(news).id));
	}

	await warmUp(server, world.learners[0]!, [boardPath, threadPath(1)]);
	const loadBefore = load();
	const watch = watchMemory(server);
	const cpuBefore = cpuMs(server);
	const began = performance.now();
	const writers = world.learners.filter((_, i) => i % 10 < options.writerShare * 10);
	const readers = world.learners.filter((_, i) => i % 10 >= options.writerShare * 10);
	let checked: string[] = [];
	let memory = { peakTotalKb: 0, peakProcessKb: 0 };
	let requests = 0;
	let cpu = 0;
	let loadAfter = '';
	try {
		console.error(`discussion: ${writers.length} writers and ${readers.length} readers for ${options.windowMs / 1000} s`);
		await Promise.all([
			...writers.map(async (learner) => {
				for (const [i, at] of sortedMoments(options.postsPerWriter, began, options.windowMs).entries()) {
					await sleepUntil(at);
					await write(learner, i === 0);
				}
			}),
			...readers.map(async (learner) => {
				for (const at of sortedMoments(options.visitsPerReader, began, options.windowMs)) {
					await sleepUntil(at);
					await read(learner);
				}
			})
		]);
		memory = watch.stop();
		loadAfter = load();
		requests = times.requests;
		cpu = cpuMs(server) - cpuBefore;
		console.error(`discussion: checking every learner's board`);
		checked = await checkBoards(world, url, boardPath, burstThreads, shown);
	} finally {
		await server.stop();
	}
	const acked = writes.filter((w) => w.acked);
	const db = new Database(world.dbPath, { readonly: true, fileMustExist: true });
	try {
		checked.push(...inconsistencies(db), ...missingWrites(db, acked));
		const ids = [...burstThreads.values()].flat();
		const stored = db.prepare('SELECT count(*) FROM post WHERE thread_id IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify(ids)) as number;
		if (stored !== acked.length) checked.push(`${stored} posts in the burst's threads, ${acked.length} acknowledged`);
	} finally {
		db.close();
	}
	problems.push(...checked);

	const errors = problems.length - checked.length;
	const peak = memoryTarget('discussion burst', memory);
	const targets: Target[] = [
		{ what: 'Discussion burst, errors', target: '0', measured: String(errors), met: errors === 0 },
		{ what: 'Discussion burst, posts lost and wrong new-post counts', target: '0', measured: String(checked.length), met: checked.length === 0 },
		peak.target
	];
	const threadsOpened = acked.filter((w) => w.kind === 'thread').length;
	const markdown = [
		`On the board of module "${BOARD_MODULE}" (one board per cohort), for ${options.windowMs / 1000} s: ${count(writers.length)} learners write ${options.postsPerWriter} posts each at random moments (the first a new thread three times in ten, otherwise a reply to another's thread of the burst: board, thread page, post, then the page the redirect leads to), while ${count(readers.length)} learners open the board (its first page: the 20 most active threads) ${options.visitsPerReader} times each and, when it shows new posts in the burst's threads, one of those threads. ${options.workers} worker process(es); server CPU ${ms(cpu / Math.max(1, requests))} per request.`,
		'',
		times.table(),
		'',
		`${count(acked.length)} posts acknowledged (${threadsOpened} new threads, ${acked.length - threadsOpened} replies); errors: ${errors}. Afterwards, in the database: every acknowledged post as sent, no other post in those threads, integrity_check and the invariants; then every learner's board (${count(world.learners.length)} learners, every page of it), its new-post count for each thread of the burst compared with the count that follows from the posts and what each learner was shown and wrote: ${checked.length === 0 ? 'all as expected' : `${checked.length} problems`}.`,
		'',
		`${peak.line} Load average / CPU pressure: ${loadBefore} at the start, ${loadAfter} at the end.`
	].join('\n');
	return { title: 'Discussion burst', markdown, targets, problems };
}

/** Each learner's board against the new-post counts their reading and writing imply. */
async function checkBoards(
	world: World,
	url: string,
	boardPath: string,
	burstThreads: Map<number, number[]>,
	shown: Map<number, Map<number, number>>
): Promise<string[]> {
	const db = new Database(world.dbPath, { readonly: true, fileMustExist: true });
	let posts: (SeenPost & { cohortId: number })[];
	try {
		posts = db
			.prepare(
				`SELECT p.id, p.thread_id AS threadId, p.author_id AS authorId, t.cohort_id AS cohortId FROM post p JOIN thread t ON t.id = p.thread_id
				 WHERE p.thread_id IN (SELECT value FROM json_each(?)) AND p.deleted_at IS NULL AND p.hidden_at IS NULL`
			)
			.all(JSON.stringify([...burstThreads.values()].flat())) as (SeenPost & { cohortId: number })[];
	} finally {
		db.close();
	}
	const problems: string[] = [];
	const queue = [...world.learners];
	// a few browsers at a time: this is a check, not load
	await Promise.all(Array.from({ length: 4 }, async () => {
		for (let learner = queue.shift(); learner; learner = queue.shift()) problems.push(...(await checkBoard(learner)));
	}));
	return problems;

	async function checkBoard(learner: Learner): Promise<string[]> {
		const problems: string[] = [];
		// every page of the board: the burst's threads may reach past the first
		const onBoard = new Map<number, number>();
		for (let page = 1, pages = 1; page <= pages; page++) {
			const answer = await request(url, learner, `${boardPath}?page=${page}`);
			if ('error' in answer || answer.status !== 200) return [`board page ${page} of ${learner.username}: ${'error' in answer ? answer.error : answer.status}`];
			pages = boardPageCount(answer.text);
			for (const thread of boardThreads(answer.text)) onBoard.set(thread.id, thread.unread);
		}
		const expected = expectedUnread(
			posts.filter((p) => p.cohortId === learner.cohortId),
			learner.id,
			shown.get(learner.id) ?? new Map()
		);
		for (const [threadId, unread] of expected) {
			if (onBoard.get(threadId) !== unread) problems.push(`${learner.username}, thread ${threadId}: board shows ${onBoard.get(threadId)} new, expected ${unread}`);
		}
		return problems;
	}
}
