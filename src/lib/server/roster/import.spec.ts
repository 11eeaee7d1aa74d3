import { beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password';
import { createCohort, listCohortLearners, type Cohort } from '../cohorts/service';
import { openDatabase, type Db } from '../db/open';
import { getPasswordHash, insertUser } from '../users/service';
import { importRoster, importRosterFile } from './import';
import { readRoster } from './read';

const T0 = Date.UTC(2026, 0, 5);
const HEADER = 'Tên đăng nhập;Họ và tên;Cơ quan, đơn vị;Xã, phường;Tỉnh, thành phố;Mật khẩu';
const bytes = (text: string) => new TextEncoder().encode(text);
const file = (...lines: string[]) => bytes(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`);

let db: Db;
let cohort: Cohort;

function count(sql: string): number {
	return (db.prepare(sql).get() as { n: number }).n;
}

beforeEach(() => {
	db = openDatabase(':memory:');
	db.prepare(`INSERT INTO course (id, title, loaded_at) VALUES ('phong-chong', 'Phòng, chống', 0)`).run();
	insertUser(db, { username: 'giangvien', displayName: 'Giảng viên', password: '', role: 'trainer' }, 'hash');
	insertUser(db, { username: 'lan', displayName: 'Lan', password: '', role: 'learner' }, 'hash');
	cohort = createCohort(db, { name: 'Lớp Hưng Yên', enrolCode: 'HY-2026-01', courseIds: ['phong-chong'], trainerIds: [1], createdBy: 1 });
});

describe('importRosterFile', () => {
	it('creates learners in the cohort, with temporary passwords that must be changed', async () => {
		const result = await importRosterFile(
			db,
			cohort.id,
			file('NguyenThiLan;Nguyễn Thị Lan;Hội LHPN xã Tân Hưng;xã Tân Hưng;Hưng Yên;', 'tranvanminh;Trần Văn Minh;"Công an xã; Tân Hưng";xã Tân Hưng;Hưng Yên;'),
			T0
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.imported.map((l) => [l.username, l.displayName])).toEqual([
			['nguyenthilan', 'Nguyễn Thị Lan'],
			['tranvanminh', 'Trần Văn Minh']
		]);
		for (const learner of result.imported) expect(learner.temporaryPassword).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
		expect(new Set(result.imported.map((l) => l.temporaryPassword)).size).toBe(2);
		const stored = db
			.prepare(`SELECT id, username, role, organisation, commune, province, must_change_password AS m, created_at FROM user WHERE username IN ('nguyenthilan', 'tranvanminh') ORDER BY id`)
			.all() as { id: number; username: string; role: string; organisation: string; m: number }[];
		expect(stored).toEqual([
			{ id: 3, username: 'nguyenthilan', role: 'learner', organisation: 'Hội LHPN xã Tân Hưng', commune: 'xã Tân Hưng', province: 'Hưng Yên', m: 1, created_at: T0 },
			{ id: 4, username: 'tranvanminh', role: 'learner', organisation: 'Công an xã; Tân Hưng', commune: 'xã Tân Hưng', province: 'Hưng Yên', m: 1, created_at: T0 }
		]);
		expect(await verifyPassword(getPasswordHash(db, 3)!, result.imported[0]!.temporaryPassword!)).toBe(true);
		expect(await verifyPassword(getPasswordHash(db, 3)!, result.imported[1]!.temporaryPassword!)).toBe(false);
		expect(listCohortLearners(db, cohort.id).map((l) => [l.username, l.joinedAt])).toEqual([
			['nguyenthilan', T0],
			['tranvanminh', T0]
		]);
	});

	it('hashes a password given in the file, shows none for it, and still asks for a new one', async () => {
		const result = await importRosterFile(db, cohort.id, file('hoa;Lê Thị Hoa;Hội LHPN;xã A;Hưng Yên;trâu ăn cỏ bên đê'));
		expect(result.ok && result.imported).toEqual([{ username: 'hoa', displayName: 'Lê Thị Hoa', temporaryPassword: null }]);
		const { id, m } = db.prepare(`SELECT id, must_change_password AS m FROM user WHERE username = 'hoa'`).get() as { id: number; m: number };
		expect(m).toBe(1);
		expect(await verifyPassword(getPasswordHash(db, id)!, 'trâu ăn cỏ bên đê')).toBe(true);
	});

	it('refuses usernames that accounts already have, and imports nobody', async () => {
		const result = await importRosterFile(db, cohort.id, file('hoa;Hoa;Hội;xã;tỉnh;', 'LAN;Lan;Hội;xã;tỉnh;', 'giangvien;Giảng;Hội;xã;tỉnh;'));
		expect(result).toEqual({
			ok: false,
			rowCount: 3,
			problemCount: 2,
			problems: [
				{ line: 3, key: 'roster.usernameTaken', params: { username: 'lan' } },
				{ line: 4, key: 'roster.usernameTaken', params: { username: 'giangvien' } }
			]
		});
		expect(count('SELECT count(*) AS n FROM user')).toBe(2);
		expect(count('SELECT count(*) AS n FROM cohort_member')).toBe(1);
	});

	it('reports names taken in the database together with the file’s own problems', async () => {
		const result = await importRosterFile(db, cohort.id, file('lan;Lan;Hội;xã;tỉnh;', 'hoa;;Hội;xã;tỉnh;'));
		expect(result).toEqual({
			ok: false,
			rowCount: 2,
			problemCount: 2,
			problems: [
				{ line: 2, key: 'roster.usernameTaken', params: { username: 'lan' } },
				{ line: 3, key: 'roster.blank', params: { column: 'Họ và tên' } }
			]
		});
	});

	it('imports nothing when one row of many is wrong', async () => {
		const good = Array.from({ length: 20 }, (_, i) => `hv${i + 1};Học viên ${i + 1};Hội;xã;tỉnh;`);
		const result = await importRosterFile(db, cohort.id, file(...good.slice(0, 10), 'hv-sai;;Hội;xã;tỉnh;', ...good.slice(10)));
		expect(result).toMatchObject({ ok: false, rowCount: 21, problems: [{ line: 12, key: 'roster.blank', params: { column: 'Họ và tên' } }] });
		expect(count('SELECT count(*) AS n FROM user')).toBe(2);
	});

	it('rolls back every insert when the database refuses one part-way', async () => {
		db.exec(`CREATE TRIGGER refuse_hv3 BEFORE INSERT ON user WHEN NEW.username = 'hv3' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
		const read = readRoster(file(...Array.from({ length: 5 }, (_, i) => `hv${i + 1};Học viên;Hội;xã;tỉnh;`)));
		expect(read.ok).toBe(true);
		await expect(importRoster(db, cohort.id, read.ok ? read.rows : [])).rejects.toThrow('refused');
		expect(count('SELECT count(*) AS n FROM user')).toBe(2);
		expect(count('SELECT count(*) AS n FROM cohort_member')).toBe(1);
	});

	it('checks usernames again once hashing is done: of two overlapping imports, one imports nobody', async () => {
		// both pass the first check before either has hashed; whichever commits second must find "binh" taken
		const results = await Promise.all([
			importRosterFile(db, cohort.id, file('anh;Anh;Hội;xã;tỉnh;', 'binh;Bình;Hội;xã;tỉnh;')),
			importRosterFile(db, cohort.id, file('chau;Châu;Hội;xã;tỉnh;', 'binh;Bình;Hội;xã;tỉnh;'))
		]);
		const winner = results.findIndex((result) => result.ok);
		expect(results.filter((result) => result.ok)).toHaveLength(1);
		expect(results[1 - winner]).toMatchObject({ ok: false, problems: [{ line: 3, key: 'roster.usernameTaken', params: { username: 'binh' } }] });
		expect(db.prepare('SELECT username FROM user ORDER BY id').pluck().all()).toEqual(['giangvien', 'lan', winner === 0 ? 'anh' : 'chau', 'binh']);
	});

	it('imports 1,000 learners', { timeout: 180_000 }, async () => {
		const lines = Array.from({ length: 1000 }, (_, i) => `hocvien${i + 1};Học viên số ${i + 1};Hội LHPN xã Tân Hưng;xã Tân Hưng;Hưng Yên;`);
		const result = await importRosterFile(db, cohort.id, file(...lines));
		expect(result.ok && result.imported.length).toBe(1000);
		expect(count(`SELECT count(*) AS n FROM user WHERE role = 'learner' AND must_change_password = 1`)).toBe(1000);
		expect(count(`SELECT count(*) AS n FROM cohort_member WHERE role = 'learner'`)).toBe(1000);
		const hashes = db.prepare(`SELECT password_hash FROM user WHERE username LIKE 'hocvien%'`).pluck().all() as string[];
		expect(new Set(hashes).size).toBe(1000);
		expect(hashes.every((hash) => hash.startsWith('$argon2id$'))).toBe(true);
	});
});
