// The round trip: our Markdown course packed as SCORM 1.2 by the export CLI, uploaded back into
// taphuan as a package, and played in Chromium: the page grades its own quiz and the player
// stores what it reports, like any other package.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { answerCorrectly, readAnswerKey } from './answer-key';
import { expect, expectAccessible, MODULE, registerLearner, seedCohort, test, type App } from './fixtures';
import { signedInPage, uploadPackage, waitForTerminated } from './scorm-helpers';

const ROOT = resolve(import.meta.dirname, '../..');
const COURSE = 'phong-chong-mai-dam';
/** one SCO per module folder (NN-slug) of the course */
const MODULES = readdirSync(join(ROOT, 'courses', COURSE)).filter((name) => /^\d+-/.test(name)).length;

/** Exports the course with the CLI, uploads it as a package of MODULE, and opens it as a new learner. */
async function exportAndOpen(page: Page, app: App, browser: Browser) {
	const zip = join(app.dbPath, '..', 'export.zip');
	execFileSync(process.execPath, [join(ROOT, 'build/cli/scorm-export.js'), COURSE, '--out', zip], { encoding: 'utf8' });
	seedCohort(app);
	const trainer = await signedInPage(browser, app, 'giangvien');
	expect(await uploadPackage(trainer, COURSE, MODULE, zip, 'Bản SCORM của khoá học')).toContain(`Đã thêm gói “Bản SCORM của khoá học” (${MODULES} phần)`);

	await registerLearner(page);
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	await page.getByRole('link', { name: 'Mở bài: Bản SCORM của khoá học' }).click();
	const toc = page.getByRole('navigation', { name: 'Mục lục' });
	await expect(toc.getByRole('link')).toHaveCount(MODULES);
	return toc;
}

test('our course exported as SCORM 1.2, imported back and played: the quiz is graded and passed', async ({ page, app, browser }) => {
	const toc = await exportAndOpen(page, app, browser);
	const title = (app.query(`SELECT title FROM activity WHERE kind = 'lesson' AND module_slug = ?`, MODULE) as { title: string }[])[0]!.title;
	await toc.getByRole('link', { name: title }).click();
	await expect(page.locator(`iframe[title="${title}"]`)).toBeVisible();
	await expectAccessible(page, { exclude: ['.scorm-stage iframe'] });

	// the exported page found the player's API: no "no LMS" notice
	const sco = page.frameLocator('.scorm-stage iframe');
	await expect(sco.locator('h1')).toHaveText(title);
	await expect(sco.locator('#lms-notice')).toHaveCount(1);
	await expect(sco.locator('#lms-notice')).toBeHidden();
	const questions = new Map(readAnswerKey(COURSE)[MODULE]!.map((q) => [q.id, q]));
	const shown = await sco.locator('fieldset[data-question]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.question!));
	expect(shown.length).toBeGreaterThan(0);
	for (const id of shown) await answerCorrectly(sco.locator(`fieldset[data-question="${id}"]`), questions.get(id)!);
	await sco.getByRole('button', { name: 'Nộp bài' }).click();
	await expect(sco.locator('#quiz-result')).toContainText('100');

	await page.getByRole('link', { name: 'Thoát về học phần' }).click();
	await waitForTerminated(app, 1);
	const rows = app.query(
		`SELECT t.completion_status, t.success_status, t.score_raw FROM tracking t JOIN activity a ON a.id = t.activity_id
		 WHERE a.kind = 'scorm' AND a.title = ?`,
		title
	);
	expect(rows).toEqual([{ completion_status: 'completed', success_status: 'passed', score_raw: 100 }]);
});

test('an exported lesson without a quiz is completed by the site’s reading rule: reaching its end after scrolling', async ({ page, app, browser }) => {
	const toc = await exportAndOpen(page, app, browser);
	const title = 'Làm quen với lớp học trực tuyến';
	await toc.getByRole('link', { name: title }).click();
	const sco = page.frameLocator('.scorm-stage iframe');
	await expect(sco.locator('h1')).toHaveText(title);
	const done = sco.getByText('Anh/chị đã hoàn thành bài học này.');
	await expect(done).toBeHidden();

	await sco.locator('#lesson-end').scrollIntoViewIfNeeded();
	await expect(done).toBeVisible();
	await expectAccessible(page, { exclude: ['.scorm-stage iframe'] });

	await page.getByRole('link', { name: 'Thoát về học phần' }).click();
	await waitForTerminated(app, 1);
	const rows = app.query(
		`SELECT t.completion_status FROM tracking t JOIN activity a ON a.id = t.activity_id WHERE a.kind = 'scorm' AND a.title = ?`,
		title
	);
	expect(rows).toEqual([{ completion_status: 'completed' }]);
});
