import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, PASSWORD, registerLearner, seedCohort, signIn, test, trySignIn, type App } from './fixtures';

// the request limit `npm start` runs with (scripts/start.js), rather than adapter-node's 512K
test.use({ serverEnv: { BODY_SIZE_LIMIT: '1M' } });

const HEADER = 'Tên đăng nhập;Họ và tên;Cơ quan, đơn vị;Xã, phường;Tỉnh, thành phố;Mật khẩu';

/** A roster as Excel in a Vietnamese locale saves it: byte-order mark, semicolons, CRLF. */
function roster(...lines: string[]) {
	return { name: 'danh-sach.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`) };
}

function cohortId(app: App, code = 'HY-2022-01'): number {
	return app.query<{ id: number }>('SELECT id FROM cohort WHERE enrol_code = ?', code)[0]!.id;
}

/** Chooses the file, submits, and waits for the server's answer to be on the page. */
async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
	await page.getByLabel('Tệp danh sách (.csv)').setInputFiles(file);
	await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/import')),
		page.getByRole('button', { name: 'Kiểm tra và nhập' }).click()
	]);
	await expect(page.getByRole('button', { name: 'Kiểm tra và nhập' })).toBeEnabled();
}

test('a trainer imports a roster, prints the slips, and a learner signs in with a temporary password', async ({ page, app }) => {
	seedCohort(app);
	await signIn(page, 'giangvien');
	await page.goto(`/manage/cohorts/${cohortId(app)}`);
	await page.getByRole('link', { name: 'Nhập danh sách học viên từ tệp CSV' }).click();
	await expect(page.getByRole('heading', { name: 'Nhập danh sách học viên' })).toBeVisible();
	await expectAccessible(page);

	const templateDownload = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Tải tệp mẫu (CSV)' }).click();
	const template = readFileSync((await (await templateDownload).path())!, 'utf8');
	expect(template).toBe('\uFEFFTên đăng nhập,Họ và tên,"Cơ quan, đơn vị","Xã, phường","Tỉnh, thành phố",Mật khẩu\r\nnguyenthilan,Nguyễn Thị Lan,Hội LHPN xã Tân Hưng,xã Tân Hưng,Hưng Yên,\r\n');

	await upload(
		page,
		roster(
			'NguyenThiLan;Nguyễn Thị Lan;"Hội LHPN; xã Tân Hưng";xã Tân Hưng;Hưng Yên;',
			'tranvanminh;Trần Văn Minh;Công an xã;phường Hiến Nam;Hưng Yên;',
			'lethihoa;Lê Thị Hoa;Đoàn Thanh niên;xã Tân Hưng;Hưng Yên;hoa-sen-trong-dam'
		)
	);
	const done = page.getByRole('heading', { name: 'Đã nhập 3 học viên' });
	await expect(done).toBeVisible();
	await expect(done).toBeFocused();
	await expectAccessible(page);
	const slip = page.locator('.slip').filter({ hasText: 'nguyenthilan' });
	await expect(slip).toContainText('Nguyễn Thị Lan');
	await expect(slip).toContainText(`${app.url}/login`);
	const temporary = (await slip.locator('dd').nth(1).textContent())!.trim();
	expect(temporary).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
	await expect(page.locator('.slip').filter({ hasText: 'lethihoa' })).toContainText('(mật khẩu trong tệp đã nhập)');
	expect(
		app.query(
			`SELECT u.username, u.display_name AS name, u.organisation, u.role, u.must_change_password AS m, m.role AS member
			 FROM user u JOIN cohort_member m ON m.user_id = u.id WHERE m.role = 'learner' ORDER BY u.id`
		)
	).toEqual([
		{ username: 'nguyenthilan', name: 'Nguyễn Thị Lan', organisation: 'Hội LHPN; xã Tân Hưng', role: 'learner', m: 1, member: 'learner' },
		{ username: 'tranvanminh', name: 'Trần Văn Minh', organisation: 'Công an xã', role: 'learner', m: 1, member: 'learner' },
		{ username: 'lethihoa', name: 'Lê Thị Hoa', organisation: 'Đoàn Thanh niên', role: 'learner', m: 1, member: 'learner' }
	]);

	// the password list as a CSV, and a print view with nothing but the slips
	const csvDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Tải danh sách mật khẩu (CSV)' }).click();
	const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
	expect(csv).toContain(`Nguyễn Thị Lan,nguyenthilan,${temporary},${app.url}/login`);
	expect((await csvDownload).suggestedFilename()).toMatch(/^lop-hy-2022-01_mat-khau_\d{4}-\d{2}-\d{2}\.csv$/);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.slip')).toHaveCount(3);
	await expect(page.locator('.slip').first()).toBeVisible();
	for (const hidden of [page.locator('.site-header'), page.getByRole('heading', { name: 'Nhập danh sách học viên' }), page.getByLabel('Tệp danh sách (.csv)'), page.getByRole('button', { name: 'Tải danh sách mật khẩu (CSV)' })]) {
		await expect(hidden).toBeHidden();
	}
	await page.emulateMedia({ media: 'screen' });

	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await page.waitForURL((url) => url.pathname === '/login');
	await trySignIn(page, 'nguyenthilan', temporary);
	await page.waitForURL((url) => url.pathname === '/account/password');
	await expect(page.getByText('Anh/chị đang dùng mật khẩu tạm thời.', { exact: false })).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the import, its report and the password list work as plain form posts', async ({ page, app }) => {
		seedCohort(app);
		await signIn(page, 'giangvien');
		await page.goto(`/manage/cohorts/${cohortId(app)}/import`);
		await upload(page, roster('lan.nguyen;Nguyễn Thị Lan;Hội LHPN;xã Tân Hưng;Hưng Yên;', 'lan.nguyen;Nguyễn Thị Lan;Hội LHPN;xã Tân Hưng;Hưng Yên;'));
		await expect(page.locator('.problem-list li')).toHaveText(['Dòng 2: tên đăng nhập “lan.nguyen” trùng với dòng 3.', 'Dòng 3: tên đăng nhập “lan.nguyen” trùng với dòng 2.']);
		expect(app.query(`SELECT count(*) AS n FROM user WHERE role = 'learner'`)).toEqual([{ n: 0 }]);

		await upload(page, roster('lan.nguyen;Nguyễn Thị Lan;Hội LHPN;xã Tân Hưng;Hưng Yên;'));
		await expect(page.getByRole('heading', { name: 'Đã nhập 1 học viên' })).toBeVisible();
		// the print button needs JavaScript; the browser's own Print does the same
		await expect(page.getByRole('button', { name: 'In phiếu tài khoản' })).toHaveCount(0);
		const temporary = (await page.locator('.slip dd').nth(1).textContent())!.trim();
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Tải danh sách mật khẩu (CSV)' }).click();
		expect(readFileSync((await (await download).path())!, 'utf8')).toContain(`Nguyễn Thị Lan,lan.nguyen,${temporary},`);
		expect(app.query(`SELECT username, must_change_password AS m FROM user WHERE role = 'learner'`)).toEqual([{ username: 'lan.nguyen', m: 1 }]);
	});
});

test('a roster with problems gets a line-numbered report and nothing is stored', async ({ page, app }) => {
	seedCohort(app);
	app.cli('create-user', '--username', 'tranvanminh', '--name', 'Trần Văn Minh', '--role', 'learner', '--password', PASSWORD);
	const usersBefore = app.query('SELECT id, username FROM user ORDER BY id');
	await signIn(page, 'giangvien');
	await page.goto(`/manage/cohorts/${cohortId(app)}/import`);

	await upload(
		page,
		roster(
			'nguyenthilan;Nguyễn Thị Lan;Hội LHPN;xã Tân Hưng;Hưng Yên;',
			'tranvanminh;Trần Văn Minh;Công an xã;phường Hiến Nam;Hưng Yên;',
			'NGUYENTHILAN;Nguyễn Thị Lan (2);Hội LHPN;xã Tân Hưng;Hưng Yên;',
			'ab;Tên quá ngắn;Hội LHPN;xã Tân Hưng;Hưng Yên;',
			'lethihoa;;Hội LHPN;xã Tân Hưng;Hưng Yên;12345678',
			'phamvanan;Phạm Văn An;Hội LHPN;xã Tân Hưng;Hưng Yên;'
		)
	);
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Chưa nhập học viên nào');
	await expect(alert).toContainText('Tệp có 6 dòng học viên và 6 lỗi.');
	await expect(alert).toBeFocused();
	await expect(page.locator('.problem-list li')).toHaveText([
		'Dòng 2: tên đăng nhập “nguyenthilan” trùng với dòng 4.',
		'Dòng 3: tên đăng nhập “tranvanminh” đã có người dùng. Hãy chọn tên khác, ví dụ thêm số hoặc tên xã.',
		'Dòng 4: tên đăng nhập “nguyenthilan” trùng với dòng 2.',
		'Dòng 5: tên đăng nhập “ab” không hợp lệ: chỉ dùng chữ không dấu, số và các dấu . _ -, dài từ 3 đến 32 ký tự.',
		'Dòng 6: chưa điền cột “Họ và tên”.',
		'Dòng 6: mật khẩu quá dễ đoán hoặc chứa tên đăng nhập. Hãy đổi mật khẩu khác, hoặc để trống để hệ thống tạo mật khẩu tạm thời.'
	]);
	await expectAccessible(page);

	// with the file's own problems fixed, the name taken in the database still stops the import
	await upload(page, roster('nguyenthilan;Nguyễn Thị Lan;Hội LHPN;xã Tân Hưng;Hưng Yên;', 'tranvanminh;Trần Văn Minh;Công an xã;phường Hiến Nam;Hưng Yên;'));
	await expect(page.getByRole('alert')).toContainText('Tệp có 2 dòng học viên và 1 lỗi.');
	await expect(page.locator('.problem-list li')).toHaveText(['Dòng 3: tên đăng nhập “tranvanminh” đã có người dùng. Hãy chọn tên khác, ví dụ thêm số hoặc tên xã.']);

	const report = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
		await upload(page, file);
		await expect(page.getByRole('alert')).toBeVisible();
		return page.locator('.roster-report').innerText();
	};
	expect(await report({ name: 'thieu-cot.csv', mimeType: 'text/csv', buffer: Buffer.from('Tên đăng nhập,Họ và tên\r\nlan,Lan\r\n') })).toContain(
		'Thiếu cột “Cơ quan, đơn vị”.'
	);
	expect(await report({ name: 'trong.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) })).toContain('Tệp trống.');
	expect(await report({ name: 'excel-cu.csv', mimeType: 'text/csv', buffer: Buffer.from([...Buffer.from(`${HEADER}\r\nlan;`), 0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e]) })).toContain(
		'Tệp không ở dạng UTF-8'
	);
	// ten megabytes of garbage: refused with a clear message, before the server reads it
	const garbage = Buffer.alloc(10 * 1024 * 1024, 'rác;');
	expect(await report({ name: 'rac.csv', mimeType: 'text/csv', buffer: garbage })).toContain('Tệp quá lớn: mỗi lần nhập tối đa 1 MB.');
	// as a browser without JavaScript posts it (asking for the HTML page)
	const direct = await page.request.post(`/manage/cohorts/${cohortId(app)}/import`, {
		headers: { origin: app.url, accept: 'text/html' },
		multipart: { file: { name: 'rac.csv', mimeType: 'text/csv', buffer: garbage } }
	});
	expect(direct.status()).toBe(413);
	expect(await direct.text()).toContain('Tệp quá lớn');
	await expectAccessible(page);

	expect(app.query('SELECT id, username FROM user ORDER BY id')).toEqual(usersBefore);
	expect(app.query(`SELECT count(*) AS n FROM cohort_member WHERE role = 'learner'`)).toEqual([{ n: 0 }]);
});

test('only the cohort’s trainers and administrators may import into it', async ({ page, app }) => {
	seedCohort(app);
	app.cli('create-user', '--username', 'giangvien2', '--name', 'Lê Văn Hai', '--role', 'trainer', '--password', PASSWORD);
	app.cli('create-cohort', '--name', 'Lớp đợt 2', '--code', 'HY-2022-02', '--course', 'phong-chong-mai-dam', '--trainer', 'giangvien2');
	const theirs = cohortId(app, 'HY-2022-02');
	const file = roster('nguyenthilan;Nguyễn Thị Lan;Hội LHPN;xã Tân Hưng;Hưng Yên;');

	await signIn(page, 'giangvien');
	expect((await page.goto(`/manage/cohorts/${theirs}/import`))?.status()).toBe(403);
	await expect(page.getByText('Anh/chị không có quyền mở trang này.')).toBeVisible();
	expect((await page.goto(`/manage/cohorts/${theirs}/import/template.csv`))?.status()).toBe(403);
	expect((await page.goto('/manage/cohorts/9999/import'))?.status()).toBe(404);
	const post = (id: number) =>
		page.request.post(`/manage/cohorts/${id}/import`, { headers: { origin: app.url }, multipart: { file: { ...file } } });
	expect((await post(theirs)).status()).toBe(403);
	const sheet = JSON.stringify([{ username: 'x', displayName: 'X', temporaryPassword: 'abcde-fghjk' }]);
	expect((await page.request.post(`/manage/cohorts/${theirs}/import/passwords.csv`, { headers: { origin: app.url }, form: { sheet } })).status()).toBe(403);
	// from another site, even the trainer's own cohort refuses the post
	const crossSite = await page.request.post(`/manage/cohorts/${cohortId(app)}/import`, { headers: { origin: 'https://evil.example' }, multipart: { file: { ...file } } });
	expect(crossSite.status()).toBe(403);
	await page.getByRole('button', { name: 'Đăng xuất' }).click();

	// an administrator may import into any cohort
	await signIn(page, 'quantri');
	expect((await page.goto(`/manage/cohorts/${theirs}/import`))?.status()).toBe(200);
	await page.getByRole('button', { name: 'Đăng xuất' }).click();

	// a learner may not, even into their own cohort
	await registerLearner(page, { code: 'HY-2022-02' });
	await page.waitForURL((url) => url.pathname === '/courses');
	expect((await page.goto(`/manage/cohorts/${theirs}/import`))?.status()).toBe(403);
	expect((await post(theirs)).status()).toBe(403);
	expect(app.query(`SELECT username FROM user WHERE role = 'learner'`)).toEqual([{ username: 'nguyenthilan' }]);
	expect(app.query(`SELECT count(*) AS n FROM cohort_member WHERE role = 'learner'`)).toEqual([{ n: 1 }]);
});

test('an organisation typed in decomposed Unicode is one organisation in the report filter', async ({ page, app }) => {
	seedCohort(app);
	await signIn(page, 'giangvien');
	const id = cohortId(app);
	await page.goto(`/manage/cohorts/${id}/import`);
	const organisation = 'Hội LHPN xã Đông Hòa';
	// one row from a computer whose keyboard sends NFD ("ộ" as "o" + two combining marks)
	const decomposed = organisation.normalize('NFD');
	expect(decomposed).not.toBe(organisation);
	await upload(
		page,
		roster(
			`nguyenthilan;Nguyễn Thị Lan;${organisation};xã Đông Hòa;Hưng Yên;`,
			`tranthimai;Trần Thị Mai;${organisation};xã Đông Hòa;Hưng Yên;`,
			`lethihoa;${'Lê Thị Hoa'.normalize('NFD')};${decomposed};${'xã Đông Hòa'.normalize('NFD')};Hưng Yên;`,
			'phamvanan;Phạm Văn An;Công an xã;xã Đông Hòa;Hưng Yên;'
		)
	);
	await expect(page.getByRole('heading', { name: 'Đã nhập 4 học viên' })).toBeVisible();
	expect(app.query(`SELECT organisation, count(*) AS n FROM user WHERE role = 'learner' GROUP BY organisation ORDER BY n DESC`)).toEqual([
		{ organisation, n: 3 },
		{ organisation: 'Công an xã', n: 1 }
	]);
	expect(app.query(`SELECT display_name AS name, commune FROM user WHERE username = 'lethihoa'`)).toEqual([{ name: 'Lê Thị Hoa', commune: 'xã Đông Hòa' }]);

	await page.goto(`/manage/cohorts/${id}/courses/phong-chong-mai-dam/learners`);
	const filter = page.getByLabel('Cơ quan, đơn vị');
	await expect(filter.locator('option')).toHaveText(['Tất cả', 'Công an xã', organisation]);
	await filter.selectOption(organisation);
	await page.getByRole('button', { name: 'Lọc' }).click();
	await expect(page.getByRole('status')).toHaveText('Học viên 1–3 trong 3');
	const names = () => page.locator('[data-table="learners"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-learner')));
	await expect.poll(names).toEqual(['lethihoa', 'nguyenthilan', 'tranthimai']);
	await expectAccessible(page);
});

test.describe('on a server started with a smaller request limit', () => {
	// adapter-node's own default, for a server started with `node build` rather than `npm start`
	test.use({ serverEnv: { BODY_SIZE_LIMIT: '512K' } });

	test('a file over that limit gets the same clear message', async ({ page, app }) => {
		seedCohort(app);
		await signIn(page, 'giangvien');
		await page.goto(`/manage/cohorts/${cohortId(app)}/import`);
		const lines = Array.from({ length: 6000 }, (_, i) => `hocvien${i};Nguyễn Thị Học Viên ${i};Hội Liên hiệp Phụ nữ xã Tân Hưng, tỉnh Hưng Yên;xã Tân Hưng;Hưng Yên;`);
		const file = roster(...lines);
		expect(file.buffer.length).toBeGreaterThan(600 * 1024);
		expect(file.buffer.length).toBeLessThan(1_000_000);
		await upload(page, file);
		await expect(page.getByRole('alert')).toContainText('Chưa nhập học viên nào');
		await expect(page.locator('.roster-report')).toContainText('Tệp quá lớn');
		expect(app.query(`SELECT count(*) AS n FROM user WHERE role = 'learner'`)).toEqual([{ n: 0 }]);
	});
});
