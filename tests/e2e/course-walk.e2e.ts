// A learner walks the whole real course: every lesson, every quiz passed with the answers read
// from the quiz files (not written here), a post in the discussion module, and the course done.
import type { Page } from '@playwright/test';
import { answerCorrectly, readAnswerKey } from './answer-key';
import { COURSE, expect, registerLearner, seedCohort, test } from './fixtures';

const key = readAnswerKey(COURSE);

async function passQuiz(page: Page, moduleSlug: string) {
	await page.goto(`/courses/${COURSE}/${moduleSlug}/quiz`);
	await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
	await page.waitForURL(/\/quiz\/\d+$/);
	const questions = new Map(key[moduleSlug]!.map((q) => [q.id, q]));
	const shown = await page.locator('fieldset[data-question]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.question!));
	for (const id of shown) await answerCorrectly(page.locator(`fieldset[data-question="${id}"]`), questions.get(id)!);
	await page.getByRole('button', { name: 'Nộp bài' }).click();
	await expect(page.getByRole('heading', { name: 'Đạt', exact: true })).toBeVisible();
	await expect(page.getByText(/^Điểm: 100%/)).toBeVisible();
}

test('a learner completes the whole course: every lesson, every quiz, the discussion module', async ({ page, app }) => {
	test.setTimeout(300_000);
	seedCohort(app);
	await registerLearner(page);
	await page.goto(`/courses/${COURSE}`);
	const modules = await page.locator('.module-list h3 a').evaluateAll((links) =>
		links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!.split('/').pop()!)
	);
	expect(modules.length).toBeGreaterThanOrEqual(7);
	for (const slug of modules) {
		await page.goto(`/courses/${COURSE}/${slug}`);
		const discussion = page.getByText('Học phần này hoàn thành khi anh/chị đăng ít nhất một bài');
		if (await discussion.count()) {
			await page.goto(`/courses/${COURSE}/${slug}/discussions`);
			// the discussion module's board reminds, before the form and at its text area, not to identify anyone
			await expect(page.getByRole('note')).toContainText('Trước khi đăng: không nêu tên');
			await expect(page.getByLabel('Nội dung')).toHaveAccessibleDescription(/không nêu tên, biệt danh/);
			await page.getByLabel('Tiêu đề').fill('Chia sẻ từ phường tôi');
			await page.getByLabel('Nội dung').fill('Khó khăn lớn nhất là người dân còn e ngại; chúng tôi phối hợp với trạm y tế.');
			await page.getByRole('button', { name: 'Đăng chủ đề' }).click();
			await page.waitForURL(/\/discussions\/\d+/);
		} else {
			// the same form the button sends (reading to the end is covered by learning.e2e.ts)
			const done = await page.request.post(`/courses/${COURSE}/${slug}?/complete`, {
				headers: { origin: app.url, accept: 'text/html' },
				form: {}
			});
			expect(done.status(), slug).toBe(200);
		}
		if (key[slug]) await passQuiz(page, slug);
	}
	await page.goto(`/courses/${COURSE}`);
	await expect(page.getByText(`Đã hoàn thành ${modules.length}/${modules.length} học phần (100%)`)).toBeVisible();
	await page.goto('/courses');
	await expect(page.getByText(/\(100%\)/)).toBeVisible();
});
