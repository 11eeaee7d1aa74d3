// How pages are drawn: the site header looks the same on learner and trainer pages at every
// width (trainer pages load styles of their own, which must not reach it); marked content keeps
// its contrast.
import type { Page } from '@playwright/test';
import { COURSE, expect, expectAccessible, MODULE, registerLearner, seedCohort, signIn, test } from './fixtures';

const WIDTHS = [360, 1280];

interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Where the header and its parts are drawn, scrolled to the top. */
async function headerBoxes(page: Page): Promise<Record<string, Box>> {
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
