// Scenario 2: exam day. Every learner starts the course's final assessment (questions drawn per
// attempt from its pool) within a burst of a few seconds or a minute, autosaves ten answers over
// the next minute (as the quiz page does, one question per request), then submits the whole form
// within a few seconds. Afterwards the database must hold every save and every submission the
// server acknowledged, exactly as sent. Run once per burst length, each on an exam of its own.
import Database from 'better-sqlite3';
import { parseResponses } from '$lib/server/quiz/responses';
import { attemptQuestions } from '$lib/server/quiz/question-store';
import type { SnapshotQuestion } from '$lib/server/quiz/snapshot';
import { inconsistencies } from './durability';
import { cpuMs, load, request, startServer, warmUp, watchMemory, type Answer } from './harness';
import { answerFields, quizQuestions, type QuestionFields } from './pages';
import { memoryTarget, StepTimes, type ScenarioReport, type Target } from './report';
import { count, ms, sleepUntil, sortedMoments, spread } from './stats';
import { addExam, COURSE, type Learner, type World } from './world';

export interface QuizOptions {
	/** 0: one process, as `npm start`; otherwise `npm run start:cluster` with this many workers */
	workers: number;
	/** the starts, the autosaves and the submissions are spread over these windows */
	startMs: number;
	saveMs: number;
	submitMs: number;
	saves: number;
	/** the exam's module number and slug: a new one for each run */
	examNumber: number;
	examModule: string;
}

const STEPS = ['start', 'attempt page', 'autosave', 'submit'] as const;

/** CPU this process (the load generator) has used so far, in milliseconds */
const generatorCpuMs = () => {
	const used = process.cpuUsage();
	return (used.user + used.system) / 1000;
};

interface Save {
	user: Learner;
	attempt: number;
	question: string;
	fields: [string, string][];
}

interface Taker {
	learner: Learner;
	attempt: number;
	/** the attempt page's address */
	location: string;
	questions: QuestionFields[];
	/** the form as the learner left it: the last fields sent for each question */
	form: Map<string, [string, string][]>;
}


const formOf = (fields: [string, string][], questions: string[]) => {
	const form = new FormData();
	for (const [name, value] of fields) form.append(name, value);
	for (const id of questions) form.append('question', id);
	return form;
};

export async function quizScenario(world: World, options: QuizOptions): Promise<ScenarioReport> {
	const exam = addExam(world, options.examNumber, options.examModule);
	const bytesBefore = usedBytes(world.dbPath);
	const server = await startServer(world.scratch, { workers: options.workers || undefined });
	const url = server.url;
	const quizPath = `/courses/${COURSE}/${exam.module}/quiz`;
	const times = new StepTimes(STEPS);
	const problems: string[] = [];
	const saves: Save[] = [];
	const submitted: Taker[] = [];
	/** when the last start was answered: the burst's real length, queueing included */
	let lastStartAt = 0;
	/** learners past the burst (attempt page loaded, or given up); after the last, the burst's CPU is read */
	let pastBurst = 0;
	let burstCpu = { server: 0, generator: 0, ms: 0 };
	const burstOver = () => {
		if (++pastBurst < world.learners.length) return;
		burstCpu = { server: cpuMs(server) - cpuBefore, generator: generatorCpuMs() - generatorBefore, ms: performance.now() - began };
	};

	/** One request as the browser sends it, timed to its last byte under `step`; null when it failed. */
	async function send(step: (typeof STEPS)[number], learner: Learner, path: string, body?: FormData | URLSearchParams): Promise<Answer | null> {
		const answer = await request(url, learner, path, body);
		if ('error' in answer) problems.push(`${step} by ${learner.username}: ${answer.error}`);
		else times.add(step, answer.ms);
		return 'error' in answer ? null : answer;
	}

	/** Starts the exam and loads the attempt page: the learner's part of the start burst. */
	async function startExam(learner: Learner, startAt: number): Promise<Taker | null> {
		await sleepUntil(startAt);
		const started = await send('start', learner, `${quizPath}?/start`, new URLSearchParams());
		lastStartAt = Math.max(lastStartAt, performance.now());
		const location = started?.location ?? '';
		const attempt = Number(/\/quiz\/(\d+)$/.exec(location)?.[1]);
		if (started?.status !== 303 || !attempt) {
			if (started) problems.push(`start by ${learner.username}: ${started.status}`);
			return null;
		}
		const page = await send('attempt page', learner, location);
		const questions = page?.status === 200 ? quizQuestions(page.text) : [];
		if (questions.length === 0) {
			problems.push(`attempt page of ${learner.username}: ${page?.status ?? 'no answer'}, ${questions.length} questions`);
			return null;
		}
		return { learner, attempt, location, questions, form: new Map() };
	}

	async function startAndSave(learner: Learner, startAt: number, saveAt: number[]): Promise<Taker | null> {
		const taker = await startExam(learner, startAt);
		burstOver();
		if (!taker) return null;
		for (const [i, at] of saveAt.entries()) {
			await sleepUntil(at);
			const question = taker.questions[i % taker.questions.length]!;
			const fields = answerFields(question, Math.random, `trả lời ${learner.username} số ${i + 1}`);
			taker.form.set(question.id, fields);
			const saved = await send('autosave', learner, `${taker.location}/answers`, formOf(fields, [question.id]));
			if (saved?.status === 200) saves.push({ user: learner, attempt: taker.attempt, question: question.id, fields });
			else if (saved) problems.push(`autosave by ${learner.username}: ${saved.status} ${saved.text}`);
		}
		return taker;
	}

	async function submit(taker: Taker, at: number): Promise<void> {
		await sleepUntil(at);
		// the whole page: answers saved before, and the last question answered now
		for (const question of taker.questions) {
			if (!taker.form.has(question.id)) taker.form.set(question.id, answerFields(question, Math.random, `nộp bài ${taker.learner.username}`));
		}
		const fields = [...taker.form.values()].flat();
		const ids = taker.questions.map((q) => q.id);
		const body = new URLSearchParams([...fields, ...ids.map((id): [string, string] => ['question', id])]);
		const answer = await send('submit', taker.learner, `${quizPath}/${taker.attempt}?/submit`, body);
		if (answer?.status === 303) submitted.push(taker);
		else if (answer) problems.push(`submit by ${taker.learner.username}: ${answer.status}`);
	}

	// the quiz page, and an attempt page that is not there (its code loads all the same)
	await warmUp(server, world.learners[0]!, [quizPath, `${quizPath}/99`, `/courses/${COURSE}`]);
	const loadBefore = load();
	const watch = watchMemory(server);
	const began = performance.now();
	let savesChecked: string[] = [];
	let submitsChecked: string[] = [];
	let memory = { peakTotalKb: 0, peakProcessKb: 0 };
	let loadAfter = '';
	let cpu = 0;
	const cpuBefore = cpuMs(server);
	const generatorBefore = generatorCpuMs();
	try {
		console.error(`quiz: ${world.learners.length} learners start within ${options.startMs / 1000} s`);
		const startAt = spread(world.learners.length, began, options.startMs);
		const takers = await Promise.all(
			world.learners.map((learner, i) => startAndSave(learner, startAt[i]!, sortedMoments(options.saves, began + options.startMs, options.saveMs)))
		);
		savesChecked = checkSaves(world.dbPath, exam.module, saves);
		console.error(`quiz: ${saves.length} autosaves acknowledged, ${savesChecked.length} problems; submitting`);
		const from = performance.now();
		const present = takers.filter((t): t is Taker => t !== null);
		const submitAt = spread(present.length, from, options.submitMs);
		await Promise.all(present.map((taker, i) => submit(taker, submitAt[i]!)));
		memory = watch.stop();
		loadAfter = load();
		cpu = cpuMs(server) - cpuBefore;
		submitsChecked = checkSubmissions(world.dbPath, exam.module, submitted, world.learners.length);
	} finally {
		await server.stop();
	}
	problems.push(...savesChecked, ...submitsChecked);
	// everything the exam added: attempts, their questions, answers, grades, tracking, events
	const bytesAfter = usedBytes(world.dbPath);
	const growth = (total(bytesAfter) - total(bytesBefore)) / Math.max(1, submitted.length);
	const grownBy = [...bytesAfter]
		.map(([name, bytes]): [string, number] => [name, (bytes - (bytesBefore.get(name) ?? 0)) / Math.max(1, submitted.length)])
		.filter(([, bytes]) => bytes >= 20)
		.sort((a, b) => b[1] - a[1]);

	const burst = `${options.startMs / 1000} s`;
	const mode = options.workers ? `\`npm run start:cluster\`, ${options.workers} workers` : 'one process (`npm start`)';
	const startSpanMs = lastStartAt - began;
	const pairs = Math.max(1, times.count('attempt page'));
	const peak = memoryTarget(`exam day, starts within ${burst}, ${mode}`, memory);
	const p95 = (step: (typeof STEPS)[number]) => times.p95(step);
	const targets: Target[] = [
		{ what: `Exam day, ${burst}, ${mode}: start and attempt page p95`, target: '≤ 300 ms', measured: `${ms(p95('start'))} / ${ms(p95('attempt page'))}`, met: Math.max(p95('start'), p95('attempt page')) <= 300 },
		{ what: `Exam day, ${burst}, ${mode}: autosave p95`, target: '≤ 100 ms', measured: ms(p95('autosave')), met: p95('autosave') <= 100 },
		{ what: `Exam day, ${burst}, ${mode}: submit p95`, target: '≤ 150 ms', measured: ms(p95('submit')), met: p95('submit') <= 150 },
		{ what: `Exam day, ${burst}, ${mode}: throughput of the start burst`, target: 'reported', measured: `${(times.count('start') / Math.max(0.001, startSpanMs / 1000)).toFixed(0)} starts/s (last start answered ${ms(startSpanMs)} after the first was sent)`, met: true },
		{
			what: `Exam day, ${burst}, ${mode}: acknowledged saves and submissions lost`,
			target: '0',
			measured: `${savesChecked.length + submitsChecked.length} of ${count(saves.length)} saves and ${count(submitted.length)} submissions`,
			met: savesChecked.length + submitsChecked.length === 0
		},
		{ what: `Exam day, ${burst}, ${mode}: database growth per submitted attempt`, target: '≤ 3 KB', measured: `${(growth / 1024).toFixed(2)} KB`, met: growth <= 3 * 1024 },
		peak.target
	];
	const markdown = [
		`${count(world.learners.length)} learners take the course's final assessment together (${exam.questions} questions drawn for each learner from its pool of ${exam.pool}, by module quotas, shuffled; ${exam.minutes} minutes; one attempt): each starts it at a random moment in the first ${options.startMs / 1000} s and loads the attempt page, autosaves ${options.saves} answers at random moments over the next ${options.saveMs / 1000} s (one question per request, multipart, as the page's autosave), then all submit the whole form within ${options.submitMs / 1000} s. Requests as the browser sends them (session cookie, Origin), from one Node process over keep-alive HTTP (node:http); served by ${mode}; server CPU ${ms(cpu / Math.max(1, times.requests))} per request. During the start burst (until the last attempt page came, ${ms(burstCpu.ms)}) the server used ${ms(burstCpu.server / pairs)} of CPU per start and attempt page together (${(burstCpu.server / Math.max(1, burstCpu.ms)).toFixed(2)} cores), the load generator ${ms(burstCpu.generator / pairs)} (${(burstCpu.generator / Math.max(1, burstCpu.ms)).toFixed(2)} cores).`,
		'',
		times.table(),
		'',
		`Checked afterwards in the database: ${count(saves.length)} acknowledged autosaves (each answer stored as the app reads the form that carried it, checked before anyone submitted) and ${count(submitted.length)} acknowledged submissions (graded, every answer as submitted), one attempt per learner, integrity_check and the schema's invariants: ${savesChecked.length + submitsChecked.length === 0 ? 'nothing missing or different' : `${savesChecked.length + submitsChecked.length} problems`}. The database grew by ${(growth / 1024).toFixed(2)} KB per submitted attempt (pages in use, after a checkpoint): ${grownBy.map(([name, bytes]) => `${name} ${bytes.toFixed(0)} B`).join(', ')}. Errors (failed or refused requests): ${problems.length - savesChecked.length - submitsChecked.length}.`,
		'',
		`${peak.line} Load average / CPU pressure: ${loadBefore} at the start, ${loadAfter} at the end.`
	].join('\n');
	return { title: `Exam day: ${count(world.learners.length)} learners start within ${burst}, ${mode}`, markdown, targets, problems };
}

interface AttemptRow {
	id: number;
	status: string;
	percent: number | null;
}

function openReadOnly(path: string, module: string) {
	const db = new Database(path, { readonly: true, fileMustExist: true });
	const attempt = db.prepare(
		`SELECT a.id, a.status, a.percent FROM quiz_attempt a JOIN user u ON u.id = a.user_id
		 JOIN activity t ON t.id = a.activity_id
		 WHERE u.username = ? AND t.course_id = ? AND t.module_slug = ? AND t.kind = 'quiz' AND a.number = ?`
	);
	const stored = db.prepare('SELECT response FROM quiz_response WHERE attempt_id = ? AND question_id = ?').pluck();
	const snapshots = new Map<number, SnapshotQuestion[]>();
	return {
		db,
		attempt: (username: string, number: number) => {
			const row = attempt.get(username, COURSE, module, number) as AttemptRow | undefined;
			if (row && !snapshots.has(row.id)) snapshots.set(row.id, attemptQuestions(db, row.id));
			return row && { ...row, snapshot: snapshots.get(row.id)! };
		},
		/** what the app makes of these fields for this question, and what it stored */
		compare: (attemptId: number, snapshot: SnapshotQuestion[], question: string, fields: [string, string][]) => {
			const expected = parseResponses(snapshot, formOf(fields, [question])).responses.get(question) ?? null;
			const row = stored.get(attemptId, question) as string | undefined;
			return { expected: expected === null ? undefined : JSON.stringify(expected), stored: row };
		}
	};
}

/** Bytes of the database's pages in use by each table and index, once its write-ahead log is copied in. */
function usedBytes(path: string): Map<string, number> {
	const db = new Database(path, { fileMustExist: true });
	try {
		db.pragma('wal_checkpoint(TRUNCATE)');
		return new Map(db.prepare('SELECT name, sum(pgsize) FROM dbstat GROUP BY name').raw().all() as [string, number][]);
	} finally {
		db.close();
	}
}

const total = (bytes: Map<string, number>) => [...bytes.values()].reduce((a, b) => a + b, 0);

/** Every acknowledged autosave is in the database with the answer it carried. */
function checkSaves(path: string, module: string, saves: Save[]): string[] {
	const reader = openReadOnly(path, module);
	try {
		const problems: string[] = [];
		for (const save of saves) {
			const attempt = reader.attempt(save.user.username, save.attempt);
			if (!attempt) {
				problems.push(`autosave by ${save.user.username}: attempt ${save.attempt} missing`);
				continue;
			}
			const { expected, stored } = reader.compare(attempt.id, attempt.snapshot, save.question, save.fields);
			if (expected !== stored) problems.push(`autosave by ${save.user.username}, ${save.question}: stored ${stored}, sent ${expected}`);
		}
		return problems;
	} finally {
		reader.db.close();
	}
}

/** Every acknowledged submission is graded with the answers of the form; one attempt each. */
function checkSubmissions(path: string, module: string, takers: Taker[], learners: number): string[] {
	const reader = openReadOnly(path, module);
	try {
		const problems = inconsistencies(reader.db);
		for (const taker of takers) {
			const who = taker.learner.username;
			const attempt = reader.attempt(who, taker.attempt);
			if (!attempt || attempt.status !== 'submitted' || attempt.percent === null) {
				problems.push(`submit by ${who}: attempt ${taker.attempt} ${attempt ? `is ${attempt.status}` : 'missing'}`);
				continue;
			}
			for (const [question, fields] of taker.form) {
				const { expected, stored } = reader.compare(attempt.id, attempt.snapshot, question, fields);
				if (expected !== stored) problems.push(`submit by ${who}, ${question}: stored ${stored}, sent ${expected}`);
			}
		}
		const attempts = reader.db
			.prepare(`SELECT count(*) FROM quiz_attempt a JOIN activity t ON t.id = a.activity_id WHERE t.module_slug = ? AND t.kind = 'quiz'`)
			.pluck()
			.get(module) as number;
		if (attempts > learners) problems.push(`${attempts} exam attempts for ${learners} learners`);
		return problems;
	} finally {
		reader.db.close();
	}
}
