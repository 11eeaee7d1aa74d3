// What a learner's SCORM 2004 packages share on the server: 4th Edition shared data (adl.data,
// buckets named by targetID in adlcp:map) and global objectives (mapInfo targetObjectiveID). The
// packages are built here (src/lib/server/scorm/test-packages.ts): no fixture package uses either.
//
// Expected behaviour:
// - shared data: the first SCO writes the bucket "notes"; Continue delivers the second, which sees
//   the value (and an error for "drafts", a bucket it may only write); its write to "notes", which
//   it may only read, is refused; what is stored is the first SCO's note and the second's draft.
// - global objectives: a package (objectivesGlobalToSystem left to its default, true) whose SCO
//   writes the objective g.lesson; passed, it is stored for the learner; a second package, also
//   global to the system, skips its review SCO that reads g.lesson satisfied and starts at its
//   check; the same package with objectivesGlobalToSystem="false" starts at the review.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { objectivesZip, sharedDataZip } from '../../src/lib/server/scorm/test-packages';
import { expect, expectAccessible, MODULE, registerLearner, seedCohort, test } from './fixtures';
import { signedInPage, uploadPackage } from './scorm-helpers';

const COURSE = 'phong-chong-mai-dam';

type ApiWindow = { API_1484_11?: { [method: string]: (...args: string[]) => string } & { isInitialized(): boolean } };

/** Calls the SCO's API from the player page, as the SCO would; answers each call's result. */
async function sco(page: Page, calls: [string, ...string[]][]): Promise<string[]> {
	await expect.poll(() => page.evaluate(() => (window as unknown as ApiWindow).API_1484_11?.isInitialized() ?? false)).toBe(true);
	const results: string[] = [];
	for (const [method, ...args] of calls) {
		results.push(await page.evaluate(([m, a]) => String((window as unknown as ApiWindow).API_1484_11![m as string]!(...(a as string[]))), [method, args] as const));
	}
	return results;
}

function zipFile(name: string, data: Buffer): string {
	const file = join(mkdtempSync(join(tmpdir(), 'taphuan-shared-')), name);
	writeFileSync(file, data);
	return file;
}

test('shared data: what the first SCO writes to adl.data the second reads, as its maps allow, and the server stores it per learner', async ({ page, app, browser }) => {
	test.slow();
	seedCohort(app);
	const trainer = await signedInPage(browser, app, 'giangvien');
	expect(await uploadPackage(trainer, COURSE, MODULE, zipFile('du-lieu-chung.zip', sharedDataZip()), 'Dữ liệu chung')).toContain('Đã thêm gói “Dữ liệu chung”');
	await trainer.context().close();
	await registerLearner(page);
	await page.goto(`/courses/${COURSE}/${MODULE}`);
	await page.getByRole('link', { name: 'Mở bài: Dữ liệu chung' }).click();

	const writer = page.frameLocator('iframe[title="Viết ghi chú"]');
	// nothing written yet: the SCO's read of its bucket gives 403 (not initialised)
	await expect(writer.locator('#buckets li')).toHaveText(['notes: error 403']);
	expect(await sco(page, [['SetValue', 'adl.data.0.store', 'Xin chào từ phần 1'], ['Commit', '']])).toEqual(['true', 'true']);
	await expectAccessible(page, { exclude: ['.scorm-stage iframe'] });
	await page.getByRole('navigation', { name: 'Chuyển phần' }).getByRole('button', { name: 'Tiếp tục →' }).click();

	const reader = page.frameLocator('iframe[title="Đọc ghi chú"]');
	await expect(reader.locator('#buckets li')).toHaveText(['notes: Xin chào từ phần 1', 'drafts: error 405']);
	expect(
		await sco(page, [
			['SetValue', 'adl.data.0.store', 'sửa'],
			['GetLastError'],
			['SetValue', 'adl.data.1.store', 'Bản nháp'],
			['SetValue', 'adl.data.2.store', 'thêm'],
			['GetLastError'],
			['Commit', '']
		])
	).toEqual(['false', '404', 'true', 'false', '351', 'true']);
	expect(app.query('SELECT scope, target_id, store FROM scorm_shared_data ORDER BY target_id')).toEqual([
		{ scope: 'system', target_id: 'drafts', store: 'Bản nháp' },
		{ scope: 'system', target_id: 'notes', store: 'Xin chào từ phần 1' }
	]);

	// back to the first part: it reads what it wrote, from the server
	await page.getByRole('navigation', { name: 'Chuyển phần' }).getByRole('button', { name: '← Quay lại' }).click();
	await expect(writer.locator('#buckets li')).toHaveText(['notes: Xin chào từ phần 1']);
});

test('global objectives: what one package writes the learner’s other packages read when global to the system, not when kept to themselves', async ({ page, app, browser }) => {
	test.slow();
	seedCohort(app);
	const trainer = await signedInPage(browser, app, 'giangvien');
	const packages: [string, Buffer][] = [
		['Bài gốc', objectivesZip('writer')],
		['Ôn và kiểm tra', objectivesZip('reader')],
		['Ôn riêng', objectivesZip('reader', false)]
	];
	for (const [name, zip] of packages) {
		expect(await uploadPackage(trainer, COURSE, MODULE, zipFile(`${name.length}.zip`, zip), name)).toContain(`Đã thêm gói “${name}”`);
	}
	await trainer.context().close();
	await registerLearner(page);
	const open = async (name: string) => {
		await page.goto(`/courses/${COURSE}/${MODULE}`);
		await page.getByRole('link', { name: `Mở bài: ${name}` }).click();
	};

	// before: every package starts at its first part
	await open('Ôn và kiểm tra');
	await expect(page).toHaveURL(/\?sco=review$/);
	await expect(page.locator('iframe[title="Ôn bài"]')).toBeVisible();
	await sco(page, [['SetValue', 'adl.nav.request', 'exitAll'], ['Terminate', '']]);
	await expect(page).toHaveURL(/\?ended$/);

	await open('Bài gốc');
	await expect(page.locator('iframe[title="Bài học gốc"]')).toBeVisible();
	await sco(page, [
		['SetValue', 'cmi.completion_status', 'completed'],
		['SetValue', 'cmi.success_status', 'passed'],
		['Terminate', '']
	]);
	await expect
		.poll(() => app.query(`SELECT target_id, json_extract(status, '$.satisfiedStatus') AS satisfied FROM scorm_global_objective`))
		.toEqual([{ target_id: 'g.lesson', satisfied: 1 }]);

	// the other package global to the system reads it: its review is skipped
	await open('Ôn và kiểm tra');
	await expect(page).toHaveURL(/\?sco=check$/);
	await expect(page.locator('iframe[title="Kiểm tra"]')).toBeVisible();
	await expectAccessible(page, { exclude: ['.scorm-stage iframe'] });
	// the package that keeps its objectives to itself does not
	await open('Ôn riêng');
	await expect(page).toHaveURL(/\?sco=review$/);
});
