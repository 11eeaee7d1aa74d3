// A database that cannot take writes (issue 8): files made read-only, or a disk that refuses to
// grow them (a file-size limit, which fails writes as a full disk does). Real conditions, not a
// flag: the server runs as an unprivileged user (root ignores file permissions) or under
// `ulimit -f`. Reads keep working; a write gets a clear 503 page or JSON; nothing is half-written.
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { chmodSync, chownSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { crashWorld, inconsistencies, type CrashWorld } from '../../scripts/bench/durability';
import { startServer, type ServerOptions } from '../../scripts/bench/harness';
import { COURSE, MODULE, postForm as form, type Learner } from '../../scripts/bench/workload';

const STORAGE_MESSAGE = 'Máy chủ tạm thời không lưu được dữ liệu';
const NOBODY = 65534;

const page = (url: string, learner: Learner, path: string) => fetch(`${url}${path}`, { headers: { cookie: learner.cookie, accept: 'text/html' } });

/** While the disk takes writes: a thread with a first post, and an attempt with one saved answer. */
async function writeSomething(world: CrashWorld, options: ServerOptions = {}) {
	const server = await startServer(world.scratch, options);
	const learner = world.learners[0]!;
	try {
		const thread = await form(server.url, learner, `/courses/${COURSE}/${MODULE}/discussions`, { title: 'Trước sự cố', body: 'Bài đầu' });
		const start = await form(server.url, learner, `/courses/${COURSE}/${MODULE}/quiz?/start`, {});
		const threadPath = thread.headers.get('location')!;
		const attemptPath = start.headers.get('location')!;
		expect(threadPath).toMatch(/\/discussions\/\d+$/);
		expect(attemptPath).toMatch(/\/quiz\/\d+$/);
		return { threadPath, attemptPath };
	} finally {
		await server.stop();
	}
}

function counts(world: CrashWorld) {
	const db = new Database(world.dbPath, { readonly: true });
	try {
		const n = (sql: string) => db.prepare(sql).pluck().get() as number;
		return { posts: n('SELECT count(*) FROM post'), search: n('SELECT count(*) FROM post_search'), answers: n('SELECT count(*) FROM quiz_response'), problems: inconsistencies(db) };
	} finally {
		db.close();
	}
}

/** Reads answer 200, a long reply (and, `everyWrite`, a small autosave too) a 503 with the
 * message, and nothing changes in the database. */
async function expectReadsOnly(url: string, world: CrashWorld, paths: { threadPath: string; attemptPath: string }, everyWrite: boolean) {
	const learner = world.learners[0]!;
	const before = counts(world);
	for (const path of [`/courses/${COURSE}`, `/courses/${COURSE}/${MODULE}`, paths.threadPath, paths.attemptPath]) {
		expect((await page(url, learner, path)).status, path).toBe(200);
	}
	const reply = await form(url, learner, `${paths.threadPath}?/reply`, { body: 'Sau sự cố: '.concat('nội dung dài. '.repeat(1000)) });
	expect(reply.status).toBe(503);
	expect(reply.headers.get('retry-after')).toBe('30');
	expect(await reply.text()).toContain(STORAGE_MESSAGE);
	if (everyWrite) {
		const save = new FormData();
		save.set('q:q-mot', 'luu khong duoc');
		save.set('question', 'q-mot');
		const autosave = await fetch(`${url}${paths.attemptPath}/answers`, { method: 'POST', headers: { cookie: learner.cookie, origin: url }, body: save });
		expect(autosave.status).toBe(503);
		expect((await autosave.json()).message).toContain(STORAGE_MESSAGE);
	}
	// and reads still work after the refused writes
	expect((await page(url, learner, paths.threadPath)).status).toBe(200);
	expect((await fetch(`${url}/healthz`)).status).toBe(200);
	expect(counts(world)).toEqual({ ...before, problems: [] });
}

test('read-only database files: pages read, writes get a clear 503, nothing is written', async () => {
	test.setTimeout(90_000);
	const world = await crashWorld(2);
	try {
		const asNobody = { uid: NOBODY, gid: NOBODY };
		chownSync(world.scratch.dir, NOBODY, NOBODY);
		for (const entry of readdirSync(world.scratch.dir, { recursive: true })) chownSync(join(world.scratch.dir, String(entry)), NOBODY, NOBODY);
		const paths = await writeSomething(world, asNobody);
		for (const suffix of ['', '-wal', '-shm']) {
			if (existsSync(world.dbPath + suffix)) chmodSync(world.dbPath + suffix, 0o444);
		}
		const server = await startServer(world.scratch, asNobody);
		try {
			await expectReadsOnly(server.url, world, paths, true);
		} finally {
			await server.stop();
		}
	} finally {
		world.scratch.remove();
	}
});

test('a disk that refuses to grow the files: pages read, writes get a clear 503, nothing half-written, and writing resumes once there is room', async () => {
	test.setTimeout(90_000);
	const world = await crashWorld(2);
	try {
		const paths = await writeSomething(world);
		// 40 KB per file: room for the shared-memory index and a few small commits (an autosave may
		// still fit), not a long post
		const full = await startServer(world.scratch, { shellPrefix: 'ulimit -f 40' });
		try {
			await expectReadsOnly(full.url, world, paths, false);
		} finally {
			await full.stop();
		}
		const roomy = await startServer(world.scratch);
		try {
			const reply = await form(roomy.url, world.learners[0]!, `${paths.threadPath}?/reply`, { body: 'Đã có chỗ: '.concat('nội dung dài. '.repeat(1000)) });
			expect(reply.status).toBe(303);
		} finally {
			await roomy.stop();
		}
		expect(counts(world).problems).toEqual([]);
	} finally {
		world.scratch.remove();
	}
});
