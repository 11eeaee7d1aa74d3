// The course's printable case-management forms (module 05) and its glossary: reachable from the
// lessons, accessible, readable on a 360 px phone and printable.
import { COURSE, expect, expectAccessible, registerLearner, seedCohort, test } from './fixtures';

const FORMS = [
	'1. Phiếu tiếp nhận',
	'2. Giấy đồng ý chia sẻ thông tin',
	'3. Phiếu đánh giá nhu cầu',
	'4. Kế hoạch hỗ trợ',
	'5. Phiếu chuyển gửi',
	'6. Phiếu theo dõi, rà soát và kết thúc'
];

test.describe('case-management forms', () => {
	// course media is served with a sandboxing CSP (no scripts): axe runs as a script in the page
	test.use({ bypassCSP: true });

test('module 05 links six case-management forms that read on a phone and print on A4', async ({ page, app }) => {
	seedCohort(app);
	await page.setViewportSize({ width: 360, height: 740 });
	await registerLearner(page);
	await page.goto(`/courses/${COURSE}/cong-tac-xa-hoi-hoa-nhap`);
	const hrefs: string[] = [];
	for (const name of FORMS) hrefs.push((await page.getByRole('link', { name, exact: true }).getAttribute('href'))!);
	expect(hrefs).toHaveLength(6);
	for (const [i, href] of hrefs.entries()) {
		await page.emulateMedia({ media: 'screen' });
		const response = await page.goto(href);
		expect(response?.status()).toBe(200);
		const title = FORMS[i]!.replace(/^\d\. /, '');
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await expectAccessible(page);
		// nothing wider than the phone: tables turn into one block per row
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		// the form set's navigation is for the screen; the page prints on A4
		expect(await page.locator('style').first().textContent()).toContain('@page { size: A4 portrait');
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('navigation')).toBeHidden();
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	}
});
});

test('every lesson links the glossary; terms are linked on first use and the page says what to avoid', async ({ page, app }) => {
	seedCohort(app);
	await registerLearner(page);
	await page.goto(`/courses/${COURSE}/giam-hai-hiv-benh-xa-hoi`);
	// the first use of PrEP in the lesson text leads to its entry
	const prep = page.locator('.prose a[href$="/thuat-ngu#prep"]');
	await expect(prep).toHaveCount(1);
	await expect(prep).toHaveText('PrEP');
	await page.getByRole('link', { name: 'Thuật ngữ của khoá học' }).click();
	await expect(page).toHaveURL(`/courses/${COURSE}/thuat-ngu`);
	await expect(page.getByRole('heading', { level: 1, name: 'Thuật ngữ của khoá học' })).toBeVisible();
	const seller = page.locator('#nguoi-ban-dam');
	await expect(seller).toContainText('people who sell sex');
	await expect(seller).toContainText('Tránh dùng: gái điếm; đĩ; cave');
	await expect(page.locator('#prep')).toContainText('pre-exposure prophylaxis');
	await expectAccessible(page);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(seller).toBeVisible();
	// the same link is in every lesson's chrome
	await page.emulateMedia({ media: 'screen' });
	await page.goto(`/courses/${COURSE}/lam-quen`);
	await expect(page.getByRole('link', { name: 'Thuật ngữ của khoá học' })).toBeVisible();
	await expectAccessible(page);
});
