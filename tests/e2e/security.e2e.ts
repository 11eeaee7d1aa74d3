import { COURSE, expect, expectAccessible, MODULE, PASSWORD, registerLearner, seedCohort, signIn, test } from './fixtures';

test('a learner opening trainer pages gets 403, whatever the route', async ({ page, app }) => {
	seedCohort(app);
	await registerLearner(page);
	await expect(page.getByRole('link', { name: 'Quản lý lớp' })).toHaveCount(0);
	for (const path of ['/manage', '/manage/cohorts/new', '/manage/cohorts/1', '/manage/courses', '/manage/users/new']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(403);
		await expect(page.getByText('Anh/chị không có quyền mở trang này.')).toBeVisible();
	}
	await expectAccessible(page);
	// a learner's form post to a trainer action is refused on the server too
	const status = await page.evaluate(async () => {
		const body = new FormData();
		body.set('learnerId', '1');
		const r = await fetch('/manage/cohorts/1?/resetPassword', { method: 'POST', body, headers: { 'x-sveltekit-action': 'true' } });
		return (await r.json()).status ?? r.status;
	});
	expect(status).toBe(403);
	expect(app.query(`SELECT must_change_password AS m FROM user WHERE role = 'learner'`)).toEqual([{ m: 0 }]);
});

test('a trainer sees only the cohorts they teach', async ({ page, app }) => {
	seedCohort(app);
	app.cli('create-user', '--username', 'gvkhac', '--name', 'Giảng viên khác', '--role', 'trainer', '--password', PASSWORD);
	await signIn(page, 'gvkhac');
	await expect(page.getByText('Chưa có lớp nào.', { exact: false })).toBeVisible();
	const response = await page.goto('/manage/cohorts/1');
	expect(response?.status()).toBe(403);
});

test('cross-site posts are refused with 403 and change nothing', async ({ request, app }) => {
	seedCohort(app);
	const login = await request.post('/login', {
		headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
		data: `username=giangvien&password=${PASSWORD}`
	});
	expect(login.status()).toBe(403);
	// in the reader's language, naming the address to use
	expect(await login.text()).toContain(`Hãy mở hệ thống tại ${app.url}, tải lại trang rồi làm lại.`);
	const beat = await request.post('/api/tracking/heartbeat', {
		headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
		data: { course: COURSE, module: MODULE, activeMs: 1000, location: null, reachedEnd: true }
	});
	expect(beat.status()).toBe(403);
	// a plain instruction, not jargon: reload and do it again
	expect((await beat.json()).message).toContain('Hãy tải lại trang');
	expect(app.query(`SELECT count(*) AS n FROM session`)).toEqual([{ n: 0 }]);
	expect(app.query(`SELECT count(*) AS n FROM tracking`)).toEqual([{ n: 0 }]);
});

test('pages carry security headers and the session cookie is HttpOnly and SameSite=Lax', async ({ page, app }) => {
	seedCohort(app);
	const response = await page.goto('/login');
	const headers = response!.headers();
	expect(headers['content-security-policy']).toContain("object-src 'none'");
	expect(headers['content-security-policy']).toContain("base-uri 'none'");
	expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	await signIn(page, 'giangvien');
	await expect(page).toHaveURL(/\/manage$/);
	const cookie = (await page.context().cookies()).find((c) => c.name === 'taphuan_session')!;
	expect(cookie.httpOnly).toBe(true);
	expect(cookie.sameSite).toBe('Lax');
	expect(cookie.value).toMatch(/^[a-z2-9]{24}\.[a-z2-9]{24}$/);
	// the database never holds the secret half of the token
	const secret = cookie.value.split('.')[1]!;
	const [stored] = app.query(`SELECT hex(secret_hash) AS h FROM session`) as { h: string }[];
	expect(stored!.h).not.toContain(Buffer.from(secret).toString('hex').toUpperCase());
});

test('healthz reports the database and the loaded courses', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ status: 'ok', db: 'ok', courses: 1 });
});
