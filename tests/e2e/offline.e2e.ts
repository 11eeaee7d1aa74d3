// Offline learning (issue 19) with the real service worker and context.setOffline: the offline
// page, a module downloaded for offline study (keyed by course version, removable, refused whole
// when it does not fit), and reading done offline credited once when the network returns.
import type { Browser, Page } from '@playwright/test';
import { answerCorrectly, readAnswerKey } from './answer-key';
import { COURSE, expect, expectAccessible, MODULE, registerLearner, seedCohort, signIn, test, type App } from './fixtures';

const LESSON = `/courses/${COURSE}/${MODULE}`;
const LESSON_TITLE = 'Tình hình mại dâm ở Việt Nam và khung pháp lý';

const moduleCard = (page: Page) => page.locator('.module-list > li').filter({ has: page.locator(`a[href="${LESSON}"]`) });

/** The worker is installed and controls this page (it claims open pages when it activates). */
async function workerReady(page: Page) {
	await page.waitForFunction(async () => !!(await navigator.serviceWorker.ready).active && !!navigator.serviceWorker.controller);
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
/** The operations queued on the phone (the outbox in IndexedDB). */
const readOutbox = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<{ body: { activeMs: number } }[]>((resolve, reject) => {
				const open = indexedDB.open('taphuan-outbox', 1);
				open.onupgradeneeded = () => open.result.createObjectStore('operations', { keyPath: 'id' });
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const all = open.result.transaction('operations').objectStore('operations').getAll();
					all.onsuccess = () => {
						resolve(all.result);
						open.result.close();
					};
				};
			})
	);
/** The same, read again once the page has loaded if the page reloaded itself meanwhile (the quiz
 * page does when the network returns and the queue learns the attempt was closed). */
async function outbox(page: Page) {
	for (let tries = 1; ; tries++) {
		try {
			return await readOutbox(page);
		} catch (error) {
			if (tries === 3 || !String(error).includes('Execution context was destroyed')) throw error;
			await page.waitForLoadState('load');
		}
	}
}
const outboxSize = async (page: Page) => (await outbox(page)).length;
const outboxTime = async (page: Page) => (await outbox(page)).reduce((sum, operation) => sum + operation.body.activeMs, 0);

function lessonRow(app: App) {
	return app.query<{ status: string; location: string | null; time: number }>(
		`SELECT t.completion_status AS status, t.location, t.total_time_ms AS time
		 FROM tracking t JOIN activity a ON a.id = t.activity_id WHERE a.module_slug = ? AND a.kind = 'lesson'`,
		MODULE
	)[0];
}

async function learnerOnCoursePage(page: Page, app: App) {
	seedCohort(app);
	await registerLearner(page);
	await page.waitForURL(/\/courses$/);
	await page.goto(`/courses/${COURSE}`);
	await workerReady(page);
}

/** Starts the module's untimed quiz online; the attempt page's path. */
async function startUntimedAttempt(page: Page): Promise<string> {
	await page.goto(`${LESSON}/quiz`);
	await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
	await page.waitForURL(/\/quiz\/\d+$/);
	return new URL(page.url()).pathname;
}

async function downloadModule(page: Page, timeout = 10_000) {
	const card = moduleCard(page);
	await card.getByRole('button', { name: 'Tải về để học khi không có mạng' }).click();
	await expect(card.getByRole('status')).toHaveText(/^Đã tải về máy \(\d+ KB, lúc .+\)\. Có thể học khi không có mạng\.$/, { timeout });
}

async function readToTheEnd(page: Page) {
	const sections = await page.locator('[data-lesson] .prose h2[id]').evaluateAll((els) => els.map((e) => e.id));
	for (const id of sections) {
		await page.locator(`[id="${id}"]`).scrollIntoViewIfNeeded();
		await page.mouse.wheel(0, 200);
	}
	await page.locator('#lesson-end').scrollIntoViewIfNeeded();
	return sections;
}

/**
 * A learner starts the untimed quiz online, downloads the module, answers offline (the answer
 * waits in the outbox) while the same attempt is submitted from another device; the attempt's path.
 */
async function answerOfflineWhileSubmittedElsewhere(page: Page, browser: Browser, app: App): Promise<string> {
	await learnerOnCoursePage(page, app);
	const attemptUrl = await startUntimedAttempt(page);
	await page.goto(`/courses/${COURSE}`);
	await workerReady(page);
	await downloadModule(page);

	await page.context().setOffline(true);
	await page.goto(attemptUrl);
	const first = page.locator('fieldset[data-question]').first();
	const choice = first.locator('input[type="radio"], input[type="checkbox"]').first();
	if (await choice.count()) await choice.check();
	else await first.locator('input[type="text"], textarea, select').first().evaluate((field: HTMLInputElement) => {
		field.value = field instanceof HTMLSelectElement ? (field.options[1]?.value ?? '') : 'trả lời';
		field.dispatchEvent(new Event('change', { bubbles: true }));
	});
	await expect.poll(() => outboxSize(page)).toBeGreaterThan(0);

	const other = await (await browser.newContext({ baseURL: app.url })).newPage();
	await signIn(other, 'nguyenthilan');
	await other.goto(attemptUrl);
	await other.getByRole('button', { name: 'Nộp bài' }).click();
	await expect(other.getByRole('heading', { name: /^(Đạt|Chưa đạt)$/ })).toBeVisible();
	return attemptUrl;
}

/** Dispatches Background Sync's event to the site's worker as Chromium does when the network returns. */
async function dispatchSync(page: Page, app: App) {
	const cdp = await page.context().newCDPSession(page);
	const registration = new Promise<string>((resolve) =>
		cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
			const ours = registrations.find((r: { scopeURL: string; isDeleted: boolean }) => r.scopeURL === `${app.url}/` && !r.isDeleted);
			if (ours) resolve(ours.registrationId);
		})
	);
	await cdp.send('ServiceWorker.enable');
	await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: app.url, registrationId: await registration, tag: 'taphuan-outbox', lastChance: false });
}

/** The Background Sync tags the page's worker registration holds. */
const syncTags = (page: Page) =>
	page.evaluate(async () => {
		const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & { sync: { getTags(): Promise<string[]> } };
		return registration.sync.getTags();
	});

test('a page not downloaded shows the offline page in Vietnamese and English, never the browser error', async ({ page, context, app }) => {
	await learnerOnCoursePage(page, app);
	await context.setOffline(true);
	await page.goto('/danh-ba');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không có kết nối mạng');
	await expect(page.getByRole('heading', { name: 'No network connection' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Thử lại' })).toBeVisible();
	await expectAccessible(page);
	// the offline page names nobody: it was stored without the learner's cookie
	await expect(page.getByText('Đang đăng nhập')).toHaveCount(0);
	// back online, "Thử lại" opens the page itself
	await context.setOffline(false);
	await page.getByRole('button', { name: 'Thử lại' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh bạ hỗ trợ');
});

test('the manifest names the app "Tập huấn" with PNG icons', async ({ page, app }) => {
	seedCohort(app);
	await page.goto('/login');
	await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
	const manifest = await (await page.request.get('/manifest.webmanifest')).json();
	expect(manifest).toMatchObject({ name: 'Tập huấn', short_name: 'Tập huấn', lang: 'vi', start_url: '/courses', display: 'standalone' });
	for (const icon of manifest.icons as { src: string; type: string }[]) {
		const response = await page.request.get(icon.src);
		expect(response.headers()['content-type']).toBe('image/png');
		expect((await response.body()).subarray(1, 4).toString()).toBe('PNG');
	}
});

test('a downloaded module opens offline; reading done offline is credited once when back online', async ({ page, context, app }) => {
	await learnerOnCoursePage(page, app);
	await downloadModule(page);
	const bytes = await page.evaluate(async () => {
		for (const name of await caches.keys()) {
			const record = await (await caches.open(name)).match('/offline-download-record.json');
			if (record) return ((await record.json()) as { bytes: number }).bytes;
		}
		return 0;
	});
	test.info().annotations.push({ type: 'bytes downloaded for the module', description: String(bytes) });
	// downloading is no visit: nothing recorded until the learner reads
	expect(lessonRow(app)).toBeUndefined();

	await context.setOffline(true);
	const offlineSince = Date.now();
	await page.close();
	const reader = await context.newPage();
	await reader.goto(LESSON);
	await expect(reader.getByRole('heading', { level: 1 })).toHaveText(LESSON_TITLE);
	const sections = await readToTheEnd(reader);
	await expect(reader.locator('.lesson-status').getByText('Mất kết nối mạng')).toBeVisible();
	// back to the first section to read it again: a new bookmark, sent (queued) with the time read so far
	await reader.waitForTimeout(6_000);
	await reader.locator(`[id="${sections[0]}"]`).scrollIntoViewIfNeeded();
	await reader.mouse.wheel(0, 100);
	// the section, the end and the time are queued, on the phone, not in the server
	// (time goes out with a new section at the next tick, or at the latest with the 30 s beat)
	await expect.poll(() => outboxTime(reader), { timeout: 45_000 }).toBeGreaterThan(0);
	// the page says how many changes wait on the phone, in a polite live region
	const waiting = reader.locator('[data-outbox-status]');
	await expect(waiting).toHaveText(/^\d+ thay đổi chờ gửi$/);
	expect(Number(/^(\d+)/.exec((await waiting.textContent()) ?? '')![1])).toBe(await outboxSize(reader));
	await expect(waiting).toHaveAttribute('role', 'status');
	await expectAccessible(reader);
	// the learner was offline all along: the page said so and knew it
	expect(await reader.evaluate(() => navigator.onLine)).toBe(false);
	expect(lessonRow(app)).toBeUndefined();
	await reader.close();

	await context.setOffline(false);
	// opening any lesson online sends what the outbox kept
	const back = await context.newPage();
	await back.goto(LESSON);
	await expect.poll(() => lessonRow(app)?.status).toBe('completed');
	await expect.poll(() => outboxSize(back)).toBe(0);
	await expect(back.locator('[data-outbox-status]')).toHaveText('Đã đồng bộ');
	// leave the lesson so that no live heartbeat adds time while the stored time is compared below
	await back.goto(`/courses/${COURSE}`);
	const wallClock = Date.now() - offlineSince;
	const row = lessonRow(app)!;
	expect(row.time).toBeGreaterThan(0);
	expect(row.time).toBeLessThanOrEqual(wallClock);
	const completed = app.query(
		`SELECT e.id FROM learning_event e JOIN activity a ON a.id = e.activity_id WHERE a.module_slug = ? AND e.verb = 'completed'`,
		MODULE
	);
	expect(completed).toHaveLength(1);

	// a duplicate delivery of an operation already applied changes nothing and gets the same answer
	const applied = app.query<{ op_id: string; result: string }>(`SELECT op_id, result FROM applied_operation ORDER BY applied_at LIMIT 1`)[0]!;
	const deliver = (op: string, learner: string) =>
		back.evaluate(
			async ({ op, learner, course, module }) => {
				const response = await fetch('/api/tracking/heartbeat', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ course, module, activeMs: 60_000, location: null, reachedEnd: false, op, learner, queuedForMs: 1000 })
				});
				return { status: response.status, body: await response.json() };
			},
			{ op, learner, course: COURSE, module: MODULE }
		);
	const again = await deliver(applied.op_id, 'nguyenthilan');
	expect(again).toEqual({ status: 200, body: JSON.parse(applied.result) });
	expect(lessonRow(app)!.time).toBe(row.time);
	// an operation queued by another learner on this phone is refused and writes nothing
	const operations = app.query(`SELECT op_id FROM applied_operation`).length;
	const foreign = await deliver('op-of-someone-else-1', 'someone-else');
	expect(foreign.status).toBe(409);
	expect(app.query(`SELECT op_id FROM applied_operation`)).toHaveLength(operations);
	expect(lessonRow(app)!.time).toBe(row.time);
});

test('every page closed while offline: the service worker sends what was queued when the network returns; the next page shows it', async ({ page, context, app }) => {
	await learnerOnCoursePage(page, app);
	await page.goto(LESSON);
	await workerReady(page);
	await context.setOffline(true);
	await readToTheEnd(page);
	await expect.poll(() => outboxSize(page), { timeout: 45_000 }).toBeGreaterThan(0);
	// the page has asked the browser to wake the worker when there is a network
	expect(await syncTags(page)).toContain('taphuan-outbox');
	await page.close();
	// the visit was recorded online; nothing read offline has arrived
	expect(lessonRow(app)).toMatchObject({ status: 'incomplete', time: 0 });

	// back online with no page of the site that sends its outbox (the manifest is no page with a script)
	await context.setOffline(false);
	const idle = await context.newPage();
	await idle.goto('/manifest.webmanifest');
	await dispatchSync(idle, app);
	await expect.poll(() => lessonRow(app)?.status).toBe('completed');
	expect(
		app.query(`SELECT e.id FROM learning_event e JOIN activity a ON a.id = e.activity_id WHERE a.module_slug = ? AND e.verb = 'completed'`, MODULE)
	).toHaveLength(1);
	// sent, but kept with the server's answer until a page of the learner has shown it
	const kept = (await outbox(idle)) as unknown as { delivered?: { answer: unknown } }[];
	expect(kept.length).toBeGreaterThan(0);
	expect(kept.every((operation) => operation.delivered)).toBe(true);

	const back = await context.newPage();
	await back.goto(LESSON);
	await expect.poll(() => outboxSize(back)).toBe(0);
	await expect(back.locator('[data-outbox-status]')).toHaveText('Đã đồng bộ');
	await expect(back.locator('.badge.completed')).toBeVisible();
	// shown, not sent again: one completion, and each operation applied once
	expect(
		app.query(`SELECT e.id FROM learning_event e JOIN activity a ON a.id = e.activity_id WHERE a.module_slug = ? AND e.verb = 'completed'`, MODULE)
	).toHaveLength(1);
	const applied = app.query<{ n: number; distinct_ops: number }>(`SELECT count(*) AS n, count(DISTINCT op_id) AS distinct_ops FROM applied_operation`)[0]!;
	expect(applied.n).toBe(applied.distinct_ops);
});

test('online, the worker never serves the stored copy: the course page shows progress made since the download', async ({ page, app }) => {
	await learnerOnCoursePage(page, app);
	await downloadModule(page);
	await page.goto(LESSON);
	await readToTheEnd(page);
	await expect(page.getByText('Anh/chị đã hoàn thành bài học này.')).toBeVisible();
	await page.goto(`/courses/${COURSE}`);
	await expect(moduleCard(page).locator('.lesson-line')).toHaveText(/Bài học:\s*Hoàn thành/);
});

test('the learner sees what is stored and removes it', async ({ page, app }) => {
	await learnerOnCoursePage(page, app);
	await downloadModule(page);
	await expectAccessible(page);
	await page.reload();
	const card = moduleCard(page);
	await expect(card.getByRole('status')).toHaveText(/^Đã tải về máy/);
	await card.getByRole('button', { name: 'Xoá bản tải về' }).click();
	await expect(card.getByRole('status')).toHaveText('Đã xoá bản tải về khỏi máy.');
	await expect(card.getByRole('button', { name: 'Tải về để học khi không có mạng' })).toBeFocused();
	expect((await cacheNames(page)).filter((name) => name.startsWith('taphuan-module|'))).toEqual([]);

	// signing out removes the downloads too: they show the learner's name and progress
	await downloadModule(page);
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await page.waitForURL(/\/login/);
	await expect.poll(async () => (await cacheNames(page)).filter((name) => name.startsWith('taphuan-module|'))).toEqual([]);
});

test('storage refused: a clear message and nothing half-stored', async ({ page, context, app }) => {
	await learnerOnCoursePage(page, app);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Storage.overrideQuotaForOrigin', { origin: app.url, quotaSize: 20_000 });
	const card = moduleCard(page);
	await card.getByRole('button', { name: 'Tải về để học khi không có mạng' }).click();
	await expect(card.getByRole('status')).toHaveText(/^Máy không còn đủ chỗ trống để tải học phần này \(cần khoảng [\d.]+ (KB|MB)\)\. Chưa có gì được lưu\./);
	expect((await cacheNames(page)).filter((name) => name.startsWith('taphuan-module|'))).toEqual([]);
	await expectAccessible(page);
});

test('a new version of the course replaces the copy of the old one', async ({ page, app }) => {
	await learnerOnCoursePage(page, app);
	// a complete copy stored under an older version of the course
	const old = `taphuan-module|${COURSE}|${MODULE}|older-version`;
	await page.evaluate(
		async ({ old, lesson, course, module }) => {
			const cache = await caches.open(old);
			await cache.put(lesson, new Response('<h1>bản cũ</h1>', { headers: { 'content-type': 'text/html' } }));
			const record = { course, module, version: 'older-version', bytes: 20, storedAt: Date.now(), urls: [lesson] };
			await cache.put('/offline-download-record.json', new Response(JSON.stringify(record)));
		},
		{ old, lesson: LESSON, course: COURSE, module: MODULE }
	);
	await page.reload();
	await expect(moduleCard(page).getByRole('status')).toHaveText(/^Đã tải về máy/);
	const names = (await cacheNames(page)).filter((name) => name.startsWith('taphuan-module|'));
	expect(names).toHaveLength(1);
	expect(names[0]).toMatch(new RegExp(`^taphuan-module\\|${COURSE}\\|${MODULE}\\|`));
	expect(names[0]).not.toBe(old);
});


test.describe('discussions offline', () => {
	test.use({ serverEnv: { DISCUSSION_POSTS_PER_MINUTE: '1000' } });

	test('replies written offline in a downloaded board are posted once back online; one to a thread locked meanwhile comes back with the reason', async ({
		page,
		context,
		browser,
		app
	}) => {
		// two browsers, two downloads and a round trip offline: slow on a shared two-core machine
		test.slow();
		seedCohort(app);
		await registerLearner(page);
		await page.waitForURL(/\/courses$/);
		const threads: string[] = [];
		for (const title of ['Hỏi về khung pháp lý', 'Kinh nghiệm ở phường']) {
			await page.goto(`${LESSON}/discussions`);
			await page.getByLabel('Tiêu đề').fill(title);
			await page.getByLabel('Nội dung').fill(`${title}: mở đầu.`);
			await page.getByRole('button', { name: 'Đăng chủ đề' }).click();
			await page.waitForURL(/\/discussions\/\d+$/);
			threads.push(new URL(page.url()).pathname);
		}
		await page.goto(`/courses/${COURSE}`);
		await workerReady(page);
		await downloadModule(page);

		await context.setOffline(true);
		await page.close();
		const writer = await context.newPage();
		const replyOffline = async (thread: string, text: string) => {
			await writer.goto(thread);
			await writer.getByLabel('Nội dung').fill(text);
			await writer.getByRole('button', { name: 'Gửi trả lời' }).click();
			await expect(writer.getByText('Không có mạng: bài viết đã được lưu trên máy')).toBeVisible();
			await expect(writer.getByLabel('Nội dung')).toHaveValue('');
		};
		await replyOffline(threads[0]!, 'Trả lời viết khi không có mạng.');
		await replyOffline(threads[1]!, 'Trả lời cho chủ đề sắp bị khoá.');
		await expect(writer.locator('[data-outbox-status]')).toHaveText('2 thay đổi chờ gửi');
		await expectAccessible(writer);
		expect(app.query(`SELECT id FROM post WHERE body_md LIKE 'Trả lời%'`)).toHaveLength(0);
		await writer.close();

		// meanwhile the trainer locks the second thread
		const trainer = await (await browser.newContext({ baseURL: app.url })).newPage();
		await signIn(trainer, 'giangvien');
		await trainer.goto(threads[1]!);
		await trainer.getByRole('button', { name: 'Khoá chủ đề' }).click();
		await expect(trainer.getByRole('button', { name: 'Mở khoá' })).toBeVisible();

		await context.setOffline(false);
		const posted = () => app.query<{ thread: number }>(`SELECT thread_id AS thread FROM post WHERE body_md = 'Trả lời viết khi không có mạng.'`);
		const back = await context.newPage();
		await back.goto(threads[0]!);
		await expect(back.getByText('Bài viết lưu trên máy đã được đăng.')).toBeVisible();
		await expect(back.locator('[data-outbox-status]')).toHaveText(/^Đã đồng bộ 1 bài viết soạn khi không có mạng chưa đăng được/);
		expect(posted()).toHaveLength(1);
		expect(app.query(`SELECT id FROM post WHERE body_md = 'Trả lời cho chủ đề sắp bị khoá.'`)).toHaveLength(0);
		// opening the page again sends nothing twice
		await back.reload();
		await expect(back.getByText('Trả lời viết khi không có mạng.')).toBeVisible();
		expect(posted()).toHaveLength(1);

		// the locked thread gives the reply back, with the reason, to be copied
		await back.goto(threads[1]!);
		await expect(back.getByRole('alert')).toContainText('Chủ đề đã được khoá, không nhận thêm trả lời.');
		await expect(back.getByLabel('Nội dung bài viết chưa đăng')).toHaveValue('Trả lời cho chủ đề sắp bị khoá.');
		await expect(back.locator('[data-outbox-status]')).toHaveText('Đã đồng bộ');
		await expectAccessible(back);
		expect(await outboxSize(back)).toBe(0);
	});
});

test.describe('a module studied offline', () => {
	test.use({ serverEnv: { DISCUSSION_POSTS_PER_MINUTE: '1000' } });

	test('download, go offline, read, answer the quiz started online, reply, close the tab; online again everything arrives exactly once', async ({
		page,
		context,
		app
	}) => {
		test.slow();
		await learnerOnCoursePage(page, app);
		// started online: an untimed attempt, and a thread to reply to
		const attemptUrl = await startUntimedAttempt(page);
		await page.goto(`${LESSON}/discussions`);
		await page.getByLabel('Tiêu đề').fill('Hỏi về khung pháp lý');
		await page.getByLabel('Nội dung').fill('Mở đầu.');
		await page.getByRole('button', { name: 'Đăng chủ đề' }).click();
		await page.waitForURL(/\/discussions\/\d+$/);
		const threadUrl = new URL(page.url()).pathname;
		await page.goto(`/courses/${COURSE}`);
		await workerReady(page);
		await downloadModule(page);

		await context.setOffline(true);
		const offlineSince = Date.now();
		await page.close();
		const phone = await context.newPage();
		await phone.goto(LESSON);
		await readToTheEnd(phone);
		await expect.poll(() => outboxTime(phone), { timeout: 45_000 }).toBeGreaterThan(0);

		// the attempt page from the download: questions only, answered offline
		await phone.goto(attemptUrl);
		const key = readAnswerKey(COURSE)[MODULE]!;
		const ids = await phone.locator('fieldset[data-question]').evaluateAll((sets) => sets.map((set) => set.getAttribute('data-question')!));
		expect(ids.length).toBeGreaterThan(0);
		for (const id of ids) await answerCorrectly(phone.locator(`fieldset[data-question="${id}"]`), key.find((q) => q.id === id)!);
		await expect(phone.locator('[data-save-status]')).toHaveText(/^Không có mạng: câu trả lời đã được lưu trên máy/);
		await phone.getByRole('button', { name: 'Nộp bài' }).click();
		await expect(phone.locator('[data-save-status]')).toHaveText(/^Không có mạng: bài làm sẽ được nộp khi có mạng/);
		await expect(phone.locator('[data-outbox-status]')).toHaveText(/^\d+ thay đổi chờ gửi$/);
		await expectAccessible(phone);
		// the page never held the answer key: the stored attempt page names no correct answer
		const stored = await phone.evaluate(async (url) => {
			for (const name of await caches.keys()) {
				const hit = await (await caches.open(name)).match(url);
				if (hit) return hit.text();
			}
			return '';
		}, attemptUrl);
		expect(stored).toContain('data-question');
		expect(stored).not.toMatch(/correct|accepted|"pairs"/i);

		await phone.goto(threadUrl);
		await phone.getByLabel('Nội dung').fill('Trả lời viết khi không có mạng.');
		await phone.getByRole('button', { name: 'Gửi trả lời' }).click();
		await expect(phone.getByText('Không có mạng: bài viết đã được lưu trên máy')).toBeVisible();
		expect(lessonRow(app)).toBeUndefined();
		await phone.close();

		// back online, the learner opens the lesson again from the home screen
		await context.setOffline(false);
		const back = await context.newPage();
		await back.goto(LESSON);
		await expect.poll(() => outboxSize(back), { timeout: 30_000 }).toBe(0);
		await expect(back.locator('[data-outbox-status]')).toHaveText('Đã đồng bộ');
		await back.goto(`/courses/${COURSE}`);
		const wallClock = Date.now() - offlineSince;

		const row = lessonRow(app)!;
		expect(row.status).toBe('completed');
		expect(row.time).toBeGreaterThan(0);
		expect(row.time).toBeLessThanOrEqual(wallClock);
		expect(app.query(`SELECT e.id FROM learning_event e JOIN activity a ON a.id = e.activity_id WHERE a.module_slug = ? AND a.kind = 'lesson' AND e.verb = 'completed'`, MODULE)).toHaveLength(1);
		const attempt = app.query<{ id: number; status: string; percent: number }>(`SELECT id, status, percent FROM quiz_attempt`);
		expect(attempt).toEqual([{ id: attempt[0]!.id, status: 'submitted', percent: 100 }]);
		expect(app.query(`SELECT question_id FROM quiz_response WHERE attempt_id = ?`, attempt[0]!.id)).toHaveLength(ids.length);
		expect(app.query(`SELECT id FROM post WHERE body_md = 'Trả lời viết khi không có mạng.'`)).toHaveLength(1);
		expect(app.query(`SELECT id FROM quiz_late_answers`)).toHaveLength(0);
		// every operation applied once
		const applied = app.query<{ n: number; distinct_ops: number }>(`SELECT count(*) AS n, count(DISTINCT op_id) AS distinct_ops FROM applied_operation`)[0]!;
		expect(applied.n).toBe(applied.distinct_ops);
		await back.goto(attemptUrl);
		await expect(back.getByRole('heading', { name: 'Đạt' })).toBeVisible();
	});

	test('an attempt closed while the phone was offline: the answers are kept as a late record the trainer sees, and the learner is told', async ({
		page,
		context,
		browser,
		app
	}) => {
		test.slow();
		const attemptUrl = await answerOfflineWhileSubmittedElsewhere(page, browser, app);

		// the attempt page still open sends its queued answers when the network returns, and shows
		// itself again with the notice (a navigation of the test's own would race that reload)
		await context.setOffline(false);
		await expect(page).toHaveURL(attemptUrl);
		await expect(page.getByText('Các câu trả lời đó không được tính điểm, nhưng đã được lưu lại để giảng viên xem.')).toBeVisible({ timeout: 30_000 });
		await expect.poll(() => outboxSize(page)).toBe(0);
		expect(app.query(`SELECT id FROM quiz_late_answers`)).toHaveLength(1);

		const trainer = await (await browser.newContext({ baseURL: app.url })).newPage();
		await signIn(trainer, 'giangvien');
		const learnerId = app.query<{ id: number }>(`SELECT id FROM user WHERE username = 'nguyenthilan'`)[0]!.id;
		const cohortId = app.query<{ id: number }>(`SELECT id FROM cohort`)[0]!.id;
		await trainer.goto(`/manage/cohorts/${cohortId}/learners/${learnerId}`);
		await expect(trainer.getByText(/^Câu trả lời gửi muộn \(soạn khi không có mạng lúc/)).toBeVisible();
		await trainer.getByRole('link', { name: 'Xem câu trả lời gửi muộn' }).click();
		await expect(trainer.getByRole('heading', { name: /^Câu trả lời gửi muộn: / })).toBeVisible();
		await expectAccessible(trainer);
	});

	test('the service worker delivers the late answers while the attempt page is open: the page tells the learner', async ({ page, context, browser, app }) => {
		test.slow();
		const attemptUrl = await answerOfflineWhileSubmittedElsewhere(page, browser, app);

		// the page's own sending is lost on the way (page.route does not see the worker's requests)
		let lost = 0;
		await page.route('**/queued', (route) => {
			lost++;
			return route.abort('internetdisconnected');
		});
		await context.setOffline(false);
		await expect.poll(() => lost).toBeGreaterThan(0);
		// as Chromium does when the network returns (it may have done so already: no harm, nothing is left to send)
		await dispatchSync(page, app);
		await expect.poll(() => app.query(`SELECT id FROM quiz_late_answers`).length).toBe(1);
		// the worker tells the open page, which shows its answer as if it had sent it itself
		await expect(page.getByText('Các câu trả lời đó không được tính điểm, nhưng đã được lưu lại để giảng viên xem.')).toBeVisible({ timeout: 30_000 });
		await expect.poll(() => outboxSize(page)).toBe(0);
		expect(app.query(`SELECT id FROM quiz_late_answers`)).toHaveLength(1);
	});
});
