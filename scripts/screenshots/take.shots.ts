// The orientation module (00-lam-quen) shows learners the real pages. This script seeds a fresh
// server with the real course, walks the pages a new learner meets and writes phone-sized JPEGs
// into the module's media/ folder, so the pictures stay true whenever the interface changes.
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { answerCorrectly, readAnswerKey } from '../../tests/e2e/answer-key';
import { COURSE, MODULE, expect, registerLearner, seedCohort, test } from '../../tests/e2e/fixtures';

const COURSES = resolve(import.meta.dirname, '../../courses');
const MEDIA = join(COURSES, COURSE, '00-lam-quen/media');
const SHOTS = ['dang-ky', 'bai-hoc', 'trang-khoa-hoc', 'bai-kiem-tra', 'thao-luan'] as const;

// The loader refuses a lesson whose images are missing, so the first run (or a new picture)
// would have nothing to load: the server reads a copy of the courses in which any picture not
// taken yet is an empty file.
const coursesCopy = mkdtempSync(join(tmpdir(), 'taphuan-shots-'));
cpSync(COURSES, coursesCopy, { recursive: true });
for (const name of SHOTS) {
	const copy = join(coursesCopy, COURSE, '00-lam-quen/media', `${name}.jpg`);
	if (!existsSync(copy)) writeFileSync(copy, '');
}
test.use({ coursesDir: coursesCopy });

/**
 * One phone screen, starting at `from` when given (scrolled to the top of the screen). JPEG
 * keeps each picture around 30–50 KB, light enough for mobile data.
 */
async function shoot(page: Page, name: (typeof SHOTS)[number], from?: Locator) {
	if (from) await from.evaluate((element) => element.scrollIntoView({ block: 'start' }));
	await page.screenshot({ path: join(MEDIA, `${name}.jpg`), type: 'jpeg', quality: 70, animations: 'disabled', caret: 'hide' });
	if (process.env.SHOTS_PNG) await page.screenshot({ path: join(process.env.SHOTS_PNG, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

test('screenshots for the orientation module', async ({ page, app }) => {
	test.setTimeout(120_000);
	seedCohort(app);

	// 1. the registration form, filled in as a learner would
	await page.goto('/register');
	await page.getByLabel('Mã lớp').fill('HY-2022-01');
	await page.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
	await page.getByLabel('Cơ quan, đơn vị').fill('Hội LHPN xã Tân Hưng');
	await shoot(page, 'dang-ky');
	await registerLearner(page);
	await page.waitForURL((url) => url.pathname !== '/register');

	// the orientation module read, so the course page shows a finished module and a started one
	await page.goto(`/courses/${COURSE}/lam-quen`);
	await page.getByRole('button', { name: 'Đánh dấu đã học xong' }).click();
	await expect(page.getByText('Anh/chị đã hoàn thành bài học này.')).toBeVisible();

	// 2. the start of a lesson: its number, reading time and objectives
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await shoot(page, 'bai-hoc');

	// 3. the course page once the learner has begun: progress, "Tiếp tục học", statuses
	await page.goto(`/courses/${COURSE}`);
	await shoot(page, 'trang-khoa-hoc', page.locator('main h1'));

	// 4. a quiz question answered, with the autosave status
	await page.goto(`/courses/${COURSE}/${MODULE}/quiz`);
	await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
	await page.waitForURL(/\/quiz\/\d+$/);
	// questions are shuffled: answer the first single-choice one, correctly (a picture learners
	// may copy must not show a wrong answer)
	const singles = new Map(readAnswerKey(COURSE, coursesCopy)[MODULE]!.filter((q) => q.type === 'single').map((q) => [q.id, q]));
	const shown = await page.locator('fieldset[data-question]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.question!));
	const id = shown.find((shownId) => singles.has(shownId))!;
	const fieldset = page.locator(`fieldset[data-question="${id}"]`);
	await answerCorrectly(fieldset, singles.get(id)!);
	// the question at the top of the screen, just under the sticky save status
	await fieldset.evaluate((element) => {
		element.scrollIntoView({ block: 'start' });
		window.scrollBy(0, -(document.querySelector('.quiz-bar')?.getBoundingClientRect().height ?? 0) - 16);
	});
	await expect(page.getByText(/^Đã lưu/)).toBeVisible();
	await shoot(page, 'bai-kiem-tra');

	// 5. a module's discussion board: the suggested questions and a new topic with its preview
	await page.goto(`/courses/${COURSE}/${MODULE}/discussions`);
	await page.getByLabel('Tiêu đề').fill('Kinh nghiệm tiếp cận cơ sở lưu trú ở xã');
	await page.getByLabel('Nội dung').fill('Xã em mời chủ nhà nghỉ họp **mỗi quý** để phổ biến quy định mới. Các anh chị làm thế nào?');
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.locator('section.preview')).toBeVisible();
	await shoot(page, 'thao-luan', page.locator('#new-thread'));
});
