// The certificate end to end: issued the moment a learner completes the course, announced on the
// course page, downloaded as a PDF whose text keeps every Vietnamese diacritic, verified by anyone
// at its QR address and by serial + name, revoked by the trainer, and refused to whoever may not
// have it (an incomplete learner, another learner, a forged code).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { qrCodeInPdf } from './pdf-qr';
import { expect, expectAccessible, PASSWORD, registerLearner, signIn, test, type App } from './fixtures';

test.use({ coursesDir: join(import.meta.dirname, 'certificate-courses') });

const COURSE = 'chung-nhan-thu';
const NAME = 'Nguyễn Thị Thu Hường';

function seed(app: App) {
	app.cli('create-user', '--username', 'giangvien', '--name', 'Trần Thị Giảng', '--role', 'trainer', '--password', PASSWORD);
	app.cli('create-cohort', '--name', 'Lớp chứng nhận', '--code', 'CN-01', '--course', COURSE, '--trainer', 'giangvien');
}

function stored(app: App) {
	return app.query(
		`SELECT c.id, c.serial, c.code, c.revoked_at, c.revoked_reason, c.cohort_id FROM certificate c JOIN user u ON u.id = c.user_id WHERE u.username = 'huong'`
	) as { id: number; serial: string; code: string; revoked_at: number | null; revoked_reason: string | null; cohort_id: number | null }[];
}

test('a learner completes the course, gets the certificate and its PDF; anyone verifies it until the trainer revokes it', async ({ page, app, browser }) => {
	// five browser contexts, three sign-ups or sign-ins and axe five times on a shared machine
	test.slow();
	seed(app);
	await registerLearner(page, { code: 'CN-01', username: 'huong', name: NAME });
	await page.waitForURL(/\/courses$/);

	// not complete yet: a clear refusal, and nothing stored
	await page.goto(`/courses/${COURSE}`);
	await expect(page.getByText('Hoàn thành tất cả các học phần để được cấp giấy chứng nhận.')).toBeVisible();
	await page.goto(`/courses/${COURSE}/certificate`);
	await expect(page.getByRole('heading', { name: 'Chưa có giấy chứng nhận' })).toBeVisible();
	await expect(page.getByText('Anh/chị chưa hoàn thành khoá học “Khoá học có giấy chứng nhận” nên chưa thể nhận giấy chứng nhận. Anh/chị đã hoàn thành 0/1 học phần')).toBeVisible();
	expect(stored(app)).toEqual([]);

	// completing the one lesson completes the course: the certificate is issued in that write
	await page.goto(`/courses/${COURSE}/bai`);
	await page.getByRole('button', { name: 'Đánh dấu đã học xong' }).click({ timeout: 5_000 }).catch(() => undefined);
	await expect(page.getByText('Anh/chị đã hoàn thành bài học này.')).toBeVisible();
	const [certificate] = stored(app);
	const year = new Date().getFullYear();
	expect(certificate).toMatchObject({ serial: `0001/${year}/HY-TEST`, revoked_at: null });
	expect(certificate!.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
	expect(certificate!.cohort_id).not.toBeNull();

	await page.goto(`/courses/${COURSE}`);
	await expect(page.getByRole('status').filter({ hasText: `Chúc mừng! Anh/chị đã hoàn thành khoá học và được cấp giấy chứng nhận số 0001/${year}/HY-TEST` })).toBeVisible();
	await expectAccessible(page);

	// the PDF: downloaded from the course page, stored beside the database, the name intact
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải giấy chứng nhận (PDF)' }).click()]);
	const pdfPath = join(dirname(app.dbPath), 'downloaded.pdf');
	await download.saveAs(pdfPath);
	const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).normalize('NFC');
	expect(text).toContain(NAME);
	expect(text).toContain(`0001/${year}/HY-TEST`);
	expect(text).toContain(`${app.url}/xac-minh/${certificate!.code}`);
	// the QR code, read as a phone's camera reads it, is the verification address
	expect(qrCodeInPdf(pdfPath)).toBe(`${app.url}/xac-minh/${certificate!.code}`);
	const certificatesDir = join(dirname(app.dbPath), 'certificates');
	expect(existsSync(certificatesDir) && readdirSync(certificatesDir)).toEqual([`${certificate!.id}-${certificate!.code}.pdf`]);

	// "Chứng nhận của tôi" in the menu lists it
	await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Chứng nhận của tôi' }).click();
	await expect(page.getByRole('heading', { name: 'Khoá học có giấy chứng nhận' })).toBeVisible();
	await expect(page.getByText('Còn hiệu lực')).toBeVisible();
	await expectAccessible(page);

	// another learner gets nothing at that address
	const other = await browser.newContext({ baseURL: app.url });
	const otherPage = await other.newPage();
	await registerLearner(otherPage, { code: 'CN-01', username: 'huy', name: 'Đặng Quốc Huy' });
	await otherPage.waitForURL(/\/courses$/);
	expect((await otherPage.request.get(`/account/certificates/${certificate!.id}`)).status()).toBe(404);
	await other.close();

	// anyone, without signing in, on a phone
	const visitor = await browser.newContext({ baseURL: app.url, viewport: { width: 360, height: 740 } });
	const phone = await visitor.newPage();
	await phone.goto(`/xac-minh/${certificate!.code}`);
	await expect(phone.getByRole('heading', { name: '✓ Giấy chứng nhận hợp lệ' })).toBeVisible();
	await expect(phone.getByText(NAME)).toBeVisible();
	await expect(phone.getByText('Sở Y tế tỉnh Hưng Yên')).toBeVisible();
	expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectAccessible(phone);

	// by serial and full name, typed loosely, with the form on a browser without JavaScript
	const noScript = await browser.newContext({ baseURL: app.url, viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
	const plain = await noScript.newPage();
	await plain.goto('/xac-minh');
	await plain.getByLabel('Số hiệu').fill(`0001/${year}/HY-TEST`);
	await plain.getByLabel('Họ và tên').fill('nguyễn thị thu  hường');
	await plain.getByRole('button', { name: 'Kiểm tra' }).click();
	await expect(plain.getByRole('heading', { name: '✓ Giấy chứng nhận hợp lệ' })).toBeVisible();
	await plain.getByLabel('Họ và tên').fill('Nguyễn Thị Thu Hương');
	await plain.getByRole('button', { name: 'Kiểm tra' }).click();
	await expect(plain.getByRole('alert')).toHaveText('Không tìm thấy giấy chứng nhận có số hiệu và họ tên này. Hãy kiểm tra lại từng chữ, kể cả dấu.');
	await noScript.close();
	await phone.goto('/xac-minh');
	await expectAccessible(phone);

	// a forged code
	const forged = (certificate!.code[0] === 'A' ? 'B' : 'A') + certificate!.code.slice(1);
	expect((await phone.goto(`/xac-minh/${forged}`))!.status()).toBe(404);

	// the trainer's register: revoke with a reason
	const trainerContext = await browser.newContext({ baseURL: app.url });
	const trainer = await trainerContext.newPage();
	await signIn(trainer, 'giangvien');
	await trainer.goto(`/manage/cohorts/${certificate!.cohort_id}/courses/${COURSE}`);
	await trainer.getByRole('link', { name: 'Sổ cấp giấy chứng nhận' }).click();
	await expect(trainer.getByRole('cell', { name: NAME })).toBeVisible();
	await expectAccessible(trainer);
	const csv = await trainer.request.get(`/manage/cohorts/${certificate!.cohort_id}/courses/${COURSE}/certificates/export`);
	expect(await csv.text()).toContain(`0001/${year}/HY-TEST,${NAME}`);
	// Huy completed in person: issued by hand with the reason kept, then his name corrected
	await trainer.getByLabel('Học viên').selectOption({ label: 'Đặng Quốc Huy (huy)' });
	await trainer.getByLabel('Lý do cấp thủ công').fill('Học trực tiếp tại lớp ngày 10/11');
	await trainer.getByRole('button', { name: 'Cấp giấy chứng nhận' }).click();
	await expect(trainer.getByRole('status')).toHaveText(`Đã cấp giấy chứng nhận số 0002/${year}/HY-TEST.`);
	const huyRow = trainer.getByRole('row', { name: /Đặng Quốc Huy/ });
	await huyRow.getByText('Sửa họ tên, cấp lại').click();
	await huyRow.getByLabel('Họ và tên đúng').fill('Đặng Quốc Huỳnh');
	await huyRow.getByLabel('Lý do cấp lại').fill('Sai tên khi đăng ký');
	await huyRow.getByRole('button', { name: 'Cấp lại' }).click();
	await expect(trainer.getByRole('status')).toHaveText(/^Đã cấp lại giấy chứng nhận số 0002\//);
	await expect(trainer.getByRole('cell', { name: 'Đặng Quốc Huỳnh' })).toBeVisible();
	expect(
		app.query(`SELECT e.kind, e.reason FROM certificate_event e JOIN certificate c ON c.id = e.certificate_id WHERE c.serial = '0002/${year}/HY-TEST' ORDER BY e.id`)
	).toEqual([
		{ kind: 'issued', reason: 'Học trực tiếp tại lớp ngày 10/11' },
		{ kind: 'reissued', reason: 'Sai tên khi đăng ký' }
	]);

	const huongRow = trainer.getByRole('row', { name: new RegExp(NAME) });
	await huongRow.getByLabel('Lý do thu hồi').fill('Cấp nhầm người học');
	await huongRow.getByRole('button', { name: 'Thu hồi' }).click();
	await expect(trainer.getByRole('status')).toHaveText(`Đã thu hồi giấy chứng nhận số 0001/${year}/HY-TEST.`);
	expect(stored(app)[0]).toMatchObject({ revoked_reason: 'Cấp nhầm người học' });
	expect(stored(app)[0]!.revoked_at).not.toBeNull();
	await trainerContext.close();

	await phone.goto(`/xac-minh/${certificate!.code}`);
	await expect(phone.getByRole('heading', { name: '✗ Giấy chứng nhận đã bị thu hồi' })).toBeVisible();
	await expect(phone.getByText(/Giấy chứng nhận này đã bị thu hồi ngày/)).toBeVisible();
	await visitor.close();
});
