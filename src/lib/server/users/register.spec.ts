import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../auth/password';
import { ADDRESS_POLICY } from '../auth/throttle';
import { createCohort, setEnrolmentOpen, type Cohort } from '../cohorts/service';
import { openDatabase, type Db } from '../db/open';
import { registerLearner, type Registration } from './register';
import { getPasswordHash, getUser, insertUser } from './service';
import { createFirstAdmin } from './setup';

const T0 = Date.UTC(2025, 2, 1);
const PASSWORD = 'trâu ăn cỏ bên đê';

let passwordHash: string;
beforeAll(async () => {
	passwordHash = await hashPassword('hoa sen trong đầm');
});

let db: Db;
let cohort: Cohort;

function registration(overrides: Partial<Registration> = {}): Registration {
	return {
		enrolCode: 'HY-2025-01',
		username: 'lan',
		displayName: ' Nguyễn Thị Lan ',
		organisation: 'Hội Liên hiệp Phụ nữ',
		commune: 'Xã Tân Hưng',
		province: 'Hưng Yên',
		password: PASSWORD,
		...overrides
	};
}

function userCount(): number {
	return (db.prepare('SELECT count(*) AS n FROM user').get() as { n: number }).n;
}

function members(): { cohort_id: number; user_id: number; role: string; joined_at: number }[] {
	return db.prepare('SELECT * FROM cohort_member ORDER BY user_id').all() as {
		cohort_id: number;
		user_id: number;
		role: string;
		joined_at: number;
	}[];
}

beforeEach(() => {
	db = openDatabase(':memory:');
	db.prepare(`INSERT INTO course (id, title, loaded_at) VALUES ('phong-chong', 'Phòng, chống', 0)`).run();
	cohort = createCohort(db, {
		name: 'Lớp Hưng Yên',
		enrolCode: 'HY-2025-01',
		courseIds: ['phong-chong'],
		trainerIds: [],
		createdBy: null
	});
});

describe('registerLearner', () => {
	it('with a good code creates a learner and puts them in the cohort', async () => {
		const result = await registerLearner(db, registration({ enrolCode: ' hy-2025-01 ', username: 'Lan' }), '10.0.0.1', T0);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.user).toMatchObject({
			username: 'lan',
			displayName: 'Nguyễn Thị Lan',
			role: 'learner',
			organisation: 'Hội Liên hiệp Phụ nữ',
			commune: 'Xã Tân Hưng',
			province: 'Hưng Yên',
			mustChangePassword: false,
			disabled: false,
			createdAt: T0
		});
		expect(getUser(db, result.user.id)).toEqual(result.user);
		expect(members()).toEqual([{ cohort_id: cohort.id, user_id: result.user.id, role: 'learner', joined_at: T0 }]);
		const hash = getPasswordHash(db, result.user.id)!;
		expect(hash).not.toContain(PASSWORD);
		expect(await verifyPassword(hash, PASSWORD)).toBe(true);
	});

	it('with a wrong code stores nothing and counts the failure against the address', async () => {
		const result = await registerLearner(db, registration({ enrolCode: 'HY-2025-99' }), '10.0.0.1', T0);
		expect(result).toEqual({ ok: false, status: 400, errors: { enrolCode: 'register.codeInvalid' } });
		expect(userCount()).toBe(0);
		expect(members()).toEqual([]);
		expect(db.prepare('SELECT failures FROM throttle WHERE key = ?').get('register:addr:10.0.0.1')).toEqual({
			failures: 1
		});
	});

	it('with the code of a closed cohort stores nothing', async () => {
		setEnrolmentOpen(db, cohort.id, false);
		const result = await registerLearner(db, registration(), '10.0.0.1', T0);
		expect(result).toEqual({ ok: false, status: 400, errors: { enrolCode: 'register.codeClosed' } });
		expect(userCount()).toBe(0);
		expect(members()).toEqual([]);
	});

	it('refuses a username already taken in another case', async () => {
		const existing = insertUser(db, { username: 'lan', displayName: 'Lan', password: '', role: 'learner' }, passwordHash);
		const result = await registerLearner(db, registration({ username: 'Lan' }), '10.0.0.1', T0);
		expect(result).toEqual({ ok: false, status: 400, errors: { username: 'register.usernameTaken' } });
		expect(userCount()).toBe(1);
		expect(getPasswordHash(db, existing.id)).toBe(passwordHash);
		expect(members()).toEqual([]);
	});

	it('throttles an address after ADDRESS_POLICY.maxFailures wrong codes, even when the next code is right', async () => {
		for (let i = 0; i < ADDRESS_POLICY.maxFailures; i++) {
			const wrong = await registerLearner(db, registration({ enrolCode: `DOAN-${i}` }), '10.0.0.1', T0 + i);
			expect(wrong.ok === false && wrong.status).toBe(400);
		}
		const result = await registerLearner(db, registration(), '10.0.0.1', T0 + ADDRESS_POLICY.maxFailures);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.status).toBe(429);
		expect(result.errors).toEqual({ enrolCode: 'register.throttled' });
		expect(result.retryAfterMs).toBe(ADDRESS_POLICY.lockMs - 1);
		expect(userCount()).toBe(0);

		// another address is not affected, and the lock runs out
		expect((await registerLearner(db, registration(), '10.0.0.2', T0 + 21)).ok).toBe(true);
		const later = await registerLearner(
			db,
			registration({ username: 'minh' }),
			'10.0.0.1',
			T0 + ADDRESS_POLICY.maxFailures - 1 + ADDRESS_POLICY.lockMs
		);
		expect(later.ok).toBe(true);
		expect(userCount()).toBe(2);
	});
});

describe('createFirstAdmin', () => {
	it('creates the first administrator', () => {
		insertUser(db, { username: 'giangvien', displayName: 'GV', password: '', role: 'trainer' }, passwordHash);
		const admin = createFirstAdmin(db, { username: 'QuanTri', displayName: 'Quản trị' }, passwordHash);
		expect(admin).toMatchObject({ username: 'quantri', displayName: 'Quản trị', role: 'admin' });
		expect(getPasswordHash(db, admin!.id)).toBe(passwordHash);
	});

	it('returns null and creates no one when an admin already exists', () => {
		const first = createFirstAdmin(db, { username: 'quantri', displayName: 'Quản trị' }, passwordHash);
		expect(first).not.toBeNull();
		expect(createFirstAdmin(db, { username: 'keladanh', displayName: 'Kẻ lạ' }, passwordHash)).toBeNull();
		expect(db.prepare(`SELECT username FROM user WHERE role = 'admin'`).all()).toEqual([{ username: 'quantri' }]);
		expect(userCount()).toBe(1);
	});
});
