// A cohort's own certificate details: a district class issued by its own authority, with its
// signer, hours, study period and seal. Bad input is refused field by field with nothing stored;
// the next certificate prints the cohort's values and its QR code still leads to verification.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { qrCodeInPdf } from './pdf-qr';
import { expect, expectAccessible, PASSWORD, registerLearner, signIn, test } from './fixtures';

test.use({ coursesDir: join(import.meta.dirname, 'certificate-courses') });

const COURSE = 'chung-nhan-thu';
// a 1×1 PNG: a seal image as small as they come
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

test('a trainer sets what the cohort certificates print; the next certificate prints it', async ({ page, app, browser }) => {
	test.slow();
	app.cli('create-user', '--username', 'giangvien', '--name', 'Trần Thị Giảng', '--role', 'trainer', '--password', PASSWORD);
	app.cli('create-cohort', '--name', 'Lớp Văn Lâm', '--code', 'VL-01', '--course', COURSE, '--trainer', 'giangvien');
	const cohortId = (app.query(`SELECT id FROM cohort WHERE enrol_code = 'VL-01'`)[0] as { id: number }).id;
	const stored = () => app.query('SELECT issuer, signer_name, hours, serial_format, seal_sha256, study_from, study_to FROM cohort_certificate');

	const trainerContext = await browser.newContext({ baseURL: app.url });
	const trainer = await trainerContext.newPage();
	await signIn(trainer, 'giangvien');
	await trainer.goto(`/manage/cohorts/${cohortId}/courses/${COURSE}/certificates`);
	await trainer.getByRole('link', { name: 'Thông tin in trên giấy chứng nhận của lớp' }).click();
	await expect(trainer.getByRole('heading', { level: 1 })).toHaveText('Thông tin in trên giấy chứng nhận của lớp');
	// the course's values are shown for each field left empty
	await expect(trainer.getByText('Để trống thì dùng giá trị của khoá học: Sở Y tế tỉnh Hưng Yên.')).toBeVisible();

	// bad input: every wrong field says why, and nothing is stored
	await trainer.getByLabel('Cơ quan cấp').fill('UBND huyện Văn Lâm');
	await trainer.getByLabel('Thời lượng (giờ)').fill('mười');
	await trainer.getByLabel('Mẫu số hiệu').fill('VL-{n}');
	await trainer.getByLabel('Từ ngày').fill('2026-10-01');
	await trainer.getByLabel('Chọn ảnh mới').setInputFiles({ name: 'con-dau.png', mimeType: 'image/png', buffer: Buffer.from('không phải ảnh') });
	await trainer.getByRole('button', { name: 'Lưu thông tin' }).click();
	await expect(trainer.getByText('Chưa lưu được: hãy sửa các ô được đánh dấu bên dưới.')).toBeVisible();
	await expect(trainer.getByLabel('Thời lượng (giờ)')).toHaveAccessibleDescription(/Thời lượng là một số giờ lớn hơn 0/);
	await expect(trainer.getByLabel('Mẫu số hiệu')).toHaveAccessibleDescription(/Mẫu số hiệu phải có \{n\} \(hoặc \{n:4\}\) và \{year\}/);
	await expect(trainer.getByLabel('Đến ngày')).toHaveAccessibleDescription('Hãy ghi cả ngày bắt đầu và ngày kết thúc, hoặc để trống cả hai.');
	// what was typed is still there to correct
	await expect(trainer.getByLabel('Cơ quan cấp')).toHaveValue('UBND huyện Văn Lâm');
	expect(stored()).toEqual([]);

	await trainer.getByLabel('Thời lượng (giờ)').fill('7,5');
	await trainer.getByLabel('Mẫu số hiệu').fill('VL-{n:3}/{year}');
	await trainer.getByLabel('Đến ngày').fill('2026-11-30');
	await trainer.getByLabel('Chọn ảnh mới').setInputFiles({ name: 'con-dau.png', mimeType: 'image/png', buffer: Buffer.from('không phải ảnh') });
	await trainer.getByRole('button', { name: 'Lưu thông tin' }).click();
	await expect(trainer.getByLabel('Chọn ảnh mới')).toHaveAccessibleDescription(/Tệp này không phải ảnh PNG hoặc JPEG đọc được\./);
	expect(stored()).toEqual([]);

	await trainer.getByLabel('Họ tên người ký').fill('Trần Văn Bình');
	await trainer.getByLabel('Chọn ảnh mới').setInputFiles({ name: 'con-dau.png', mimeType: 'image/png', buffer: PNG });
	await trainer.getByRole('button', { name: 'Lưu thông tin' }).click();
	await expect(trainer.getByRole('status')).toHaveText('Đã lưu. Giấy chứng nhận cấp từ nay sẽ in theo thông tin này.');
	await expect(trainer.getByText('Lớp đang dùng ảnh con dấu riêng.')).toBeVisible();
	await expect(trainer.getByLabel('Thời lượng (giờ)')).toHaveValue('7,5');
	expect(stored()).toEqual([
		{ issuer: 'UBND huyện Văn Lâm', signer_name: 'Trần Văn Bình', hours: 7.5, serial_format: 'VL-{n:3}/{year}', seal_sha256: expect.stringMatching(/^[0-9a-f]{64}$/), study_from: '2026-10-01', study_to: '2026-11-30' }
	]);
	await expectAccessible(trainer);
	await trainerContext.close();

	// the learner completes the course: the certificate prints the cohort's details
	await registerLearner(page, { code: 'VL-01', username: 'huong', name: 'Nguyễn Thị Thu Hường' });
	await page.waitForURL(/\/courses$/);
	await page.goto(`/courses/${COURSE}/bai`);
	await page.getByRole('button', { name: 'Đánh dấu đã học xong' }).click({ timeout: 5_000 }).catch(() => undefined);
	const year = new Date().getFullYear();
	await page.goto(`/courses/${COURSE}`);
	await expect(page.getByRole('status').filter({ hasText: `VL-001/${year}` })).toBeVisible();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải giấy chứng nhận (PDF)' }).click()]);
	const pdfPath = join(dirname(app.dbPath), 'van-lam.pdf');
	await download.saveAs(pdfPath);
	const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).normalize('NFC');
	expect(text).toContain('UBND HUYỆN VĂN LÂM');
	expect(text).toContain('Trần Văn Bình');
	expect(text).toMatch(/Thời lượng: 7,5 giờ · Thời gian học: từ 01\/10\/2026 đến 30\/11\/2026/);
	expect(text).toContain(`VL-001/${year}`);
	expect(execFileSync('pdfimages', ['-list', pdfPath], { encoding: 'utf8' }).trim().split('\n').length).toBeGreaterThan(2);
	const code = (app.query('SELECT code FROM certificate')[0] as { code: string }).code;
	expect(qrCodeInPdf(pdfPath)).toBe(`${app.url}/xac-minh/${code}`);
	await page.goto(`/xac-minh/${code}`);
	await expect(page.getByText('UBND huyện Văn Lâm')).toBeVisible();
});
