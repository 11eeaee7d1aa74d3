// Beyond capacity (issue 8): requests queue, then get a clear 503 with Retry-After, never a
// crash or a half-written post; and a second process writing the same database (the admin
// CLI) makes no request fail, because every transaction waits its turn (BEGIN IMMEDIATE with
// busy_timeout) instead of meeting SQLITE_BUSY.
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { crashWorld, inconsistencies, missingWrites } from '../../scripts/bench/durability';
import { startServer } from '../../scripts/bench/harness';
import { COURSE, MODULE, postForm, runWorkload, type Learner, type WriteLog } from '../../scripts/bench/workload';

/** An autosave whose body is only half sent: it holds its place in the limiter until `finish`. */
function slowAutosave(url: string, learner: Learner, attempt: number): { finish: () => Promise<number> } {
	const body = 'q%3Aq-mot=cham&question=q-mot';
	let req: ClientRequest;
	const status = new Promise<number>((done, reject) => {
		req = httpRequest(`${url}/courses/${COURSE}/${MODULE}/quiz/${attempt}/answers`, {
			method: 'POST',
			headers: { cookie: learner.cookie, origin: url, 'content-type': 'application/x-www-form-urlencoded', 'content-length': body.length }
		});
		req.on('response', (res) => (res.resume(), done(res.statusCode!)));
		req.on('error', reject);
		req.write(body.slice(0, 5));
	});
	return { finish: () => (req.end(body.slice(5)), status) };
}

async function startAttempt(url: string, learner: Learner): Promise<number> {
	const response = await postForm(url, learner, `/courses/${COURSE}/${MODULE}/quiz?/start`);
	return Number(/\/quiz\/(\d+)$/.exec(response.headers.get('location') ?? '')?.[1]);
}

test('past the in-flight limit requests queue, past the queue they get 503 with Retry-After, and nothing refused is stored', async () => {
	test.setTimeout(90_000);
	const world = await crashWorld(4);
	const limited = { ...world.scratch, env: { ...world.scratch.env, MAX_REQUESTS_IN_FLIGHT: '2', MAX_REQUESTS_QUEUED: '2' } };
	const server = await startServer(limited);
	const { url } = server;
	const [lan, minh] = world.learners as [Learner, Learner];
	const lesson = (accept: string) => fetch(`${url}/courses/${COURSE}/${MODULE}`, { headers: { cookie: lan.cookie, accept } });
	try {
		const attempt = await startAttempt(url, lan);
		// two slow uploads hold both places; two page loads wait in the queue
		const slow = [slowAutosave(url, lan, attempt), slowAutosave(url, lan, attempt)];
		await new Promise((r) => setTimeout(r, 300));
		const queued = [lesson('text/html'), lesson('text/html')];
		await new Promise((r) => setTimeout(r, 300));

		const page = await lesson('text/html');
		expect(page.status).toBe(503);
		expect(page.headers.get('retry-after')).toBe('5');
		expect(page.headers.get('content-type')).toContain('text/html');
		expect(await page.text()).toContain('Máy chủ đang quá tải');
		const api = await lesson('application/json');
		expect(api.status).toBe(503);
		expect(await api.json()).toMatchObject({ retryAfter: 5, message: expect.stringContaining('quá tải') });
		expect((await fetch(`${url}/healthz`)).status, 'monitoring still sees the server').toBe(200);

		// as the uploads finish, the queue drains: everything admitted is served
		expect(await Promise.all(slow.map((s) => s.finish()))).toEqual([200, 200]);
		expect((await Promise.all(queued)).map((r) => r.status)).toEqual([200, 200]);

		// a burst of replies from two learners: each is stored (303) or refused (503), nothing else
		const thread = await postForm(url, minh, `/courses/${COURSE}/${MODULE}/discussions`, { title: 'Hỏi đáp', body: 'Mở đầu' });
		const threadId = Number(/\/discussions\/(\d+)$/.exec(thread.headers.get('location') ?? '')?.[1]);
		expect(threadId).toBeGreaterThan(0);
		const bodies = Array.from({ length: 40 }, (_, i) => `tra loi so ${i}`);
		const answers = await Promise.all(
			bodies.map((body, i) => postForm(url, world.learners[i % 2]!, `/courses/${COURSE}/discussions/${threadId}?/reply`, { body }))
		);
		const statuses = answers.map((r) => r.status);
		expect(statuses.filter((s) => s !== 303 && s !== 503)).toEqual([]);
		expect(statuses.filter((s) => s === 503).length, 'the burst overflowed the queue').toBeGreaterThan(0);
		expect(answers.filter((r) => r.status === 503).every((r) => r.headers.get('retry-after') === '5')).toBe(true);
		expect((await fetch(`${url}/healthz`)).status).toBe(200);

		const db = new Database(world.dbPath, { readonly: true });
		const stored = new Set(db.prepare('SELECT body_md FROM post WHERE thread_id = ?').pluck().all(threadId) as string[]);
		expect(bodies.filter((b, i) => (statuses[i] === 303) !== stored.has(b)), 'stored exactly when acknowledged').toEqual([]);
		expect(inconsistencies(db)).toEqual([]);
		db.close();
	} finally {
		await server.stop();
		world.scratch.remove();
	}
});

test('the admin CLI writing the same database meanwhile makes no request fail', async () => {
	test.setTimeout(90_000);
	const world = await crashWorld(6);
	const server = await startServer(world.scratch);
	try {
		const log: WriteLog = { writes: [], unexpected: [] };
		let running = true;
		const work = runWorkload(server.url, world.learners, () => running, log, 'two');
		// a demo cohort (one transaction of a few thousand rows) and an account, from another process
		await world.scratch.cliAsync('demo', '--learners', '40', '--cohorts', '1', '--code', 'HAI', '--course', COURSE, '--days', '3');
		await world.scratch.cliAsync('admin', 'create-user', '--username', 'them.mot', '--name', 'Thêm Một', '--role', 'learner', '--password', 'hoc-thu-taphuan');
		running = false;
		await work;
		expect(log.unexpected).toEqual([]);
		expect(log.writes.filter((w) => w.acked).length).toBeGreaterThan(10);
		const db = new Database(world.dbPath, { readonly: true });
		expect(missingWrites(db, log.writes)).toEqual([]);
		expect(inconsistencies(db)).toEqual([]);
		expect(db.prepare(`SELECT count(*) FROM user WHERE username LIKE 'hai.%' OR username LIKE 'them.%'`).pluck().get()).toBe(41);
		db.close();
	} finally {
		await server.stop();
		world.scratch.remove();
	}
});
