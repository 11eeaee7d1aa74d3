// How pages are drawn: the site header looks the same on learner and trainer pages at every
// width (trainer pages load styles of their own, which must not reach it); a hidden post keeps
// its contrast; the course report fits a computer screen and works on a phone, its activity
// chart ends with the last whole day.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { COURSE, expect, expectAccessible, MODULE, PASSWORD, registerLearner, seedCohort, signIn, test, type App } from './fixtures';

const ROOT = resolve(import.meta.dirname, '../..');

const WIDTHS = [360, 1280];

interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Where the header and its parts are drawn, scrolled to the top. */
async function headerBoxes(page: Page): Promise<Record<'header' | 'brand' | 'language' | 'menu', Box>> {
	await page.evaluate(() => window.scrollTo(0, 0));
	return page.evaluate(() => {
		const box = (selector: string) => {
			const r = document.querySelector(selector)!.getBoundingClientRect();
			return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
		};
		return {
			header: box('.site-header'),
			brand: box('.site-header .brand'),
			language: box('.site-header .language-switch button'),
			menu: box('.site-header nav')
		};
	});
}

for (const width of WIDTHS) {
	test(`at ${width} px the site header is the same on a learner page and on trainer pages`, async ({ page, app }) => {
		seedCohort(app);
		await page.setViewportSize({ width, height: 800 });
		await signIn(page, 'giangvien');
		await page.goto('/courses');
		const learner = await headerBoxes(page);
		// nothing sticks out above the screen or past its right edge
		for (const box of Object.values(learner)) {
			expect(box.y).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(width);
		}
		// the language button sits in the top bar, above the menu
		expect(learner.language.y + learner.language.height).toBeLessThanOrEqual(learner.menu.y);

		await page.goto('/manage');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(await headerBoxes(page)).toEqual(learner);
		await page.goto('/manage/cohorts/1');
		expect(await headerBoxes(page)).toEqual(learner);

		// the trainer's styles stay loaded when the client router moves on to a learner page
		await page.getByRole('link', { name: 'Khoá học của tôi' }).click();
		await expect(page).toHaveURL(/\/courses$/);
		expect(await headerBoxes(page)).toEqual(learner);
	});
}

test('a hidden post is marked without fading its text: the trainer who sees it reads it at full contrast', async ({ browser, app }) => {
	seedCohort(app);
	const lan = await (await browser.newContext({ baseURL: app.url })).newPage();
	await registerLearner(lan, { username: 'nguyenthilan', name: 'Nguyễn Thị Lan' });
	await lan.waitForURL(/\/courses$/);
	await lan.goto(`/courses/${COURSE}/${MODULE}/discussions`);
	await lan.getByLabel('Tiêu đề').fill('Một chủ đề');
	await lan.getByLabel('Nội dung').fill('Nội dung có [một liên kết](https://example.org) và tên một người được hỗ trợ.');
	await lan.getByRole('button', { name: 'Đăng chủ đề' }).click();
	await lan.waitForURL(/\/discussions\/\d+/);
	const thread = new URL(lan.url()).pathname;

	const trainer = await (await browser.newContext({ baseURL: app.url })).newPage();
	await signIn(trainer, 'giangvien');
	await trainer.goto(thread);
	await trainer.getByRole('button', { name: 'Ẩn bài', exact: true }).click();
	await expect(trainer.getByRole('button', { name: 'Hiện lại bài' })).toBeVisible();
	expect(app.query(`SELECT hidden_at IS NOT NULL AS hidden FROM post`)).toEqual([{ hidden: 1 }]);

	const post = trainer.locator('.post').first();
	await expect(post.locator('.meta')).toContainText('Đã ẩn');
	await expect(post.getByText('tên một người được hỗ trợ', { exact: false })).toBeVisible();
	// marked by its frame and background, not by fading: nothing in it is see-through
	expect(await post.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
	expect(await post.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');
	await expectAccessible(trainer);
});

/** A demo cohort of 60 made-up learners on the real course, its activity spread over four weeks. */
function seedDemoCohort(app: App, coursesDir: string): number {
	app.cli('create-user', '--username', 'quantri', '--name', 'Quản trị', '--role', 'admin', '--password', PASSWORD);
	app.cli('create-user', '--username', 'giangvien', '--name', 'Trần Thị Giảng', '--role', 'trainer', '--password', PASSWORD);
	execFileSync(process.execPath, [join(ROOT, 'build/cli/demo.js'), '--learners', '60', '--trainer', 'giangvien'], {
		env: { ...process.env, DATABASE_PATH: app.dbPath, COURSES_DIR: coursesDir, TAPHUAN_LANG: 'vi' }
	});
	return app.query<{ id: number }>(`SELECT id FROM cohort WHERE enrol_code = 'DEMO'`)[0]!.id;
}

test('the course report fits a computer screen and every figure can be reached on a phone', async ({ page, app, coursesDir }) => {
	test.setTimeout(180_000);
	const cohort = seedDemoCohort(app, coursesDir);
	const modules = app.query<{ n: number }>(`SELECT count(DISTINCT module_slug) AS n FROM activity WHERE course_id = ?`, COURSE)[0]!.n;
	await signIn(page, 'giangvien');
	const report = `/manage/cohorts/${cohort}/courses/${COURSE}`;
	const table = page.locator('table[data-report="modules"]');

	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(report);
	await expect(table.locator('tbody tr')).toHaveCount(modules);
	const wide = await table.evaluate((el) => ({ table: el.scrollWidth, box: el.closest('[role="region"]')!.clientWidth }));
	expect(wide.table).toBeLessThanOrEqual(wide.box);
	// the full titles are shown, in at most two lines each
	const first = table.locator('tbody th').nth(1);
	await expect(first).toHaveText(/^HP1 Tình hình mại dâm/);
	await expect(first.locator('.module-title')).toBeVisible();
	const lineHeight = await first.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
	for (const height of await table.locator('tbody th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().height))) {
		expect(height).toBeLessThan(3 * lineHeight);
	}
	await expect(page.getByText('Tên đầy đủ các học phần')).toBeHidden();
	await expectAccessible(page);

	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto(report);
	// polled: the charts size themselves to the screen once they are drawn, a moment after load
	await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	// the short names stay in view; the key gives the full titles, and screen readers still hear them
	await page.getByText('Tên đầy đủ các học phần').click();
	await expect(page.locator('.module-key li').nth(1)).toHaveText(/^HP1 Tình hình mại dâm/);
	await expect(table.getByRole('rowheader', { name: /^HP1 Tình hình mại dâm/ })).toHaveCount(1);
	// each figure can be scrolled into view beside its module's name, nothing covering it
	const cells = table.locator('tbody td');
	const count = await cells.count();
	expect(count).toBeGreaterThan(modules * 3);
	for (let i = 0; i < count; i++) {
		const seen = await cells.nth(i).evaluate((cell) => {
			cell.scrollIntoView({ block: 'center', inline: 'end' });
			// the figure itself: a cell spanning three columns is wider than the screen, its text is not
			const text = document.createRange();
			text.selectNodeContents(cell);
			const r = text.getBoundingClientRect();
			const name = cell.parentElement!.querySelector('th')!.getBoundingClientRect();
			const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
			return { left: r.left, right: r.right, nameRight: name.right, nameLeft: name.left, onTop: hit === cell || cell.contains(hit) };
		});
		expect(seen.left).toBeGreaterThanOrEqual(seen.nameRight - 1);
		expect(seen.right).toBeLessThanOrEqual(360);
		expect(seen.nameLeft).toBeGreaterThanOrEqual(0);
		expect(seen.onTop).toBe(true);
	}
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectAccessible(page);
});

test('the activity chart ends yesterday and gives today so far apart', async ({ page, app, coursesDir }) => {
	test.setTimeout(180_000);
	const cohort = seedDemoCohort(app, coursesDir);
	// a demo learner studies today
	await signIn(page, 'demo.0001', 'hoc-thu-taphuan');
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await page.waitForURL(/\/login/);

	const DAY = 86_400_000;
	const today = Math.floor((Date.now() + 7 * 3_600_000) / DAY);
	const dayMonth = (day: number) => new Date(day * DAY).toISOString().slice(5, 10).split('-').reverse().join('/');
	const active = app.query<{ n: number }>(
		`SELECT count(*) AS n FROM learner_day d JOIN cohort_member m ON m.user_id = d.user_id
		 WHERE m.cohort_id = ? AND m.role = 'learner' AND d.course_id = ? AND d.day = ?`,
		cohort,
		COURSE,
		today
	)[0]!.n;
	expect(active).toBeGreaterThanOrEqual(1);

	await signIn(page, 'giangvien');
	await page.goto(`/manage/cohorts/${cohort}/courses/${COURSE}`);
	const chart = page.locator('figure[data-chart="activity"]');
	await expect(chart.getByRole('heading')).toHaveText('Hoạt động trong 30 ngày qua (đến hết hôm qua)');
	await expect(chart.locator('[data-chart-note]')).toHaveText(
		new RegExp(`^Hôm nay, tính đến lúc mở trang: ${active} học viên có hoạt động, \\d+ học phần được hoàn thành\\.$`)
	);
	await chart.getByRole('button', { name: 'Xem dạng bảng' }).click();
	const days = chart.locator('tbody th');
	await expect(days).toHaveCount(30);
	await expect(days.last()).toHaveText(dayMonth(today - 1));
	await expect(days.first()).toHaveText(dayMonth(today - 30));
	await expectAccessible(page);
});
