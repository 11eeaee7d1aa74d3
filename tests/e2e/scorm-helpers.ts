// Steps the SCORM browser tests share: a trainer adding a package through the upload page, and
// waiting for what the player stores (the last commit travels with keepalive, after the page is gone).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, PASSWORD, type App } from './fixtures';

export const SCORM_FIXTURES = '/work/shared/fixtures/scorm';
export const fixture = (name: string) => join(SCORM_FIXTURES, name);

/** The folders under the server's SCORM storage (beside its database). */
export function storedFolders(app: App): string[] {
	const dir = join(app.dbPath, '..', 'scorm');
	return existsSync(dir) ? readdirSync(dir).sort() : [];
}

export async function signedInPage(browser: Browser, app: App, username: string): Promise<Page> {
	const context = await browser.newContext({ baseURL: app.url });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL((url) => url.pathname !== '/login');
	return page;
}

/** Upload pieces still on disk (a finished or refused upload leaves none). */
export function pendingUploads(app: App): string[] {
	const dir = join(app.dbPath, '..', 'scorm', '.uploads');
	return existsSync(dir) ? readdirSync(dir) : [];
}

/** Uploads a zip on the course's SCORM page into a module; returns the message shown. */
export async function uploadPackage(page: Page, course: string, moduleSlug: string, file: string, title = '') {
	await page.goto(`/manage/courses/${course}/scorm`);
	const form = page.locator('form.scorm-upload').first();
	await form.getByLabel('Học phần').selectOption(moduleSlug);
	if (title) await form.getByLabel('Tên hiển thị (không bắt buộc)').fill(title);
	await form.getByLabel('Tệp gói SCORM (.zip)').setInputFiles(file);
	await form.getByRole('button', { name: 'Tải lên và thêm vào học phần' }).click();
	const message = form.locator('.form-message');
	await expect(message).toBeVisible({ timeout: 30_000 });
	return (await message.textContent())!.trim();
}

/** Waits until the SCO's session has been ended on the server (the last request has landed). */
export async function waitForTerminated(app: App, sessions: number) {
	await expect
		.poll(() => (app.query('SELECT count(*) AS n FROM scorm_session WHERE terminated_at IS NOT NULL') as { n: number }[])[0]!.n, { timeout: 15_000 })
		.toBeGreaterThanOrEqual(sessions);
}
