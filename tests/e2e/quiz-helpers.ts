// Page helpers for the quiz tests, on the small course in tests/e2e/courses.
import { expect, type Page } from '@playwright/test';

export const QUIZ_COURSE = 'khoa-thu';
export const QUIZ_MODULE = 'on-tap';
export const TIMED_MODULE = 'co-gio';

export const question = (page: Page, id: string) => page.locator(`fieldset[data-question="${id}"]`);

export async function startQuiz(page: Page, module = QUIZ_MODULE) {
	await page.goto(`/courses/${QUIZ_COURSE}/${module}/quiz`);
	await page.getByRole('button', { name: /Bắt đầu làm bài|Làm lại bài/ }).click();
	await page.waitForURL(/\/quiz\/\d+$/);
}

/** Answers every question of the review quiz correctly; `swapping` is false without JavaScript. */
export async function answerAllCorrectly(page: Page) {
	await question(page, 'q-don').getByLabel('Hà Nội').check();
	await question(page, 'q-nhieu').getByLabel('Số hai').check();
	await question(page, 'q-nhieu').getByLabel('Số bốn').check();
	await question(page, 'q-dungsai').getByLabel('Sai').check();
	await question(page, 'q-ngan').getByLabel('Câu trả lời của anh/chị').fill('  nghi dinh   282 ');
	await question(page, 'q-noi').getByLabel('Bộ Y tế').selectOption({ label: 'Chủ trì công tác' });
	await question(page, 'q-noi').getByLabel('Công an').selectOption({ label: 'Điều tra tội phạm' });
	const order = question(page, 'q-sapxep');
	await order.getByLabel('Tiếp nhận').selectOption({ label: 'Vị trí 1' });
	await order.getByLabel('Đánh giá').selectOption({ label: 'Vị trí 2' });
	await order.getByLabel('Lập kế hoạch').selectOption({ label: 'Vị trí 3' });
}

export async function submitQuiz(page: Page) {
	await page.getByRole('button', { name: 'Nộp bài' }).click();
	await expect(page.getByRole('heading', { name: /^(Đạt|Chưa đạt)$/ })).toBeVisible();
}

export async function waitUntilSaved(page: Page) {
	await expect(page.locator('.save-state')).toHaveText(/Đã lưu/);
}
