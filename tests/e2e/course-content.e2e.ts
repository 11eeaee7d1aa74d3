import { COURSE, expect, expectAccessible, registerLearner, seedCohort, test } from './fixtures';

test('every lesson of the course opens, and every link and image in it resolves', async ({ page, app }) => {
	// eight long lessons, each checked with axe: minutes on a loaded 2-core machine
	test.setTimeout(240_000);
	seedCohort(app);
	await registerLearner(page);
	await page.goto(`/courses/${COURSE}`);
	const lessons = await page.locator('.module-list h3 a').evaluateAll((links) =>
		links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!)
	);
	expect(lessons.length).toBeGreaterThanOrEqual(1);
	const checked = new Set<string>();
	for (const lesson of lessons) {
		const response = await page.goto(lesson);
		expect(response?.status(), lesson).toBe(200);
		await expect(page.locator('[data-lesson] .prose h2').first()).toBeVisible();
		await expectAccessible(page);
		const targets = await page.locator('[data-lesson] .prose').evaluate((prose) => [
			...[...prose.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
			...[...prose.querySelectorAll('img[src]')].map((img) => img.getAttribute('src')!)
		]);
		for (const target of targets) {
			if (/^https?:/.test(target) || target.startsWith('#') || checked.has(target)) continue;
			checked.add(target);
			const linked = await page.request.get(new URL(target, page.url()).toString());
			expect(linked.status(), `${lesson} → ${target}`).toBe(200);
		}
		// images must carry a text alternative
		const missingAlt = await page.locator('[data-lesson] .prose img:not([alt]), [data-lesson] .prose img[alt=""]').count();
		expect(missingAlt, lesson).toBe(0);
	}
});
