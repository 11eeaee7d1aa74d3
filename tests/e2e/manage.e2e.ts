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
