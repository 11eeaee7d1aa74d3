import type { Page } from '@playwright/test';
import { COURSE, expect, expectAccessible, MODULE, PASSWORD, registerLearner, seedCohort, signIn, test } from './fixtures';

/** The card of module 1 (the first with a quiz) on the course page. */
const firstModule = (page: Page) =>
	page.locator('.module-list > li').filter({ has: page.locator(`a[href="/courses/${COURSE}/${MODULE}"]`) });

function lessonTracking(app: { query: (sql: string) => unknown[] }) {
	return app.query(
		`SELECT t.completion_status AS status, t.location, t.attempts
		 FROM tracking t JOIN activity a ON a.id = t.activity_id
		 WHERE a.module_slug = '${MODULE}' AND a.kind = 'lesson'`
	) as { status: string; location: string | null; attempts: number }[];
}

test('a learner reads a lesson to the end; the course shows it completed and resumes at the bookmark', async ({ page, app }) => {
	seedCohort(app);
	await registerLearner(page);
	await page.getByRole('link', { name: /Phòng, chống mại dâm/ }).click();
	await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}$`));
	await expect(firstModule(page).locator('.badge')).toHaveText('Chưa bắt đầu');
	await expectAccessible(page);

	// the course starts with the orientation module; its "next" button leads to module 1
	await page.getByRole('link', { name: 'Bắt đầu học' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Làm quen với lớp học trực tuyến');
	await page.locator('a[rel="next"]').click();
	await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/${MODULE}`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tình hình mại dâm ở Việt Nam và khung pháp lý');
	await expect(page.getByRole('navigation', { name: 'Mục lục' }).getByRole('link')).not.toHaveCount(0);
	await expectAccessible(page);
	const sections = await page.locator('[data-lesson] .prose h2[id]').evaluateAll((els) => els.map((e) => e.id));
	// opened: in progress; the bookmark is at most the first section so far
	expect(lessonTracking(app)).toHaveLength(1);
	expect(lessonTracking(app)[0]).toMatchObject({ status: 'incomplete', attempts: 1 });
	expect([null, sections[0]]).toContain(lessonTracking(app)[0]!.location);

	// scroll through the lesson the way a reader does, down to its end
	expect(sections.length).toBeGreaterThan(2);
	for (const id of sections) {
		await page.locator(`[id="${id}"]`).scrollIntoViewIfNeeded();
		await page.mouse.wheel(0, 200);
	}
	await page.locator('#lesson-end').scrollIntoViewIfNeeded();
	await expect(page.getByText('Anh/chị đã hoàn thành bài học này.')).toBeVisible();
	await expect.poll(() => lessonTracking(app)[0]?.status).toBe('completed');
	const lastSection = sections.at(-1)!;
	expect(lessonTracking(app)[0]!.location).toBe(lastSection);
	const events = app
		.query(`SELECT e.verb FROM learning_event e JOIN activity a ON a.id = e.activity_id WHERE a.module_slug = '${MODULE}' ORDER BY e.id`)
		.map((e) => (e as { verb: string }).verb);
	expect(events).toContain('launched');
	expect(events).toContain('progressed');
	expect(events.filter((v) => v === 'completed')).toHaveLength(1);

	// the lesson is completed; the module also waits for its quiz
	await page.goto(`/courses/${COURSE}`);
	await expect(firstModule(page).locator('.lesson-line')).toHaveText(/Bài học:\s*Hoàn thành/);
	await expect(firstModule(page).locator('.quiz-line')).toContainText('chưa làm');
	await expect(firstModule(page).locator('.badge')).toHaveText('Đang học');
	// only the orientation module is complete (read to its end on the way to module 1)
	await expect(page.getByText(/Đã hoàn thành 1\/\d+ học phần/)).toBeVisible();

	// a new sign-in later: "Tiếp tục học" returns to the last section read
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await signIn(page, 'nguyenthilan');
	await page.goto(`/courses/${COURSE}`);
	const resume = page.getByRole('link', { name: 'Tiếp tục học' });
	await expect(resume).toHaveAttribute('href', `/courses/${COURSE}/${MODULE}#${lastSection}`);
	await resume.click();
	await expect(page).toHaveURL(new RegExp(`#${lastSection}$`));
	await expect(page.locator(`[id="${lastSection}"]`)).toBeInViewport();
});

test('reading offline keeps the time and says so; a lost session says to sign in again', async ({ page, context, app }) => {
	seedCohort(app);
	await registerLearner(page);
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	const status = page.locator('.lesson-status');
	const offline = status.getByText('Mất kết nối mạng');
	const sections = await page.locator('[data-lesson] .prose h2[id]').evaluateAll((els) => els.map((e) => e.id));
	const readTo = async (id: string) => {
		await page.locator(`[id="${id}"]`).scrollIntoViewIfNeeded();
		await page.mouse.wheel(0, 200);
	};

	const timeOnTask = () => (app.query(`SELECT total_time_ms AS t FROM tracking`) as { t: number }[])[0]?.t ?? 0;
	// a new section is reported at the next tick; without a network the page says the time is kept
	const before = timeOnTask();
	await context.setOffline(true);
	await readTo(sections[1]!);
	await expect(offline).toBeVisible();
	await expectAccessible(page);
	await context.setOffline(false);
	await expect(offline).toBeHidden();
	await expect.poll(() => lessonTracking(app)[0]?.location).toMatch(new RegExp(`^(${sections.slice(1).join('|')})$`));
	// the beat kept while offline is applied once the network returns (by the page or by the service
	// worker, whichever is first: one applied operation) and its time credited; how much depends on
	// when the tick fell (capped by the wall clock since the last credit), so only that it grew
	await expect.poll(() => app.query(`SELECT op_id FROM applied_operation`).length).toBeGreaterThan(0);
	await expect.poll(timeOnTask).toBeGreaterThan(before);

	// the session ended elsewhere (signed out in another tab; on the server, so a request still in
	// flight cannot bring the cookie back as clearing it in the browser would let it): progress is
	// no longer saved, and the page says how to fix it
	const elsewhere = await context.newPage();
	await elsewhere.goto('/courses');
	await elsewhere.getByRole('button', { name: 'Đăng xuất' }).click();
	await expect(elsewhere).toHaveURL(/\/login/);
	await elsewhere.close();
	await readTo(sections.at(-1)!);
	await expect(status.getByText('Phiên đăng nhập đã hết')).toBeVisible();
	await expect(status.getByRole('link', { name: 'Đăng nhập' })).toHaveAttribute('href', '/login');
});

test('"Đánh dấu đã học xong" works without JavaScript', async ({ browser, app }) => {
	seedCohort(app);
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled: false });
	const page = await context.newPage();
	await registerLearner(page);
	await expect(page).toHaveURL(/\/courses$/);
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	await page.getByRole('button', { name: 'Đánh dấu đã học xong' }).click();
	await expect(page.getByText('Anh/chị đã hoàn thành bài học này.')).toBeVisible();
	expect(lessonTracking(app)[0]!.status).toBe('completed');
	await page.goto(`/courses/${COURSE}`);
	await expect(firstModule(page).locator('.lesson-line')).toHaveText(/Bài học:\s*Hoàn thành/);
	await context.close();
});

test('time on task counts only active, visible reading, capped per heartbeat', async ({ page, app }) => {
	seedCohort(app);
	await registerLearner(page);
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	// a heartbeat claiming ten hours of activity is credited at most the time since the page opened
	const status = await page.evaluate(async ([course, module]) => {
		const response = await fetch('/api/tracking/heartbeat', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ course, module, activeMs: 36_000_000, location: 'khong-co-muc-nay', reachedEnd: false })
		});
		return response.status;
	}, [COURSE, MODULE]);
	expect(status).toBe(200);
	const [row] = app.query(`SELECT total_time_ms AS t, location FROM tracking`) as { t: number; location: string | null }[];
	expect(row!.t).toBeLessThanOrEqual(60_000);
	// an unknown section is not stored as the bookmark
	expect(row!.location).toBeNull();
});

test('the interface switches to English and remembers it', async ({ page, app }) => {
	seedCohort(app);
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
	await page.getByRole('button', { name: /English/ }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Username').fill('giangvien');
	await page.getByLabel('Password', { exact: true }).fill('wrong-password-1');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
	await expect(page.getByRole('alert')).toHaveText('The username or password is not correct.');
	await page.goto('/register');
	await expect(page.getByRole('heading', { name: 'Join a cohort' })).toBeVisible();
	await page.getByRole('button', { name: /Tiếng Việt/ }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
	await expect(page.getByRole('heading', { name: 'Đăng ký tham gia lớp' })).toBeVisible();
});

test('a lesson reads well on a 360-px phone: nothing wider than the screen', async ({ browser, app }) => {
	seedCohort(app);
	const context = await browser.newContext({ baseURL: app.url, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
	const page = await context.newPage();
	await registerLearner(page);
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const widths = await page.evaluate(() => ({
		page: document.documentElement.scrollWidth,
		screen: window.innerWidth
	}));
	expect(widths.page).toBeLessThanOrEqual(widths.screen);
	// the lesson text is marked with the course's language, whatever the interface language
	await expect(page.locator('[data-lesson]')).toHaveAttribute('lang', 'vi');
	await expectAccessible(page);
	// the lesson has no SvelteKit client: the language switch is a plain form that comes back here
	await page.getByRole('button', { name: /English/ }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/${MODULE}$`));
	await expect(page.locator('[data-lesson]')).toHaveAttribute('lang', 'vi');
	for (const path of ['/courses', `/courses/${COURSE}`]) {
		await page.goto(path);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	}
	await context.close();
});

test('on a phone, signing out from the middle of a lesson keeps the bookmark on the section being read', async ({ browser, app }) => {
	seedCohort(app);
	const context = await browser.newContext({ baseURL: app.url, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
	const page = await context.newPage();
	await registerLearner(page);
	await page.waitForURL(/\/courses$/);
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	const sections = await page.locator('[data-lesson] .prose h2[id]').evaluateAll((els) => els.map((e) => e.id));
	expect(sections.length).toBeGreaterThanOrEqual(4);
	const section4 = sections[3]!;
	const scrollTo = (id: string) => page.locator(`[id="${id}"]`).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));

	// read down to section 4 and stay on it: it becomes the bookmark
	for (const id of sections.slice(0, 4)) await scrollTo(id);
	await page.mouse.wheel(0, 100);
	await expect.poll(() => lessonTracking(app)[0]?.location, { timeout: 15_000 }).toBe(section4);
	// swipe back up through sections 3, 2, 1 (a second on each) to the header, look for the menu
	// there for a while (the page reports every 5 s meanwhile), and sign out
	for (const id of sections.slice(0, 3).reverse()) {
		await scrollTo(id);
		await page.waitForTimeout(1_000);
	}
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.waitForTimeout(6_000);
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await page.waitForURL(/\/login/);

	await signIn(page, 'nguyenthilan');
	await page.goto(`/courses/${COURSE}`);
	const resume = page.getByRole('link', { name: 'Tiếp tục học' });
	await expect(resume).toHaveAttribute('href', `/courses/${COURSE}/${MODULE}#${section4}`);
	await resume.click();
	await expect(page.locator(`[id="${section4}"]`)).toBeInViewport();
	expect(lessonTracking(app)[0]!.location).toBe(section4);

	// the other way out: the header has scrolled away, but the menu link stays at hand (and the
	// page stays accessible with it); it brings the menu back without scrolling through the lesson
	await page.mouse.wheel(0, 100);
	const menuJump = page.getByRole('link', { name: 'Lên trình đơn' });
	await expect(menuJump).toBeInViewport();
	await expect(page.getByRole('button', { name: 'Đăng xuất' })).not.toBeInViewport();
	await expectAccessible(page);
	await menuJump.click();
	await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeFocused();
	await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeInViewport();
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await page.waitForURL(/\/login/);
	expect(lessonTracking(app)[0]!.location).toBe(section4);
	await context.close();
});

test('the course page names the trainers of the learner’s class, from the class, not the course files', async ({ browser, page, app }) => {
	app.cli('create-user', '--username', 'giangvien', '--name', 'Trần Thị Giảng', '--role', 'trainer', '--password', PASSWORD);
	app.cli('create-user', '--username', 'gvhoa', '--name', 'Lê Thị Hoà', '--role', 'trainer', '--organisation', 'Sở Y tế tỉnh Hưng Yên', '--password', PASSWORD);
	app.cli('create-cohort', '--name', 'Lớp cán bộ xã đợt 1', '--code', 'HY-2022-01', '--course', COURSE, '--trainer', 'giangvien', '--trainer', 'gvhoa');
	await registerLearner(page);
	await page.goto(`/courses/${COURSE}`);
	const card = page.getByRole('region', { name: 'Giảng viên của lớp' });
	await expect(card).toContainText('Lớp Lớp cán bộ xã đợt 1:');
	await expect(card).toContainText('Lê Thị Hoà, Sở Y tế tỉnh Hưng Yên');
	await expect(card).toContainText('Trần Thị Giảng');
	await expect(card.getByRole('link', { name: 'Trao đổi chung' })).toHaveAttribute('href', `/courses/${COURSE}/discussions`);
	await expectAccessible(page);
	// what the card reads is what the class stores
	expect(app.query(`SELECT u.display_name AS name FROM cohort_member m JOIN user u ON u.id = m.user_id WHERE m.role = 'trainer' ORDER BY u.display_name`)).toEqual([
		{ name: 'Lê Thị Hoà' },
		{ name: 'Trần Thị Giảng' }
	]);

	// a trainer opening the course page is not shown a list of whom to ask
	const trainer = await (await browser.newContext({ baseURL: app.url })).newPage();
	await signIn(trainer, 'giangvien');
	await trainer.goto(`/courses/${COURSE}`);
	await expect(trainer.getByRole('heading', { name: 'Các học phần' })).toBeVisible();
	await expect(trainer.getByRole('region', { name: 'Giảng viên của lớp' })).toHaveCount(0);
});
