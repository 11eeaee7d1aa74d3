import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { COURSE, expect, expectAccessible, MODULE, PASSWORD, registerLearner, seedCohort, signIn, test, TEST_COURSES } from './fixtures';

const board = `/courses/${COURSE}/${MODULE}/discussions`;

async function learner(browser: Browser, baseURL: string, username: string, name: string, code = 'HY-2022-01') {
	const page = await (await browser.newContext({ baseURL })).newPage();
	await registerLearner(page, { username, name, code });
	await page.waitForURL(/\/courses$/);
	return page;
}

/** Replies and waits until the page shows the new post (each has its own #post-N address). */
async function postReply(page: Page, body: string) {
	const before = page.url();
	await page.getByLabel('Nội dung').fill(body);
	await page.getByRole('button', { name: 'Gửi trả lời' }).click();
	await page.waitForURL((url) => url.href !== before && /#post-\d+$/.test(url.href));
}

async function startThread(page: Page, title: string, body: string) {
	await page.goto(board);
	await page.getByLabel('Tiêu đề').fill(title);
	await page.getByLabel('Nội dung').fill(body);
	await page.getByRole('button', { name: 'Đăng chủ đề' }).click();
	await page.waitForURL(/\/discussions\/\d+/);
}

test('learners post, reply, quote, edit and delete; unread badges appear and clear; a trainer locks and pins', async ({ browser, app }) => {
	seedCohort(app);
	const lan = await learner(browser, app.url, 'nguyenthilan', 'Nguyễn Thị Lan');
	const minh = await learner(browser, app.url, 'tranvanminh', 'Trần Văn Minh');

	// an empty post is refused with a message, the title typed is kept
	await lan.goto(board);
	await expect(lan.getByText('Chưa có chủ đề nào.', { exact: false })).toBeVisible();
	await expect(lan.getByText('Câu hỏi thảo luận')).toBeVisible();
	// a reminder not to identify anyone comes before the form and is read out at the text area
	await expect(lan.getByRole('note')).toContainText('Trước khi đăng: không nêu tên, biệt danh');
	await expect(lan.getByLabel('Nội dung')).toHaveAccessibleDescription(/không nêu tên, biệt danh/);
	await expectAccessible(lan);
	await lan.getByLabel('Tiêu đề').fill('Kinh nghiệm tiếp cận ở phường');
	await lan.getByLabel('Nội dung').fill('   ');
	await lan.getByRole('button', { name: 'Đăng chủ đề' }).click();
	await expect(lan.getByText('Nội dung không được để trống.')).toBeVisible();
	await expect(lan.getByLabel('Tiêu đề')).toHaveValue('Kinh nghiệm tiếp cận ở phường');
	// the preview shows the Markdown as it will be published
	await lan.getByLabel('Nội dung').fill('Chúng tôi làm việc cùng **Hội Phụ nữ** phường.');
	await lan.getByRole('button', { name: 'Xem trước' }).click();
	await expect(lan.locator('.preview strong')).toHaveText('Hội Phụ nữ');
	await lan.getByRole('button', { name: 'Đăng chủ đề' }).click();
	await lan.waitForURL(/\/discussions\/\d+/);
	const threadUrl = lan.url();
	await expect(lan.getByRole('heading', { name: 'Kinh nghiệm tiếp cận ở phường' })).toBeVisible();
	await expectAccessible(lan);

	// Minh sees the new thread marked, on the board and on the course's list of boards
	await minh.goto(`/courses/${COURSE}/discussions`);
	await expect(minh.getByText('1 chủ đề có bài mới')).toBeVisible();
	await minh.goto(board);
	await expect(minh.locator('.thread-list .badge.new')).toHaveText('1 bài mới');
	await minh.getByRole('link', { name: 'Kinh nghiệm tiếp cận ở phường' }).click();
	await expect(minh.locator('#reply').getByRole('note')).toContainText('Trước khi đăng:');
	await minh.getByRole('link', { name: 'Trích dẫn' }).first().click();
	await expect(minh.getByLabel('Nội dung')).toHaveValue(/^> \*\*Nguyễn Thị Lan:\*\*/);
	await minh.getByLabel('Nội dung').press('End');
	await minh.getByLabel('Nội dung').pressSequentially('Cảm ơn chị, xã tôi cũng vậy.');
	await minh.getByRole('button', { name: 'Gửi trả lời' }).click();
	await expect(minh.locator('.post blockquote')).toContainText('Hội Phụ nữ');
	await minh.goto(board);
	await expect(minh.locator('.thread-list .badge.new')).toHaveCount(0);
	await expect(minh.locator('.thread-list')).toContainText('1 bài trả lời');

	// Lan hears of the reply on her home page and on the course page, then on the board
	await lan.goto('/courses');
	await expect(lan.getByRole('region', { name: 'Trả lời mới trong các chủ đề anh/chị tham gia' }).getByRole('link')).toHaveText('Kinh nghiệm tiếp cận ở phường');
	await lan.goto(`/courses/${COURSE}`);
	await expect(lan.locator('.module-list > li').filter({ has: lan.locator(`a[href="/courses/${COURSE}/${MODULE}"]`) }).locator('.badge.new')).toHaveText('1 chủ đề có bài mới');
	await lan.goto(board);
	await expect(lan.locator('.thread-list .badge.new')).toHaveText('1 bài mới');
	await lan.goto(threadUrl);
	await lan.goto('/courses');
	await expect(lan.getByText('Trả lời mới trong các chủ đề anh/chị tham gia')).toHaveCount(0);
	await lan.goto(threadUrl);
	await lan.getByRole('link', { name: 'Sửa' }).first().click();
	await lan.getByLabel('Sửa bài').fill('Chúng tôi làm việc cùng **Hội Phụ nữ** và Đoàn Thanh niên phường.');
	await lan.getByRole('button', { name: 'Lưu thay đổi' }).click();
	await expect(lan.getByText('Đoàn Thanh niên phường')).toBeVisible();
	await expect(lan.getByText(/đã sửa/)).toBeVisible();
	// Lan cannot edit Minh's post, even by a forged request
	const [minhPost] = app.query(`SELECT id FROM post WHERE author_id = (SELECT id FROM user WHERE username = 'tranvanminh')`) as { id: number }[];
	const forgedEdit = await lan.request.post(`${threadUrl}?/edit`, { headers: { origin: app.url, accept: 'text/html' }, form: { postId: String(minhPost!.id), body: 'sửa trộm' } });
	expect(forgedEdit.status()).toBe(403);

	await minh.goto(threadUrl);
	await minh.locator(`#post-${minhPost!.id}`).getByRole('button', { name: 'Xoá' }).click();
	await expect(minh.locator(`#post-${minhPost!.id}`)).toContainText('Bài viết đã bị xoá.');
	expect(app.query(`SELECT body_md, deleted_at IS NOT NULL AS deleted FROM post WHERE id = ${minhPost!.id}`)).toEqual([{ body_md: '', deleted: 1 }]);

	// the trainer locks the thread: no reply form, and a forged reply is refused
	const trainer = await (await browser.newContext({ baseURL: app.url })).newPage();
	await signIn(trainer, 'giangvien');
	await trainer.goto(threadUrl);
	await expectAccessible(trainer);
	await trainer.getByRole('button', { name: 'Khoá chủ đề' }).click();
	await expect(trainer.getByRole('button', { name: 'Mở khoá' })).toBeVisible();
	await trainer.getByRole('button', { name: 'Ghim chủ đề' }).click();
	await minh.goto(threadUrl);
	await expect(minh.locator('.badge', { hasText: 'Đã ghim' })).toBeVisible();
	await expect(minh.getByText('Chủ đề đã được khoá, không nhận thêm trả lời.')).toBeVisible();
	await expect(minh.getByRole('button', { name: 'Gửi trả lời' })).toHaveCount(0);
	const before = app.query(`SELECT count(*) AS n FROM post`);
	const forged = await minh.request.post(`${threadUrl}?/reply`, { headers: { origin: app.url, accept: 'text/html' }, form: { body: 'vẫn trả lời' } });
	expect(forged.status()).toBe(409);
	expect(app.query(`SELECT count(*) AS n FROM post`)).toEqual(before);
	// a learner cannot moderate
	const forgedLock = await minh.request.post(`${threadUrl}?/moderate`, { headers: { origin: app.url, accept: 'text/html' }, form: { flag: 'locked', value: '0' } });
	expect(forgedLock.status()).toBe(403);
	expect(app.query(`SELECT locked, pinned FROM thread`)).toEqual([{ locked: 1, pinned: 1 }]);
	expect(app.query(`SELECT count(*) AS n FROM learning_event WHERE verb = 'moderated'`)).toEqual([{ n: 2 }]);
});

test('a learner of another cohort cannot open the thread', async ({ browser, app }) => {
	seedCohort(app);
	app.cli('create-cohort', '--name', 'Lớp khác', '--code', 'HY-KHAC', '--course', COURSE);
	const lan = await learner(browser, app.url, 'nguyenthilan', 'Nguyễn Thị Lan');
	await startThread(lan, 'Chủ đề của lớp một', 'Chỉ lớp một thấy.');
	const threadUrl = new URL(lan.url()).pathname;
	const other = await learner(browser, app.url, 'lethihoa', 'Lê Thị Hoa', 'HY-KHAC');
	await other.goto(board);
	await expect(other.getByText('Chủ đề của lớp một')).toHaveCount(0);
	const response = await other.goto(threadUrl);
	expect(response?.status()).toBe(404);
});

test.describe('hostile posts', () => {
	test.use({ serverEnv: { DISCUSSION_POSTS_PER_MINUTE: '1000' } });

	test('every XSS payload of the shared fixture is inert in the browser', async ({ browser, app }) => {
		// some sixty posts, one after another, on a shared two-core machine
		test.setTimeout(240_000);
		seedCohort(app);
		const lan = await learner(browser, app.url, 'nguyenthilan', 'Nguyễn Thị Lan');
		const payloads = readFileSync(new URL('../../../shared/fixtures/xss/payloads.txt', import.meta.url), 'utf8')
			.split(/\n----\n/)
			.map((p) => p.trim())
			.filter(Boolean);
		expect(payloads.length).toBeGreaterThan(20);
		const dialogs: string[] = [];
		const foreign: string[] = [];
		lan.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		lan.on('request', (r) => {
			if (!r.url().startsWith(app.url) && !r.url().startsWith('data:')) foreign.push(r.url());
		});
		await startThread(lan, 'Thử nội dung', 'Các bài trả lời dưới đây là nội dung thử.');
		// a payload that would show nothing once its HTML is dropped is refused on its form, and kept there
		let refused = 0;
		for (const payload of payloads) {
			const before = lan.url();
			await lan.getByLabel('Nội dung').fill(payload);
			await lan.getByRole('button', { name: 'Gửi trả lời' }).click();
			const outcome = await Promise.race([
				lan.waitForURL((url) => url.href !== before && /#post-\d+$/.test(url.href)).then(() => 'posted' as const),
				lan.getByText('Bài viết này sẽ hiện ra trống').first().waitFor().then(() => 'refused' as const)
			]);
			if (outcome === 'refused') {
				refused++;
				await expect(lan.getByLabel('Nội dung')).toHaveValue(payload);
				await lan.goto(new URL(lan.url()).pathname);
			}
		}
		const posted = app.query<{ n: number }>(`SELECT count(*) AS n FROM post`)[0]!.n;
		expect(posted + refused).toBe(payloads.length + 1);
		expect(app.query(`SELECT id FROM post WHERE trim(body_html) = ''`)).toEqual([]);
		for (let page = 1; page <= Math.ceil(posted / 25); page++) {
			await lan.goto(`${new URL(lan.url()).pathname}?page=${page}`);
			await lan.waitForLoadState('networkidle');
			expect(await lan.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
			// inspect the live DOM: escaped text may mention "onerror=", elements may not carry it
			const problems = await lan.locator('.posts .prose').evaluateAll((proses) =>
				proses.flatMap((prose) =>
					[...prose.querySelectorAll('*')].flatMap((el) => {
						const found: string[] = [];
						if (/^(script|iframe|object|embed|form|style|svg|math|link|meta|base)$/i.test(el.tagName)) found.push(el.tagName);
						for (const attr of el.attributes) {
							if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
							if (/^(href|src|action|formaction|xlink:href)$/i.test(attr.name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(attr.value)) {
								found.push(`${el.tagName} ${attr.name}=${attr.value}`);
							}
						}
						return found;
					})
				)
			);
			expect(problems).toEqual([]);
		}
		expect(dialogs).toEqual([]);
		expect(foreign).toEqual([]);
		const stored = app.query(`SELECT body_html FROM post`).map((r) => (r as { body_html: string }).body_html).join('\n');
		// in the stored HTML, attributes only ever appear inside tags
		const tags = stored.match(/<[a-z][^>]*>/gi) ?? [];
		expect(tags.filter((tag) => /\son\w+=|javascript:|vbscript:|data:text\/html|^<(script|iframe|object|embed|form|style|svg)/i.test(tag))).toEqual([]);
		// harmless Markdown in the same records still renders
		expect(stored).toContain('<strong>');
	});
});

test('posting too fast is slowed with a message, and the text is kept', async ({ browser, app }) => {
	seedCohort(app);
	const lan = await learner(browser, app.url, 'nguyenthilan', 'Nguyễn Thị Lan');
	await startThread(lan, 'Hỏi nhanh', 'Bài một');
	for (let i = 2; i <= 5; i++) await postReply(lan, `Bài ${i}`);
	await lan.getByLabel('Nội dung').fill('Bài sáu, gửi quá nhanh');
	await lan.getByRole('button', { name: 'Gửi trả lời' }).click();
	await expect(lan.getByRole('alert')).toContainText('Anh/chị đăng nhiều bài quá nhanh.');
	await expect(lan.getByLabel('Nội dung')).toHaveValue('Bài sáu, gửi quá nhanh');
	expect(app.query(`SELECT count(*) AS n FROM post`)).toEqual([{ n: 5 }]);
	void PASSWORD;
});

test('search finds a post typed with diacritics from a query without them, only within the reader’s cohort', async ({ browser, app }) => {
	seedCohort(app);
	app.cli('create-cohort', '--name', 'Lớp khác', '--code', 'HY-KHAC', '--course', COURSE);
	const lan = await learner(browser, app.url, 'nguyenthilan', 'Nguyễn Thị Lan');
	await startThread(lan, 'Phòng ngừa ở cơ sở', 'Nhóm tự lực của chị em bán dâm ở Đồng Tháp hoạt động tốt.');
	await lan.goto(`/courses/${COURSE}/discussions`);
	await lan.getByRole('link', { name: 'Tìm trong thảo luận' }).click();
	await lan.getByLabel('Từ cần tìm').fill('ban dam dong thap');
	await lan.getByRole('button', { name: 'Tìm' }).click();
	await expect(lan.getByText('Tìm thấy 1 bài viết.')).toBeVisible();
	await expect(lan.locator('.search-hits mark')).toHaveText(['bán', 'dâm', 'Đồng', 'Tháp', 'động']);
	await expectAccessible(lan);
	await lan.getByRole('link', { name: 'Phòng ngừa ở cơ sở' }).click();
	await expect(lan).toHaveURL(/#post-\d+$/);

	const other = await learner(browser, app.url, 'lethihoa', 'Lê Thị Hoa', 'HY-KHAC');
	await other.goto(`/courses/${COURSE}/discussions/search?q=dong+thap`);
	await expect(other.getByText('Tìm thấy 0 bài viết.')).toBeVisible();
});

test('a learner reports a post; the trainer hides it from the queue; learners see it hidden', async ({ browser, app }) => {
	seedCohort(app);
	const lan = await learner(browser, app.url, 'nguyenthilan', 'Nguyễn Thị Lan');
	await startThread(lan, 'Một chủ đề', 'Nội dung có tên và địa chỉ một người được hỗ trợ.');
	const threadUrl = new URL(lan.url()).pathname;
	const minh = await learner(browser, app.url, 'tranvanminh', 'Trần Văn Minh');
	await minh.goto(threadUrl);
	await minh.getByText('Báo cáo bài này').click();
	await minh.getByRole('button', { name: 'Gửi báo cáo' }).click();
	await expect(minh.getByText('Hãy ghi lý do báo cáo.')).toBeVisible();
	await minh.getByLabel('Lý do (giảng viên sẽ xem)').fill('Bài nêu thông tin cá nhân của người được hỗ trợ.');
	await minh.getByRole('button', { name: 'Gửi báo cáo' }).click();
	await expect(minh.getByText('Đã gửi báo cáo cho giảng viên.')).toBeVisible();
	await expectAccessible(minh);
	expect(app.query(`SELECT reason FROM post_report`)).toEqual([{ reason: 'Bài nêu thông tin cá nhân của người được hỗ trợ.' }]);
	// a learner cannot work the queue
	const forged = await minh.request.post('/manage/reports?/resolve', { headers: { origin: app.url, accept: 'text/html' }, form: { reportId: '1', hide: '1' } });
	expect(forged.status()).toBe(403);

	const trainer = await (await browser.newContext({ baseURL: app.url })).newPage();
	await signIn(trainer, 'giangvien');
	await trainer.getByRole('link', { name: 'Bài bị báo cáo (1)' }).click();
	await expect(trainer.getByText('Bài nêu thông tin cá nhân của người được hỗ trợ.')).toBeVisible();
	await expectAccessible(trainer);
	await trainer.getByRole('button', { name: 'Ẩn bài và đóng báo cáo' }).click();
	await expect(trainer.getByText('Không có báo cáo nào cần xử lý.')).toBeVisible();
	expect(app.query(`SELECT hidden_at IS NOT NULL AS hidden FROM post`)).toEqual([{ hidden: 1 }]);
	expect(app.query(`SELECT resolved_at IS NOT NULL AS resolved FROM post_report`)).toEqual([{ resolved: 1 }]);

	await minh.goto(threadUrl);
	await expect(minh.getByText('Bài viết đã được giảng viên ẩn.')).toBeVisible();
	await expect(minh.getByText('tên và địa chỉ')).toHaveCount(0);
	// the trainer still sees it, marked, and can show it again
	await trainer.goto(threadUrl);
	await expect(trainer.getByText('tên và địa chỉ', { exact: false })).toBeVisible();
	await trainer.getByRole('button', { name: 'Hiện lại bài' }).click();
	await minh.goto(threadUrl);
	await expect(minh.getByText('tên và địa chỉ', { exact: false })).toBeVisible();
});

test.describe('a course that shares its boards', () => {
	test.use({ coursesDir: TEST_COURSES });

	test('cohorts talk on the same boards; bad input is refused with the text kept', async ({ browser, app }) => {
		seedCohort(app, 'HY-THU', 'khoa-thu');
		app.cli('create-cohort', '--name', 'Lớp thử hai', '--code', 'HY-THU-2', '--course', 'khoa-thu');
		const lan = await learner(browser, app.url, 'nguyenthilan', 'Nguyễn Thị Lan', 'HY-THU');
		await lan.goto('/courses/khoa-thu/on-tap/discussions');
		await lan.getByLabel('Tiêu đề').fill('x'.repeat(201));
		await lan.getByLabel('Nội dung').fill('Nội dung vẫn được giữ');
		// the browser stops at 200 characters; a forged request is refused by the server
		expect(await lan.getByLabel('Tiêu đề').inputValue()).toHaveLength(200);
		const tooLong = await lan.request.post('/courses/khoa-thu/on-tap/discussions', {
			headers: { origin: app.url, accept: 'text/html' },
			form: { title: 'x'.repeat(201), body: 'a' }
		});
		expect(tooLong.status()).toBe(400);
		expect(await tooLong.text()).toContain('Tiêu đề dài quá 200 ký tự.');
		const huge = await lan.request.post('/courses/khoa-thu/on-tap/discussions', {
			headers: { origin: app.url, accept: 'text/html' },
			form: { title: 'Dài', body: 'y'.repeat(20_001) }
		});
		expect(huge.status()).toBe(400);
		expect(await huge.text()).toContain('Nội dung dài quá 20.000 ký tự.');
		// a board of a course not hers
		const elsewhere = await lan.request.post(`/courses/khoa-khac/discussions`, {
			headers: { origin: app.url, accept: 'text/html' },
			form: { title: 'Lạc chỗ', body: 'b' }
		});
		expect(elsewhere.status()).toBe(403);
		expect(app.query(`SELECT count(*) AS n FROM thread`)).toEqual([{ n: 0 }]);

		await lan.getByLabel('Tiêu đề').fill('Chung cho mọi lớp');
		await lan.getByRole('button', { name: 'Đăng chủ đề' }).click();
		await lan.waitForURL(/\/discussions\/\d+/);
		expect(app.query(`SELECT cohort_id FROM thread`)).toEqual([{ cohort_id: null }]);
		const hoa = await learner(browser, app.url, 'lethihoa', 'Lê Thị Hoa', 'HY-THU-2');
		await hoa.goto('/courses/khoa-thu/on-tap/discussions');
		await hoa.getByRole('link', { name: 'Chung cho mọi lớp' }).click();
		await expect(hoa.getByText('Nội dung vẫn được giữ')).toBeVisible();
	});
});

test.describe('a discussion module', () => {
	test.use({ coursesDir: TEST_COURSES });

	test('is completed by posting on its board, not by reading to the end', async ({ browser, app }) => {
		seedCohort(app, 'HY-THU', 'khoa-thu');
		const lan = await learner(browser, app.url, 'nguyenthilan', 'Nguyễn Thị Lan', 'HY-THU');
		await lan.goto('/courses/khoa-thu/thao-luan');
		await expect(lan.getByText('Học phần này hoàn thành khi anh/chị đăng ít nhất một bài')).toBeVisible();
		await expect(lan.getByRole('button', { name: 'Đánh dấu đã học xong' })).toHaveCount(0);
		// the lesson is short: its end is in view, yet reading does not complete it
		await lan.mouse.wheel(0, 400);
		await lan.waitForTimeout(1_000);
		const forged = await lan.request.post('/courses/khoa-thu/thao-luan?/complete', { headers: { origin: app.url, accept: 'text/html' }, form: {} });
		expect(forged.status()).toBe(409);
		const lessonStatus = () =>
			app.query(`SELECT t.completion_status AS s FROM tracking t JOIN activity a ON a.id = t.activity_id WHERE a.module_slug = 'thao-luan'`);
		expect(lessonStatus()).toEqual([{ s: 'incomplete' }]);

		await lan.getByRole('link', { name: 'Thảo luận', exact: true }).click();
		await expect(lan.getByText('Khó khăn lớn nhất ở xã, phường của anh/chị là gì?')).toBeVisible();
		await lan.getByLabel('Tiêu đề').fill('Khó khăn ở phường tôi');
		await lan.getByLabel('Nội dung').fill('Người dân còn kỳ thị, chị em ngại đến trạm y tế.');
		await lan.getByRole('button', { name: 'Đăng chủ đề' }).click();
		await lan.waitForURL(/\/discussions\/\d+/);
		expect(lessonStatus()).toEqual([{ s: 'completed' }]);
		await lan.goto('/courses/khoa-thu');
		await expect(lan.locator('.module-list > li').nth(2).locator('.badge').first()).toHaveText('Hoàn thành');
	});
});

test.describe('without JavaScript', () => {
	test.use({ serverEnv: { DISCUSSION_POSTS_PER_MINUTE: '1000' } });

	test('the pages are plain forms: a refused or previewed post comes back on the same page with the text, quote and edit kept', async ({ browser, app }) => {
		seedCohort(app);
		const signedUp = await learner(browser, app.url, 'nguyenthilan', 'Nguyễn Thị Lan');
		const lan = await (await browser.newContext({ baseURL: app.url, javaScriptEnabled: false, storageState: await signedUp.context().storageState() })).newPage();
		await lan.goto(board);
		await lan.getByLabel('Tiêu đề').fill('Không có JavaScript');
		await lan.getByRole('button', { name: 'Đăng chủ đề' }).click();
		await expect(lan.getByText('Nội dung không được để trống.')).toBeVisible();
		await expect(lan.getByLabel('Tiêu đề')).toHaveValue('Không có JavaScript');
		await lan.getByLabel('Nội dung').fill('Bài **mở đầu**');
		await lan.getByRole('button', { name: 'Xem trước' }).click();
		await expect(lan.locator('.preview strong')).toHaveText('mở đầu');
		await expect(lan.getByLabel('Nội dung')).toHaveValue('Bài **mở đầu**');
		await lan.getByRole('button', { name: 'Đăng chủ đề' }).click();
		await lan.waitForURL(/\/discussions\/\d+$/);
		const threadPath = new URL(lan.url()).pathname;
		const [first] = app.query<{ id: number }>(`SELECT id FROM post ORDER BY id LIMIT 1`);

		// 25 posts a page: 25 replies make a second page
		for (let i = 1; i <= 25; i++) {
			const reply = await lan.request.post(`${threadPath}?/reply`, { headers: { origin: app.url, accept: 'text/html' }, form: { body: `Trả lời ${i}` }, maxRedirects: 0 });
			expect(reply.status()).toBe(303);
		}
		await lan.goto(`${threadPath}?page=1`);
		await expect(lan.getByText('Trả lời 1', { exact: true })).toBeVisible();
		// the posts are rendered on the server only: the data endpoint answers with a placeholder
		const data = await (await lan.request.get(`${threadPath}/__data.json?page=1`)).text();
		expect(data).not.toContain('Trả lời 1');
		await lan.locator(`#post-${first!.id}`).getByRole('link', { name: 'Trích dẫn' }).click();
		await lan.getByLabel('Nội dung').fill(`${await lan.getByLabel('Nội dung').inputValue()}Đồng ý với **chị**.`);
		await lan.getByRole('button', { name: 'Xem trước' }).click();
		// still page 1, the quote still linked, the text as typed
		await expect(lan.locator(`#post-${first!.id}`)).toBeVisible();
		await expect(lan.locator('.preview blockquote')).toContainText('mở đầu');
		await expect(lan.getByLabel('Nội dung')).toHaveValue(/^> \*\*Nguyễn Thị Lan:\*\* Bài \*\*mở đầu\*\*\n\nĐồng ý với \*\*chị\*\*\.$/);
		await lan.getByRole('button', { name: 'Gửi trả lời' }).click();
		await lan.waitForURL(/\?page=2#post-\d+$/);
		const replyId = Number(/#post-(\d+)$/.exec(lan.url())![1]);
		expect(app.query(`SELECT quote_of FROM post WHERE id = ?`, replyId)).toEqual([{ quote_of: first!.id }]);

		// an edit refused on page 2 stays on page 2, in the edit form, with everything typed
		await lan.locator(`#post-${replyId}`).getByRole('link', { name: 'Sửa' }).click();
		const tooLong = 'x'.repeat(20_001);
		await lan.getByLabel('Sửa bài').fill(tooLong);
		await lan.getByRole('button', { name: 'Lưu thay đổi' }).click();
		await expect(lan.locator(`#post-${replyId}`).getByText('Nội dung dài quá 20.000 ký tự.')).toBeVisible();
		await expect(lan.getByLabel('Sửa bài')).toHaveValue(tooLong);
		// with the page's script (axe needs JavaScript too), the refused field has the focus
		await signedUp.goto(lan.url());
		await signedUp.getByLabel('Sửa bài').fill(tooLong);
		await signedUp.getByRole('button', { name: 'Lưu thay đổi' }).click();
		await expect(signedUp.getByLabel('Sửa bài')).toBeFocused();
		await expect(signedUp.getByLabel('Sửa bài')).toHaveValue(tooLong);
		await expectAccessible(signedUp);
		await lan.getByLabel('Sửa bài').fill('Đã sửa khi không có JavaScript');
		await lan.getByRole('button', { name: 'Lưu thay đổi' }).click();
		await lan.waitForURL(/\?page=2#post-\d+$/);
		await expect(lan.locator(`#post-${replyId}`)).toContainText('Đã sửa khi không có JavaScript');
	});
});

test.describe('a board of many threads', () => {
	test.use({ serverEnv: { DISCUSSION_POSTS_PER_MINUTE: '1000' } });

	test('lists 20 threads a page, the most active first, with a pager to the older ones', async ({ browser, app }) => {
		seedCohort(app);
		const lan = await learner(browser, app.url, 'nguyenthilan', 'Nguyễn Thị Lan');
		for (let i = 1; i <= 21; i++) {
			const posted = await lan.request.post(board, { headers: { origin: app.url, accept: 'text/html' }, form: { title: `Chủ đề số ${i}`, body: `Nội dung ${i}` }, maxRedirects: 0 });
			expect(posted.status()).toBe(303);
		}
		expect(app.query(`SELECT count(*) AS n FROM thread`)).toEqual([{ n: 21 }]);

		await lan.goto(board);
		await expect(lan.getByRole('heading', { name: 'Các chủ đề (trang 1/2)' })).toBeVisible();
		await expect(lan.locator('.thread-list > li')).toHaveCount(20);
		await expect(lan.locator('.thread-list > li').first()).toContainText('Chủ đề số 21');
		await expect(lan.getByText('Chủ đề số 1', { exact: true })).toHaveCount(0);
		const pager = lan.getByRole('navigation', { name: 'Các trang danh sách chủ đề' });
		await expect(pager.getByRole('link', { name: '1' })).toHaveAttribute('aria-current', 'page');
		await expectAccessible(lan);

		await pager.getByRole('link', { name: '2' }).click();
		await expect(lan.getByRole('heading', { name: 'Các chủ đề (trang 2/2)' })).toBeVisible();
		await expect(lan.locator('.thread-list > li')).toHaveCount(1);
		await expect(lan.getByRole('link', { name: 'Chủ đề số 1', exact: true })).toBeVisible();
		// the form to start a thread is still there on page 2
		await expect(lan.getByRole('button', { name: 'Đăng chủ đề' })).toBeVisible();

		// a reply brings the oldest thread back to the first page
		await lan.getByRole('link', { name: 'Chủ đề số 1', exact: true }).click();
		await postReply(lan, 'Vẫn còn giá trị.');
		await lan.goto(board);
		await expect(lan.locator('.thread-list > li').first()).toContainText('Chủ đề số 1');

		// a page past the end (an old link) shows the last page, not an empty list
		await lan.goto(`${board}?page=9`);
		await expect(lan.getByRole('heading', { name: 'Các chủ đề (trang 2/2)' })).toBeVisible();
		await expect(lan.locator('.thread-list > li')).toHaveCount(1);
	});
});

test.describe('drafts kept in the browser', () => {
	// a send that fails on the network is simulated with page.route, which does not see requests a
	// service worker makes (the offline worker passes form posts on): without the worker here;
	// posting offline with it is tested in offline.e2e.ts
	test.use({ serverEnv: { DISCUSSION_POSTS_PER_MINUTE: '1000' }, serviceWorkers: 'block' });

	test('text being written survives a closed page and a failed send, is gone once posted, and stays with its author', async ({ browser, app }) => {
		seedCohort(app);
		const lan = await learner(browser, app.url, 'nguyenthilan', 'Nguyễn Thị Lan');
		const context = lan.context();

		// a new thread typed, then the page closed before sending
		await lan.goto(board);
		await lan.getByLabel('Tiêu đề').fill('Nhóm đồng đẳng ở phường');
		await lan.getByLabel('Nội dung').fill('Chúng tôi họp mỗi tháng một lần.');
		await lan.close();
		let page = await context.newPage();
		await page.goto(board);
		await expect(page.getByRole('status').filter({ hasText: 'chưa được gửi đi' })).toBeVisible();
		await expect(page.getByLabel('Tiêu đề')).toHaveValue('Nhóm đồng đẳng ở phường');
		await expect(page.getByLabel('Nội dung')).toHaveValue('Chúng tôi họp mỗi tháng một lần.');
		await expectAccessible(page);

		// sent: the thread is there, and the board's form is empty the next time
		await page.getByRole('button', { name: 'Đăng chủ đề' }).click();
		await page.waitForURL(/\/discussions\/\d+$/);
		const threadPath = new URL(page.url()).pathname;
		await page.goto(board);
		await expect(page.getByLabel('Tiêu đề')).toHaveValue('');
		await expect(page.getByRole('status').filter({ hasText: 'chưa được gửi đi' })).toHaveCount(0);

		// a reply whose sending fails (no connection) is there when the learner comes back
		await page.goto(threadPath);
		await page.getByLabel('Nội dung').fill('Bổ sung: mời cả cán bộ y tế xã.');
		await page.route('**/*reply*', (route) => route.abort('internetdisconnected'));
		await page.getByRole('button', { name: 'Gửi trả lời' }).click().catch(() => {});
		await page.waitForTimeout(500);
		await page.unroute('**/*reply*');
		await page.goto(threadPath);
		await expect(page.getByLabel('Nội dung')).toHaveValue('Bổ sung: mời cả cán bộ y tế xã.');
		expect(app.query(`SELECT count(*) AS n FROM post`)).toEqual([{ n: 1 }]);

		// discarded on request
		await page.getByRole('button', { name: 'Xoá bản nháp' }).click();
		await expect(page.getByLabel('Nội dung')).toHaveValue('');
		await page.reload();
		await expect(page.getByLabel('Nội dung')).toHaveValue('');

		// typed again and posted: once the reply shows, the draft is gone
		await postReply(page, 'Bổ sung: mời cả cán bộ y tế xã.');
		expect(app.query(`SELECT count(*) AS n FROM post`)).toEqual([{ n: 2 }]);
		await page.goto(threadPath);
		await expect(page.getByLabel('Nội dung')).toHaveValue('');

		// another official signing in on the same computer does not see Lan's draft
		await page.goto(board);
		await page.getByLabel('Nội dung').fill('Bản nháp riêng của Lan');
		await page.waitForTimeout(600);
		await page.getByRole('button', { name: 'Đăng xuất' }).click();
		await expect(page).toHaveURL(/\/login$/);
		await registerLearner(page, { username: 'tranvanminh', name: 'Trần Văn Minh' });
		await page.waitForURL(/\/courses$/);
		await page.goto(board);
		await expect(page.getByLabel('Nội dung')).toHaveValue('');
		await expect(page.getByRole('status').filter({ hasText: 'chưa được gửi đi' })).toHaveCount(0);
	});
});

test('HTML in a post is not shown, and the writer is told; a post that would show nothing is refused and kept in the form', async ({ browser, app }) => {
	seedCohort(app);
	const lan = await learner(browser, app.url, 'nguyenthilan', 'Nguyễn Thị Lan');
	const posts = () => app.query<{ body_md: string; body_html: string }>(`SELECT body_md, body_html FROM post ORDER BY id`);

	// a thread typed only as HTML around a word: the preview says the HTML will not show
	await lan.goto(board);
	await lan.getByLabel('Tiêu đề').fill('Chỉ có HTML');
	await lan.getByLabel('Nội dung').fill('<div><b>hi</b></div>');
	await lan.getByRole('button', { name: 'Xem trước' }).click();
	const preview = lan.getByRole('region', { name: 'Xem trước' });
	await expect(preview.getByText('mã HTML (các thẻ như <div>, <b>) không được hiển thị')).toBeVisible();
	await expect(preview.locator('.prose')).toHaveText('hi');
	await expect(lan.getByLabel('Nội dung')).toHaveValue('<div><b>hi</b></div>');
	await expectAccessible(lan);
	// posted: what shows is the text, and its author is told beside it that the HTML was dropped
	await lan.getByRole('button', { name: 'Đăng chủ đề' }).click();
	await lan.waitForURL(/\/discussions\/\d+/);
	const thread = lan.url();
	await expect(lan.locator('.post .prose')).toHaveText('hi');
	await expect(lan.locator('.post').getByText('Chỉ anh/chị thấy dòng này: mã HTML trong bài không được hiển thị')).toBeVisible();
	await expectAccessible(lan);
	expect(posts()).toEqual([{ body_md: '<div><b>hi</b></div>', body_html: '<p>hi</p>\n' }]);

	// nothing but HTML: the preview says it would be empty, and posting it is refused, the text kept
	const refusal = 'Bài viết này sẽ hiện ra trống: mã HTML';
	await lan.goto(board);
	await lan.getByLabel('Tiêu đề').fill('Ảnh lỗi');
	await lan.getByLabel('Nội dung').fill('<img src=x onerror=alert(1)>');
	await lan.getByRole('button', { name: 'Xem trước' }).click();
	await expect(preview.getByText('Bài viết này sẽ hiện ra trống, nên sẽ không được đăng.')).toBeVisible();
	await lan.getByRole('button', { name: 'Đăng chủ đề' }).click();
	await expect(lan.getByText(refusal)).toBeVisible();
	await expect(lan.getByLabel('Tiêu đề')).toHaveValue('Ảnh lỗi');
	await expect(lan.getByLabel('Nội dung')).toHaveValue('<img src=x onerror=alert(1)>');
	await expectAccessible(lan);

	// the same for a reply and for an edit
	await lan.goto(thread);
	await lan.getByLabel('Nội dung').fill('<div><b></b></div>');
	await lan.getByRole('button', { name: 'Gửi trả lời' }).click();
	await expect(lan.getByText(refusal)).toBeVisible();
	await expect(lan.getByLabel('Nội dung')).toHaveValue('<div><b></b></div>');
	await lan.goto(thread);
	await lan.getByRole('link', { name: 'Sửa' }).click();
	await lan.getByLabel('Sửa bài', { exact: true }).fill('<script>alert(1)</script>');
	await lan.getByRole('button', { name: 'Lưu thay đổi' }).click();
	await expect(lan.getByText(refusal)).toBeVisible();
	await expect(lan.getByLabel('Sửa bài', { exact: true })).toHaveValue('<script>alert(1)</script>');

	expect(posts()).toEqual([{ body_md: '<div><b>hi</b></div>', body_html: '<p>hi</p>\n' }]);
	expect(app.query(`SELECT count(*) AS n FROM thread`)).toEqual([{ n: 1 }]);
});
