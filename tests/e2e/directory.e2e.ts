import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, registerLearner, seedCohort, signIn, test } from './fixtures';

test.use({ serverEnv: { BODY_SIZE_LIMIT: '1M' } });

/** A file as Excel in a Vietnamese locale saves it: byte-order mark, semicolons, CRLF. */
function csv(...lines: string[]) {
	return { name: 'danh-ba.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`) };
}

async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
	await page.goto('/manage/directory/import');
	await page.getByLabel('Tệp CSV').setInputFiles(file);
	await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/manage/directory/import'),
		page.getByRole('button', { name: 'Nhập danh bạ' }).click()
	]);
}

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

test('a trainer adds a place; a learner on a phone finds it by commune typed without tone marks, without JavaScript', async ({ page, app, browser }) => {
	seedCohort(app);
	await signIn(page, 'giangvien');
	await page.goto('/manage/directory');
	await expect(page.getByText('Danh bạ chưa có mục nào.')).toBeVisible();
	await page.getByRole('link', { name: 'Thêm nơi hỗ trợ' }).click();
	await page.getByLabel('Loại dịch vụ').selectOption({ label: 'Xét nghiệm HIV' });
	await page.getByLabel('Tên cơ sở, đơn vị').fill('Trạm y tế xã Đông Hoà');
	await page.getByLabel('Xã, phường, đặc khu').fill('xã Đông Hoà');
	await page.getByLabel('Số điện thoại').fill('0221 3 000 111');
	await page.getByLabel('Giờ làm việc').fill('Thứ Hai – Thứ Sáu, 7:30–16:30');
	await page.getByLabel('Chi phí').fill('Miễn phí');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Thêm nơi hỗ trợ' }).click();
	await expect(page.getByText('Đã thêm “Trạm y tế xã Đông Hoà” vào danh bạ.')).toBeVisible();
	await expectAccessible(page);
	const [stored] = app.query<{ service_type: string; commune: string; checked_on: string; checked_by_name: string }>(
		'SELECT service_type, commune, checked_on, checked_by_name FROM directory_entry'
	);
	expect(stored).toEqual({ service_type: 'xet-nghiem-hiv', commune: 'xã Đông Hoà', checked_on: today(), checked_by_name: 'Trần Thị Giảng' });
	// edited: the check stays as it was unless the box is ticked
	await page.getByRole('link', { name: /^Sửa ?: Trạm y tế xã Đông Hoà/ }).click();
	await page.getByLabel('Giờ làm việc').fill('Thứ Hai – Thứ Bảy, 7:30–16:30');
	await page.getByLabel('Số điện thoại').fill('gọi 113');
	await page.getByRole('button', { name: 'Lưu' }).click();
	await expect(page.getByText('Số điện thoại chỉ gồm chữ số')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Số điện thoại').fill('0221 3 000 111');
	await page.getByRole('button', { name: 'Lưu' }).click();
	await expect(page.getByText('Đã lưu thay đổi.')).toBeVisible();
	expect(app.query('SELECT hours, phone FROM directory_entry')).toEqual([{ hours: 'Thứ Hai – Thứ Bảy, 7:30–16:30', phone: '0221 3 000 111' }]);
	// a place for another commune, which the search must leave out
	await page.goto('/manage/directory/new');
	await page.getByLabel('Loại dịch vụ').selectOption({ label: 'Xét nghiệm HIV' });
	await page.getByLabel('Tên cơ sở, đơn vị').fill('Trạm y tế xã Tân Hưng');
	await page.getByLabel('Xã, phường, đặc khu').fill('xã Tân Hưng');
	await page.getByRole('button', { name: 'Thêm nơi hỗ trợ' }).click();
	await expect(page.getByText('Đã thêm “Trạm y tế xã Tân Hưng” vào danh bạ.')).toBeVisible();

	const phone = await browser.newContext({ baseURL: app.url, viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
	const learner = await phone.newPage();
	await registerLearner(learner);
	await learner.goto('/courses');
	await learner.getByRole('link', { name: 'Danh bạ hỗ trợ' }).first().click();
	await expect(learner.getByRole('heading', { name: 'Danh bạ hỗ trợ', level: 1 })).toBeVisible();
	await learner.getByLabel('Xã, phường, đặc khu').fill('dong hoa');
	await learner.getByRole('button', { name: 'Tìm', exact: true }).click();
	await expect(learner).toHaveURL(/xa=dong\+hoa/);
	await expect(learner.getByRole('heading', { name: 'Trạm y tế xã Đông Hoà' })).toBeVisible();
	await expect(learner.getByRole('heading', { name: 'Trạm y tế xã Tân Hưng' })).toHaveCount(0);
	await expect(learner.getByRole('link', { name: 'Gọi 0221 3 000 111' })).toHaveAttribute('href', 'tel:02213000111');
	await expect(learner.getByText('Cập nhật danh bạ')).toHaveCount(0);
	// axe runs in the page, so the same page is checked with JavaScript on
	const withScript = await browser.newContext({ baseURL: app.url, viewport: { width: 360, height: 740 }, storageState: await phone.storageState() });
	const checked = await withScript.newPage();
	await checked.goto(learner.url());
	await expectAccessible(checked);
	await withScript.close();
	// printed: the entries without the site's header or the search form
	await learner.emulateMedia({ media: 'print' });
	await expect(learner.locator('.site-header')).toBeHidden();
	await expect(learner.getByRole('search')).toBeHidden();
	await expect(learner.getByRole('heading', { name: 'Trạm y tế xã Đông Hoà' })).toBeVisible();
	// a learner may read the directory but not change it
	const refused = await learner.goto('/manage/directory');
	expect(refused?.status()).toBe(403);
	await phone.close();

	// deleting asks for a confirmation first
	await page.goto('/manage/directory');
	await page.getByRole('link', { name: /^Sửa ?: Trạm y tế xã Tân Hưng/ }).click();
	await page.getByRole('button', { name: 'Xoá khỏi danh bạ' }).click();
	await expect(page.getByText('Hãy đánh dấu ô xác nhận trước khi xoá.')).toBeVisible();
	await page.getByLabel('Tôi chắc chắn muốn xoá mục này').check();
	await page.getByRole('button', { name: 'Xoá khỏi danh bạ' }).click();
	await expect(page.getByText('Đã xoá mục khỏi danh bạ.')).toBeVisible();
	expect(app.query('SELECT name FROM directory_entry')).toEqual([{ name: 'Trạm y tế xã Đông Hoà' }]);
});

test('an empty directory tells learners plainly and trainers how to fill it', async ({ page, app }) => {
	seedCohort(app);
	await registerLearner(page);
	await page.goto('/danh-ba');
	await expect(page.getByText('Danh bạ chưa có thông tin. Anh/chị hãy hỏi giảng viên của lớp.')).toBeVisible();
	await expect(page.getByRole('search')).toHaveCount(0);
});

test('the directory goes out to a CSV file and back in without duplicates; a bad file stores nothing', async ({ page, app }) => {
	seedCohort(app);
	await signIn(page, 'giangvien');
	await importFile(
		page,
		csv(
			'Loai dich vu;Ten co so, don vi;Xa, phuong, dac khu;So dien thoai;Gio lam viec;Kiem tra lan cuoi;Nguoi kiem tra',
			'Đường dây nóng;Đường dây nóng hỗ trợ;;+84 000 000 000;24 giờ;01/11/2026;Trần Thị Giảng',
			'tro-giup-phap-ly;Trung tâm trợ giúp pháp lý;phường Hoà Bình;0000 000 002;Giờ hành chính;;'
		)
	);
	await expect(page.getByText('Đã nhập: 2 mục mới, 0 mục được cập nhật.')).toBeVisible();

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Tải danh bạ (CSV)' }).first().click();
	const exported = readFileSync((await (await download).path())!, 'utf8');
	expect(exported.startsWith('\uFEFFMã,Loại dịch vụ,"Tên cơ sở, đơn vị"')).toBe(true);
	// a cell a spreadsheet would run as a formula is guarded
	expect(exported).toContain(`,"'+84 000 000 000",`);

	// edited in Excel: one phone number changed, saved back
	await importFile(page, { name: 'danh-ba.csv', mimeType: 'text/csv', buffer: Buffer.from(exported.replace('0000 000 002', '0000 000 003')) });
	await expect(page.getByText('Đã nhập: 0 mục mới, 2 mục được cập nhật.')).toBeVisible();
	expect(app.query('SELECT name, phone, checked_on FROM directory_entry ORDER BY id')).toEqual([
		{ name: 'Đường dây nóng hỗ trợ', phone: '+84 000 000 000', checked_on: '2026-11-01' },
		{ name: 'Trung tâm trợ giúp pháp lý', phone: '0000 000 003', checked_on: null }
	]);

	await importFile(page, csv('Loại dịch vụ;Tên cơ sở, đơn vị;Số điện thoại', 'Công an;Công an xã;113', 'Khám mắt;Phòng khám;0000', 'Công an;;abc'));
	await expect(page.getByRole('alert')).toContainText('Tệp có 3 lỗi, chưa dòng nào được nhập.');
	await expect(page.getByText('Dòng 3: Loại dịch vụ “Khám mắt” không có trong danh sách.')).toBeVisible();
	await expect(page.getByText('Dòng 4: Cột “Tên cơ sở, đơn vị” đang trống.')).toBeVisible();
	await expectAccessible(page);
	expect(app.query('SELECT count(*) AS n FROM directory_entry')).toEqual([{ n: 2 }]);
});

test('places not checked for six months are flagged to trainers until someone checks them', async ({ page, app }) => {
	seedCohort(app);
	await signIn(page, 'giangvien');
	await importFile(
		page,
		csv('Loại dịch vụ;Tên cơ sở, đơn vị;Kiểm tra lần cuối', `Nơi tạm lánh;Nhà tạm lánh;2025-01-15`, `Công an;Công an phường;${today()}`)
	);
	await page.goto('/manage');
	await expect(page.getByText('1 mục chưa được kiểm tra từ 6 tháng trở lên.')).toBeVisible();
	await page.getByRole('link', { name: /1 mục chưa được kiểm tra/ }).click();
	await expect(page.locator('[data-entry]')).toHaveCount(1);
	const shelter = page.locator('[data-entry]', { hasText: 'Nhà tạm lánh' });
	await expect(shelter.getByText('Cần kiểm tra lại')).toBeVisible();
	await expectAccessible(page);
	await shelter.getByRole('button', { name: 'Đã kiểm tra hôm nay' }).click();
	await expect(page.getByText('Đã ghi nhận: “Nhà tạm lánh” được kiểm tra hôm nay.')).toBeVisible();
	await expect(page.locator('[data-stale-notice]')).toHaveCount(0);
	expect(app.query("SELECT checked_on, checked_by_name FROM directory_entry WHERE name = 'Nhà tạm lánh'")).toEqual([
		{ checked_on: today(), checked_by_name: 'Trần Thị Giảng' }
	]);
	await page.goto('/manage');
	await expect(page.locator('[data-stale-notice]')).toHaveCount(0);
});
