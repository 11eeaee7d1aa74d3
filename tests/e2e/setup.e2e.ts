import { expect, expectAccessible, PASSWORD, test } from './fixtures';

test('the first visit creates the first administrator, then setup closes for good', async ({ page, app }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/setup$/);
	await expect(page.getByRole('heading', { name: 'Tạo tài khoản quản trị đầu tiên' })).toBeVisible();
	await expectAccessible(page);

	// a weak password is refused with a message beside the field, and nothing is stored
	await page.getByLabel('Tên đăng nhập').fill('quantri');
	await page.getByLabel('Họ và tên').fill('Quản trị viên tỉnh');
	await page.getByLabel('Mật khẩu', { exact: true }).fill('12345678');
	await page.getByLabel('Nhập lại mật khẩu').fill('12345678');
	await page.getByRole('button', { name: 'Tạo quản trị viên' }).click();
	await expect(page.getByText('Mật khẩu này quá dễ đoán')).toBeVisible();
	await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('quantri');
	expect(app.query('SELECT count(*) AS n FROM user')).toEqual([{ n: 0 }]);

	await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
	await page.getByRole('button', { name: 'Tạo quản trị viên' }).click();
	await expect(page).toHaveURL(/\/manage$/);
	await expect(page.getByRole('heading', { name: 'Quản lý lớp', level: 1 })).toBeVisible();
	await expectAccessible(page);
	expect(app.query(`SELECT username, role FROM user`)).toEqual([{ username: 'quantri', role: 'admin' }]);

	const again = await page.goto('/setup');
	expect(again?.status()).toBe(404);
});

test('two people racing for setup: exactly one administrator is created', async ({ browser, app }) => {
	const pages = await Promise.all([browser.newPage({ baseURL: app.url }), browser.newPage({ baseURL: app.url })]);
	await Promise.all(pages.map((p) => p.goto('/setup')));
	await Promise.all(
		pages.map(async (p, i) => {
			await p.getByLabel('Tên đăng nhập').fill(`admin${i}`);
			await p.getByLabel('Họ và tên').fill(`Admin ${i}`);
			await p.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
			await p.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
		})
	);
	await Promise.all(
		pages.map((p) =>
			Promise.all([
				p.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/setup'),
				p.getByRole('button', { name: 'Tạo quản trị viên' }).click()
			])
		)
	);
	expect(app.query(`SELECT count(*) AS n FROM user WHERE role = 'admin'`)).toEqual([{ n: 1 }]);
	await Promise.all(pages.map((p) => p.close()));
});
