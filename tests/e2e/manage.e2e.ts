import { COURSE, expect, expectAccessible, PASSWORD, signIn, test } from './fixtures';

test('an admin creates a trainer account and a cohort in the web interface', async ({ page, app }) => {
	app.cli('create-user', '--username', 'quantri', '--name', 'Quản trị', '--role', 'admin', '--password', PASSWORD);
	await signIn(page, 'quantri');
	await expect(page.getByText('Chưa có lớp nào.', { exact: false })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Tạo tài khoản' }).click();
	await expectAccessible(page);
	await page.getByLabel('Vai trò').selectOption('trainer');
	await page.getByLabel('Họ và tên').fill('Lê Văn Giảng');
	await page.getByLabel('Tên đăng nhập').fill('levangiang');
	await page.getByLabel('Mật khẩu tạm thời').fill('tam-thoi-2026');
	await page.getByLabel('Nhập lại mật khẩu').fill('tam-thoi-2026');
	await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
	await expect(page.getByRole('status')).toContainText('Đã tạo tài khoản Lê Văn Giảng');
	expect(app.query(`SELECT role, must_change_password AS m FROM user WHERE username = 'levangiang'`)).toEqual([
		{ role: 'trainer', m: 1 }
	]);

	await page.goto('/manage/cohorts/new');
	await expectAccessible(page);
	// no name and a malformed code: messages beside the fields, nothing stored
	await page.getByLabel('Mã lớp').fill('mã sai!');
	await page.getByRole('button', { name: 'Tạo lớp' }).click();
	await expect(page.getByText('Vui lòng điền mục này.')).toBeVisible();
	await expect(page.getByText('Mã lớp gồm 3 đến 32 ký tự', { exact: false })).toBeVisible();
	expect(app.query(`SELECT count(*) AS n FROM cohort`)).toEqual([{ n: 0 }]);

	await page.getByLabel('Tên lớp').fill('Lớp cán bộ xã đợt 2');
	await page.getByLabel('Mã lớp').fill('hy-2026-02');
	await page.getByLabel('Lê Văn Giảng').check();
	await page.getByRole('button', { name: 'Tạo lớp' }).click();
	await expect(page.getByRole('heading', { name: 'Lớp cán bộ xã đợt 2' })).toBeVisible();
	await expect(page.getByText('HY-2026-02').first()).toBeVisible();
	await expectAccessible(page);
	expect(app.query(`SELECT name, enrol_code FROM cohort`)).toEqual([{ name: 'Lớp cán bộ xã đợt 2', enrol_code: 'HY-2026-02' }]);
	expect(app.query(`SELECT course_id FROM cohort_course`)).toEqual([{ course_id: COURSE }]);
	expect(app.query(`SELECT u.username, m.role FROM cohort_member m JOIN user u ON u.id = m.user_id`)).toEqual([
		{ username: 'levangiang', role: 'trainer' }
	]);

	// the same code twice is refused
	await page.goto('/manage/cohorts/new');
	await page.getByLabel('Tên lớp').fill('Lớp trùng mã');
	await page.getByLabel('Mã lớp').fill('HY-2026-02');
	await page.getByRole('button', { name: 'Tạo lớp' }).click();
	await expect(page.getByText('Mã lớp này đã được dùng cho lớp khác.', { exact: false })).toBeVisible();
	expect(app.query(`SELECT count(*) AS n FROM cohort`)).toEqual([{ n: 1 }]);

	await page.goto('/manage/courses');
	await expect(page.getByText('Không có lỗi.')).toBeVisible();
	await expectAccessible(page);
});

test('on a phone, a new trainer account is confirmed where the admin is, and the sign-up link wraps whole and copies', async ({ browser, app }) => {
	app.cli('create-user', '--username', 'quantri', '--name', 'Quản trị', '--role', 'admin', '--password', PASSWORD);
	const context = await browser.newContext({ baseURL: app.url, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
	const page = await context.newPage();
	await signIn(page, 'quantri');

	// the button is at the bottom of a long form; the confirmation above it takes the focus, in view
	await page.goto('/manage/users/new');
	await page.getByLabel('Vai trò').selectOption('trainer');
	await page.getByLabel('Họ và tên').fill('Lê Văn Giảng');
	await page.getByLabel('Tên đăng nhập').fill('levangiang');
	await page.getByLabel('Mật khẩu tạm thời').fill('tam-thoi-2026');
	await page.getByLabel('Nhập lại mật khẩu').fill('tam-thoi-2026');
	await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
	const created = page.getByRole('status').filter({ hasText: 'Đã tạo tài khoản Lê Văn Giảng' });
	await expect(created).toBeFocused();
	await expect(created).toBeInViewport();
	await expectAccessible(page);
	expect(app.query(`SELECT role FROM user WHERE username = 'levangiang'`)).toEqual([{ role: 'trainer' }]);

	app.cli('create-cohort', '--name', 'Lớp cán bộ xã đợt 2', '--code', 'HY-2026-02', '--course', COURSE);
	await page.goto('/manage/cohorts/1');
	const link = page.locator('.copy-link .url');
	const url = `${app.url}/register?code=HY-2026-02`;
	await expect(link).toHaveText(url);
	// every line of the wrapped link starts after a separator, never inside a word
	const lineStarts = await link.evaluate((element) => {
		const text = element.textContent ?? '';
		const starts: string[] = [];
		let lastTop: number | null = null;
		let offset = 0;
		for (const node of [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE)) {
			for (let i = 0; i < (node.textContent ?? '').length; i++, offset++) {
				const range = document.createRange();
				range.setStart(node, i);
				range.setEnd(node, i + 1);
				const top: number | null = range.getClientRects()[0]?.top ?? lastTop;
				if (lastTop !== null && top !== null && top > lastTop + 2) starts.push(text.slice(0, offset));
				lastTop = top;
			}
		}
		return starts;
	});
	expect(lineStarts.length).toBeGreaterThan(0);
	for (const before of lineStarts) expect(before).toMatch(/[/?&=]$/);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

	await page.getByRole('button', { name: 'Sao chép đường dẫn đăng ký' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Đã sao chép' })).toHaveText('Đã sao chép đường dẫn đăng ký.');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
	await expectAccessible(page);
	await context.close();

	// without JavaScript the link is there to select, and no button that would do nothing
	const plain = await browser.newContext({ baseURL: app.url, javaScriptEnabled: false });
	const noScript = await plain.newPage();
	await signIn(noScript, 'quantri');
	await noScript.goto('/manage/cohorts/1');
	await expect(noScript.locator('.copy-link .url')).toHaveText(url);
	await expect(noScript.getByRole('button', { name: 'Sao chép đường dẫn đăng ký' })).toHaveCount(0);
	await plain.close();
});
