// Learners who keep writing, through the same requests a browser sends: start a quiz attempt,
// autosave answers, submit, open a discussion thread, reply. Each learner waits for one answer
// before sending the next request, as a browser tab does; every request the server acknowledged
// is logged with what it wrote, for the durability checks (durability.ts) to look for.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signIn, type Scratch } from './harness';

export const COURSE = 'khoa-ben-bi';
export const MODULE = 'on-tap';
/** short-answer questions: a learner's answer is any text, so each save can be told apart */
export const QUESTIONS = ['q-mot', 'q-hai', 'q-ba'];
const PASSWORD = 'hoc-thu-taphuan';

/** A one-module course with an untimed quiz of unlimited attempts and a cohort board. */
export function writeCourse(dir: string): string {
	const module = join(dir, COURSE, `01-${MODULE}`);
	mkdirSync(module, { recursive: true });
	writeFileSync(join(dir, COURSE, 'course.md'), '---\ntitle: "Khoá học bền bỉ"\nsummary: "Dùng cho phép thử độ bền dữ liệu."\n---\n\nKhoá học thử.\n');
	writeFileSync(join(module, 'lesson.md'), '---\ntitle: "Ôn tập"\nestimatedMinutes: 5\n---\n\n## Nội dung\n\nBài học ngắn.\n');
	const questions = QUESTIONS.map((id, i) => `## Câu hỏi số ${i + 1} {#${id}}\n\n= dap an ${i + 1}\n`).join('\n');
	writeFileSync(join(module, 'quiz.md'), `---\ntitle: "Kiểm tra"\npassPercent: 60\n---\n\nBa câu trả lời ngắn.\n\n${questions}`);
	return dir;
}

export interface Learner {
	username: string;
	cookie: string;
}

/** The course, a cohort of demo learners studying it (seeded by the demo CLI), and a server setting
 * that lets them post as fast as the workload asks. */
export function seedLearners(scratch: Scratch, count: number): string[] {
	scratch.env.COURSES_DIR = writeCourse(join(scratch.dir, 'courses'));
	scratch.env.DISCUSSION_POSTS_PER_MINUTE = '1000000';
	scratch.cli('demo', '--learners', String(count), '--cohorts', '1', '--code', 'BEN', '--course', COURSE, '--days', '3');
	return Array.from({ length: count }, (_, i) => `ben.${String(i + 1).padStart(4, '0')}`);
}

export async function signInAll(url: string, usernames: string[]): Promise<Learner[]> {
	const learners: Learner[] = [];
	for (const username of usernames) learners.push({ username, cookie: await signIn(url, username, PASSWORD) });
	return learners;
}

/** A form posted as a browser without JavaScript posts it; the redirect is not followed. */
export function postForm(url: string, learner: Learner, path: string, fields: Record<string, string> = {}): Promise<Response> {
	return fetch(`${url}${path}`, {
		method: 'POST',
		headers: { cookie: learner.cookie, origin: url, accept: 'text/html' },
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

/** One write the client sent; `acked` once the server answered it as done. */
export type Write =
	| { kind: 'start'; user: string; attempt?: number }
	| { kind: 'save'; user: string; attempt: number; question: string; text: string }
	| { kind: 'submit'; user: string; attempt: number; answers: Record<string, string> }
	| { kind: 'thread'; user: string; threadId?: number; title: string; body: string }
	| { kind: 'reply'; user: string; threadId: number; postId?: number; body: string };

export type Logged = Write & { sentAt: number; acked: boolean; ackedAt?: number };

export interface WriteLog {
	writes: Logged[];
	/** answers with a status the workload does not expect (5xx, or a refusal it cannot explain) */
	unexpected: string[];
}

const PAUSE_MS = 5;

/**
 * Runs `learners` concurrently until `running()` turns false or the server stops answering;
 * each learner loops: start (or resume) an attempt, 1–4 autosaves, submit, then a new thread or
 * a reply. Resolves when every learner has stopped.
 */
export async function runWorkload(url: string, learners: Learner[], running: () => boolean, log: WriteLog, tag: string): Promise<void> {
	let serial = 0;
	const unique = () => `${tag}-${++serial}`;

	async function send(learner: Learner, write: Write, path: string, body: FormData | URLSearchParams): Promise<Response | null> {
		const entry: Logged = { ...write, sentAt: Date.now(), acked: false };
		log.writes.push(entry);
		let response: Response;
		try {
			response = await fetch(`${url}${path}`, {
				method: 'POST',
				headers: { cookie: learner.cookie, origin: url, accept: body instanceof URLSearchParams ? 'text/html' : '*/*' },
				body,
				redirect: 'manual'
			});
			await response.arrayBuffer();
		} catch {
			return null; // the server went away with the request in flight: it may or may not be stored
		}
		const location = response.headers.get('location') ?? '';
		const acked = body instanceof URLSearchParams ? response.status === 303 : response.status === 200;
		if (acked) {
			entry.acked = true;
			entry.ackedAt = Date.now();
			if (entry.kind === 'start') entry.attempt = Number(/\/quiz\/(\d+)$/.exec(location)?.[1]);
			if (entry.kind === 'thread') entry.threadId = Number(/\/discussions\/(\d+)$/.exec(location)?.[1]);
			if (entry.kind === 'reply') entry.postId = Number(/[?&]post=(\d+)/.exec(location)?.[1]);
		} else {
			log.unexpected.push(`${write.kind} by ${learner.username}: ${response.status}`);
		}
		return response;
	}

	async function study(learner: Learner): Promise<void> {
		const quiz = `/courses/${COURSE}/${MODULE}/quiz`;
		let ownThread: number | undefined;
		while (running()) {
			const started = await send(learner, { kind: 'start', user: learner.username }, `${quiz}?/start`, new URLSearchParams());
			const attempt = Number(/\/quiz\/(\d+)$/.exec(started?.headers.get('location') ?? '')?.[1]);
			if (!attempt) return;
			const answers: Record<string, string> = {};
			for (let i = 0, saves = 1 + Math.floor(Math.random() * 4); i < saves && running(); i++) {
				const question = QUESTIONS[Math.floor(Math.random() * QUESTIONS.length)]!;
				const text = `tra loi ${unique()}`;
				const form = new FormData();
				form.set(`q:${question}`, text);
				form.set('question', question);
				const saved = await send(learner, { kind: 'save', user: learner.username, attempt, question, text }, `${quiz}/${attempt}/answers`, form);
				if (saved?.status !== 200) return;
				answers[question] = text;
				await new Promise((r) => setTimeout(r, PAUSE_MS));
			}
			if (!running()) return;
			// the whole page is submitted: every question, answered or blank
			const final = Object.fromEntries(QUESTIONS.map((q) => [q, answers[q] ?? `nop bai ${unique()}`]));
			const form = new URLSearchParams(QUESTIONS.flatMap((q) => [[`q:${q}`, final[q]!], ['question', q]]));
			const submitted = await send(learner, { kind: 'submit', user: learner.username, attempt, answers: final }, `${quiz}/${attempt}?/submit`, form);
			if (submitted?.status !== 303 || !running()) return;
			const body = `bai viet ${unique()}`;
			if (ownThread === undefined || Math.random() < 0.3) {
				const title = `chu de ${unique()}`;
				const write = { kind: 'thread', user: learner.username, title, body } as const;
				const answer = await send(learner, write, `/courses/${COURSE}/${MODULE}/discussions`, new URLSearchParams({ title, body }));
				ownThread = Number(/\/discussions\/(\d+)$/.exec(answer?.headers.get('location') ?? '')?.[1]) || undefined;
				if (answer?.status !== 303) return;
			} else {
				const write = { kind: 'reply', user: learner.username, threadId: ownThread, body } as const;
				const answer = await send(learner, write, `/courses/${COURSE}/discussions/${ownThread}?/reply`, new URLSearchParams({ body }));
				if (answer?.status !== 303) return;
			}
		}
	}

	await Promise.all(learners.map((learner) => study(learner)));
}
