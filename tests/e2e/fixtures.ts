// Test fixtures: a fresh server and database for every test, seeding through the real admin
// CLI, read-only access to the database to check what was stored, and an accessibility check.
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface App {
	url: string;
	dbPath: string;
	/** runs `npm run admin -- ...` against this test's database; returns stdout */
	cli: (...args: string[]) => string;
	/** a read-only query on this test's database */
	query: <T = Record<string, unknown>>(sql: string, ...params: unknown[]) => T[];
	/** everything the server has printed so far (stdout and stderr) */
	log: () => string;
}

function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
		});
	});
}

async function waitForHealthy(url: string, child: ChildProcess, log: () => string) {
	// up to 30 s: fifteen migrations and the course catalogue on a busy two-core machine
	for (let i = 0; i < 300; i++) {
		if (child.exitCode !== null) throw new Error(`server exited: ${log()}`);
		try {
			const response = await fetch(`${url}/healthz`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`server did not start: ${log()}`);
}

export const test = base.extend<{ app: App; coursesDir: string; serverEnv: Record<string, string> }>({
	/** extra settings for this test's server */
	serverEnv: [{}, { option: true }],
	/** the courses the server loads; quiz tests use the small course in tests/e2e/courses */
	coursesDir: [join(ROOT, 'courses'), { option: true }],
	app: async ({ coursesDir, serverEnv }, use) => {
		const dir = mkdtempSync(join(tmpdir(), 'taphuan-e2e-'));
		const dbPath = join(dir, 'taphuan.db');
		const port = await freePort();
		const url = `http://127.0.0.1:${port}`;
		const env = {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			DATABASE_PATH: dbPath,
			COURSES_DIR: coursesDir,
			TAPHUAN_LANG: 'vi',
			...serverEnv
		};
		let output = '';
		const child = spawn(process.execPath, [join(ROOT, 'build/index.js')], { env, stdio: 'pipe' });
		child.stdout?.on('data', (d) => (output += d));
		child.stderr?.on('data', (d) => (output += d));
		await waitForHealthy(url, child, () => output);
		let readDb: Database.Database | undefined;
		await use({
			url,
			dbPath,
			cli: (...args) =>
				execFileSync(process.execPath, [join(ROOT, 'build/cli/admin.js'), ...args], { env, encoding: 'utf8' }),
			query: (sql, ...params) => {
				readDb ??= new Database(dbPath, { readonly: true, fileMustExist: true });
				return readDb.prepare(sql).all(...params) as never[];
			},
			log: () => output
		});
		readDb?.close();
		child.kill();
		await new Promise((r) => child.once('exit', r));
		rmSync(dir, { recursive: true, force: true });
	},
	baseURL: async ({ app }, use) => use(app.url)
});

export { expect };

/** No serious or critical WCAG 2 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page, { exclude = [] }: { exclude?: string[] } = {}) {
	let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
	// content we don't write (a SCORM package's own pages) is checked by its authors, not here
	for (const selector of exclude) builder = builder.exclude(selector);
	const results = await builder.analyze();
	const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(
		bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
		`accessibility violations on ${page.url()}`
	).toEqual([]);
}

export const COURSE = 'phong-chong-mai-dam';
export const TEST_COURSES = join(ROOT, 'tests/e2e/courses');
export const MODULE = 'tinh-hinh-va-khung-phap-ly';
export const PASSWORD = 'xanh-la-cay-2022';

/** An admin, a trainer and an open cohort studying the real course. */
export function seedCohort(app: App, code = 'HY-2022-01', course = COURSE) {
	app.cli('create-user', '--username', 'quantri', '--name', 'Quản trị', '--role', 'admin', '--password', PASSWORD);
	app.cli('create-user', '--username', 'giangvien', '--name', 'Trần Thị Giảng', '--role', 'trainer', '--password', PASSWORD);
	app.cli('create-cohort', '--name', 'Lớp cán bộ xã đợt 1', '--code', code, '--course', course, '--trainer', 'giangvien');
}

/** Submits the sign-in form and waits for the server's answer; returns the form action's status. */
export async function trySignIn(page: Page, username: string, password = PASSWORD): Promise<number> {
	await page.goto('/login');
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
		page.getByRole('button', { name: 'Đăng nhập' }).click()
	]);
	// with JavaScript on, an action answers 200 with the real status inside
	const body = await response.json().catch(() => null);
	return (body && typeof body.status === 'number' ? body.status : response.status()) as number;
}

/** Signs in and waits until the browser has left the sign-in page. */
export async function signIn(page: Page, username: string, password = PASSWORD) {
	await trySignIn(page, username, password);
	await page.waitForURL((url) => url.pathname !== '/login');
}

export async function registerLearner(
	page: Page,
	fields: { code?: string; username?: string; name?: string; password?: string } = {}
) {
	await page.goto('/register');
	await page.getByLabel('Mã lớp').fill(fields.code ?? 'HY-2022-01');
	await page.getByLabel('Họ và tên').fill(fields.name ?? 'Nguyễn Thị Lan');
	await page.getByLabel('Cơ quan, đơn vị').fill('Hội LHPN xã Tân Hưng');
	await page.getByLabel('Xã, phường, đặc khu').fill('xã Tân Hưng');
	await page.getByLabel('Tỉnh, thành phố').fill('Hưng Yên');
	await page.getByLabel('Tên đăng nhập').fill(fields.username ?? 'nguyenthilan');
	await page.getByLabel('Mật khẩu', { exact: true }).fill(fields.password ?? PASSWORD);
	await page.getByLabel('Nhập lại mật khẩu').fill(fields.password ?? PASSWORD);
	await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/register'),
		page.getByRole('button', { name: 'Đăng ký' }).click()
	]);
}
