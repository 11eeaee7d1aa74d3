// The round trip: our Markdown course packed as SCORM 1.2 by the export CLI, uploaded back into
// taphuan as a package, and played in Chromium: the page grades its own quiz and the player
// stores what it reports, like any other package.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { answerCorrectly, readAnswerKey } from './answer-key';
import { expect, expectAccessible, MODULE, registerLearner, seedCohort, test } from './fixtures';
import { signedInPage, uploadPackage, waitForTerminated } from './scorm-helpers';

const ROOT = resolve(import.meta.dirname, '../..');
const COURSE = 'phong-chong-mai-dam';

test('our course exported as SCORM 1.2, imported back and played: the quiz is graded and passed', async ({ page, app, browser }) => {
	const zip = join(app.dbPath, '..', 'export.zip');
	execFileSync(process.execPath, [join(ROOT, 'build/cli/scorm-export.js'), COURSE, '--out', zip], { encoding: 'utf8' });
	seedCohort(app);
	const trainer = await signedInPage(browser, app, 'giangvien');
	expect(await uploadPackage(trainer, COURSE, MODULE, zip, 'Bản SCORM của khoá học')).toContain('Đã thêm gói “Bản SCORM của khoá học” (8 phần)');

	await registerLearner(page);
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	await page.getByRole('link', { name: 'Mở bài: Bản SCORM của khoá học' }).click();
	const toc = page.getByRole('navigation', { name: 'Mục lục' });
	await expect(toc.getByRole('link')).toHaveCount(8);
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
