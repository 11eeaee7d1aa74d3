import { COURSE, expect, expectAccessible, PASSWORD, registerLearner, seedCohort, signIn, test, trySignIn } from './fixtures';

test('a participant joins with the cohort code and lands on their courses', async ({ page, app }) => {
	seedCohort(app);
	await page.goto('/register');
	await expectAccessible(page);
	await registerLearner(page);
	await expect(page).toHaveURL(/\/courses$/);
	await expect(page.getByRole('heading', { name: 'Khoá học của tôi' })).toBeVisible();
	await expect(page.getByRole('link', { name: /Phòng, chống mại dâm/ })).toBeVisible();
	await expectAccessible(page);
	const rows = app.query(
		`SELECT u.username, u.display_name, u.organisation, u.commune, u.province, u.role, m.role AS member_role
		 FROM user u JOIN cohort_member m ON m.user_id = u.id WHERE u.username = 'nguyenthilan'`
	);
	expect(rows).toEqual([
		{
			username: 'nguyenthilan',
			display_name: 'Nguyễn Thị Lan',
			organisation: 'Hội LHPN xã Tân Hưng',
			commune: 'xã Tân Hưng',
			province: 'Hưng Yên',
			role: 'learner',
			member_role: 'learner'
		}
	]);
	expect(app.query(`SELECT course_id FROM cohort_course`)).toEqual([{ course_id: COURSE }]);
});

test('a wrong code, a taken username and a short password are refused, keeping what was typed', async ({ page, app }) => {
	seedCohort(app);
	await registerLearner(page, { code: 'HY-9999' });
	await expect(page.getByText('Mã lớp không đúng. Hãy kiểm tra lại mã do giảng viên cung cấp.')).toBeVisible();
	await expect(page.getByLabel('Mã lớp')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Họ và tên')).toHaveValue('Nguyễn Thị Lan');
	await expect(page.getByLabel('Mật khẩu', { exact: true })).toHaveValue('');
	await expectAccessible(page);
	expect(app.query(`SELECT count(*) AS n FROM user WHERE role = 'learner'`)).toEqual([{ n: 0 }]);

	await registerLearner(page, { password: 'ngan' });
	await expect(page.getByText('Mật khẩu cần ít nhất 8 ký tự.')).toBeVisible();
	expect(app.query(`SELECT count(*) AS n FROM user WHERE role = 'learner'`)).toEqual([{ n: 0 }]);

	await registerLearner(page, { username: 'nguyenthilan' });
	await expect(page).toHaveURL(/\/courses$/);
	await page.context().clearCookies();
	// the same name in other letters' case is the same account
	await registerLearner(page, { username: 'NguyenThiLan', name: 'Người khác' });
	await expect(page.getByText('Tên đăng nhập này đã có người dùng.', { exact: false })).toBeVisible();
	await expect(page.getByLabel('Họ và tên')).toHaveValue('Người khác');
	expect(app.query(`SELECT count(*) AS n FROM user WHERE role = 'learner'`)).toEqual([{ n: 1 }]);
});

test('a closed cohort accepts no sign-ups', async ({ page, app }) => {
	seedCohort(app);
	await signIn(page, 'giangvien');
	await page.getByRole('link', { name: 'Lớp cán bộ xã đợt 1' }).click();
	await page.getByRole('button', { name: 'Đóng đăng ký' }).click();
	await expect(page.getByRole('button', { name: 'Mở đăng ký' })).toBeVisible();
	await page.context().clearCookies();
	await registerLearner(page);
	await expect(page.getByText('Lớp này đã đóng đăng ký.', { exact: false })).toBeVisible();
	expect(app.query(`SELECT count(*) AS n FROM user WHERE role = 'learner'`)).toEqual([{ n: 0 }]);
});

test('sign in and out; a wrong password and an unknown user get the same message', async ({ page, app }) => {
	seedCohort(app);
	expect(await trySignIn(page, 'giangvien', 'sai-mat-khau-roi')).toBe(400);
	const message = 'Tên đăng nhập hoặc mật khẩu không đúng.';
	await expect(page.getByRole('alert')).toHaveText(message);
	await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('giangvien');
	await expectAccessible(page);
	expect(await trySignIn(page, 'khongcoai', 'sai-mat-khau-roi')).toBe(400);
	await expect(page.getByRole('alert')).toHaveText(message);

	await signIn(page, 'GiangVien');
	await expect(page).toHaveURL(/\/manage$/);
	expect(app.query(`SELECT count(*) AS n FROM session`)).toEqual([{ n: 1 }]);
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await expect(page).toHaveURL(/\/login$/);
	expect(app.query(`SELECT count(*) AS n FROM session`)).toEqual([{ n: 0 }]);
	await page.goto('/manage');
	await expect(page).toHaveURL(/\/login\?next=%2Fmanage$/);
});

test('repeated wrong passwords are throttled with a 429 and a time to wait', async ({ page, app }) => {
	seedCohort(app);
	for (let i = 0; i < 5; i++) {
		expect(await trySignIn(page, 'giangvien', `sai-mat-khau-${i}`)).toBe(400);
		await expect(page.getByRole('alert')).toBeVisible();
	}
	// now even the right password waits
	expect(await trySignIn(page, 'giangvien')).toBe(429);
	await expect(page.getByRole('alert')).toContainText('Anh/chị đã nhập sai nhiều lần. Hãy thử lại sau');
	await expect(page).toHaveURL(/\/login$/);
	expect(app.query(`SELECT count(*) AS n FROM session`)).toEqual([{ n: 0 }]);
});

test('a trainer resets a learner password; the learner must choose a new one', async ({ page, app }) => {
	seedCohort(app);
	await registerLearner(page);
	await page.getByRole('button', { name: 'Đăng xuất' }).click();

	await signIn(page, 'giangvien');
	await page.getByRole('link', { name: 'Lớp cán bộ xã đợt 1' }).click();
	await expect(page.getByRole('cell', { name: 'nguyenthilan' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Đặt lại mật khẩu cho Nguyễn Thị Lan' }).click();
	const temporary = (await page.locator('.temporary-password code').textContent())!.trim();
	expect(temporary).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
	await page.getByRole('button', { name: 'Đăng xuất' }).click();

	expect(await trySignIn(page, 'nguyenthilan', PASSWORD)).toBe(400);
	await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
	await signIn(page, 'nguyenthilan', temporary);
	await expect(page).toHaveURL(/\/account\/password$/);
	await expect(page.getByText('Anh/chị đang dùng mật khẩu tạm thời.', { exact: false })).toBeVisible();
	await page.goto('/courses');
	await expect(page).toHaveURL(/\/account\/password$/);
	await expectAccessible(page);
	await page.getByLabel('Mật khẩu hiện tại').fill(temporary);
	await page.getByLabel('Mật khẩu mới').fill('hoa-sen-no-ro-2026');
	await page.getByLabel('Nhập lại mật khẩu').fill('hoa-sen-no-ro-2026');
	await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
	await expect(page).toHaveURL(/\/courses$/);
	expect(app.query(`SELECT must_change_password AS m FROM user WHERE username = 'nguyenthilan'`)).toEqual([{ m: 0 }]);
});
