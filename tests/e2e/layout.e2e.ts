// Page layout across widths: the site header looks the same on learner and trainer pages
// (trainer pages load styles of their own, which must not reach it).
import type { Page } from '@playwright/test';
import { expect, seedCohort, signIn, test } from './fixtures';

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
