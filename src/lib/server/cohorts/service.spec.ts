import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { openDatabase, type Db } from '../db/open';
import { insertUser, type Role, type User } from '../users/service';
import {
	addMember,
	canManageCohort,
	canManageLearner,
	courseIdsForUser,
	createCohort,
	EnrolCodeTakenError,
	findCohortByCode,
	getCohort,
	listCohortLearners,
	listCohortsForUser,
	setEnrolmentOpen,
	trainersForLearner,
	type NewCohort
} from './service';

const T0 = Date.UTC(2025, 2, 1);

let passwordHash: string;
beforeAll(async () => {
	passwordHash = await hashPassword('hoa sen trong đầm');
});

let db: Db;
let admin: User;

function newUser(username: string, role: Role): User {
	return insertUser(db, { username, displayName: username, password: '', role }, passwordHash);
}

function addCourses(...ids: string[]) {
	const insert = db.prepare('INSERT INTO course (id, title, loaded_at) VALUES (?, ?, ?)');
	for (const id of ids) insert.run(id, `Khoá ${id}`, T0);
}

function cohortInput(overrides: Partial<NewCohort> = {}): NewCohort {
	return {
		name: 'Lớp Hưng Yên',
		enrolCode: 'HY-2025-01',
		courseIds: ['phong-chong'],
		trainerIds: [],
		createdBy: admin.id,
		...overrides
	};
}

function cohortCount(): number {
	return (db.prepare('SELECT count(*) AS n FROM cohort').get() as { n: number }).n;
}

beforeEach(() => {
	db = openDatabase(':memory:');
	admin = newUser('quantri', 'admin');
	addCourses('phong-chong', 'giam-hai', 'ky-nang');
});

describe('createCohort', () => {
	it('stores the cohort with its code upper-cased, its courses and trainers', () => {
		const trainer = newUser('giangvien', 'trainer');
		const cohort = createCohort(
			db,
			cohortInput({
				name: '  Lớp Hưng Yên  ',
				enrolCode: ' hy-2025-01 ',
				courseIds: ['phong-chong', 'giam-hai', 'phong-chong'],
				trainerIds: [trainer.id, trainer.id]
			}),
			T0
		);
		expect(cohort).toEqual({
			id: cohort.id,
			name: 'Lớp Hưng Yên',
			enrolCode: 'HY-2025-01',
			enrolmentOpen: true,
			createdAt: T0,
			courseIds: ['giam-hai', 'phong-chong'],
			trainerIds: [trainer.id],
			learnerCount: 0
		});
		expect(db.prepare('SELECT name, enrol_code, created_by FROM cohort WHERE id = ?').get(cohort.id)).toEqual({
			name: 'Lớp Hưng Yên',
			enrol_code: 'HY-2025-01',
			created_by: admin.id
		});
		expect(getCohort(db, cohort.id)).toEqual(cohort);
	});

	it('refuses a code already used, whatever its case, and stores nothing', () => {
		createCohort(db, cohortInput({ enrolCode: 'HY-2025-01' }));
		expect(() => createCohort(db, cohortInput({ name: 'Lớp khác', enrolCode: 'hy-2025-01' }))).toThrow(
			EnrolCodeTakenError
		);
		expect(cohortCount()).toBe(1);
	});

	it('stores nothing when a course does not exist', () => {
		expect(() => createCohort(db, cohortInput({ courseIds: ['phong-chong', 'khong-co'] }))).toThrow(
			/FOREIGN KEY/
		);
		expect(cohortCount()).toBe(0);
		expect(db.prepare('SELECT count(*) AS n FROM cohort_course').get()).toEqual({ n: 0 });
	});

	it('is found by its code without regard to case or spaces', () => {
		const cohort = createCohort(db, cohortInput());
		expect(findCohortByCode(db, ' hy-2025-01')?.id).toBe(cohort.id);
		expect(findCohortByCode(db, 'HY-2025-02')).toBeNull();
	});

	it('can be closed to new sign-ups', () => {
		const cohort = createCohort(db, cohortInput());
		setEnrolmentOpen(db, cohort.id, false);
		expect(getCohort(db, cohort.id)!.enrolmentOpen).toBe(false);
		setEnrolmentOpen(db, cohort.id, true);
		expect(getCohort(db, cohort.id)!.enrolmentOpen).toBe(true);
	});
});

describe('membership', () => {
	it('adds a member once and counts learners', () => {
		const cohort = createCohort(db, cohortInput());
		const lan = newUser('lan', 'learner');
		addMember(db, cohort.id, lan.id, 'learner', T0);
		addMember(db, cohort.id, lan.id, 'learner', T0 + 1000);
		expect(getCohort(db, cohort.id)!.learnerCount).toBe(1);
		expect(listCohortLearners(db, cohort.id)).toEqual([
			expect.objectContaining({ id: lan.id, username: 'lan', joinedAt: T0, disabled: false })
		]);
	});
});

describe('access through cohorts', () => {
	let hungYen: number;
	let thaiBinh: number;
	let trainer: User;
	let otherTrainer: User;
	let lan: User;
	let minh: User;
	let loner: User;

	beforeEach(() => {
		trainer = newUser('giangvien', 'trainer');
		otherTrainer = newUser('giangvien2', 'trainer');
		hungYen = createCohort(
			db,
			cohortInput({ courseIds: ['phong-chong', 'giam-hai'], trainerIds: [trainer.id] })
		).id;
		thaiBinh = createCohort(
			db,
			cohortInput({ name: 'Lớp Thái Bình', enrolCode: 'TB-2025', courseIds: ['ky-nang'], trainerIds: [otherTrainer.id] })
		).id;
		lan = newUser('lan', 'learner');
		minh = newUser('minh', 'learner');
		loner = newUser('mot-minh', 'learner');
		addMember(db, hungYen, lan.id, 'learner');
		addMember(db, thaiBinh, minh.id, 'learner');
	});

	it('courseIdsForUser: a learner gets their cohorts’ courses, a trainer the ones they teach, an admin all', () => {
		expect(courseIdsForUser(db, lan).sort()).toEqual(['giam-hai', 'phong-chong']);
		expect(courseIdsForUser(db, minh)).toEqual(['ky-nang']);
		expect(courseIdsForUser(db, loner)).toEqual([]);
		expect(courseIdsForUser(db, trainer).sort()).toEqual(['giam-hai', 'phong-chong']);
		expect(courseIdsForUser(db, otherTrainer)).toEqual(['ky-nang']);
		addCourses('chua-co-lop');
		expect(courseIdsForUser(db, admin).sort()).toEqual(['chua-co-lop', 'giam-hai', 'ky-nang', 'phong-chong']);
	});

	it('courseIdsForUser lists a course once when two cohorts share it', () => {
		const again = createCohort(db, cohortInput({ enrolCode: 'HY-2025-02', courseIds: ['phong-chong'] }));
		addMember(db, again.id, lan.id, 'learner');
		expect(courseIdsForUser(db, lan).sort()).toEqual(['giam-hai', 'phong-chong']);
	});

	it('canManageCohort: admins any, trainers only their own, learners none', () => {
		expect(canManageCohort(db, admin, hungYen)).toBe(true);
		expect(canManageCohort(db, admin, thaiBinh)).toBe(true);
		expect(canManageCohort(db, trainer, hungYen)).toBe(true);
		expect(canManageCohort(db, trainer, thaiBinh)).toBe(false);
		expect(canManageCohort(db, lan, hungYen)).toBe(false);
	});

	it('canManageLearner: admins anyone, trainers only learners of their cohorts', () => {
		expect(canManageLearner(db, admin, minh.id)).toBe(true);
		expect(canManageLearner(db, trainer, lan.id)).toBe(true);
		expect(canManageLearner(db, trainer, minh.id)).toBe(false);
		expect(canManageLearner(db, trainer, loner.id)).toBe(false);
		expect(canManageLearner(db, otherTrainer, minh.id)).toBe(true);
		// a co-trainer is not a learner
		addMember(db, hungYen, otherTrainer.id, 'trainer');
		expect(canManageLearner(db, trainer, otherTrainer.id)).toBe(false);
		// learners manage no one, not even classmates
		addMember(db, hungYen, loner.id, 'learner');
		expect(canManageLearner(db, lan, loner.id)).toBe(false);
	});

	it('listCohortsForUser: admins see all, others the cohorts they belong to', () => {
		expect(listCohortsForUser(db, admin).map((c) => c.id).sort()).toEqual([hungYen, thaiBinh].sort());
		expect(listCohortsForUser(db, trainer).map((c) => c.id)).toEqual([hungYen]);
		expect(listCohortsForUser(db, minh).map((c) => c.id)).toEqual([thaiBinh]);
		expect(listCohortsForUser(db, loner)).toEqual([]);
	});
});

describe('trainersForLearner', () => {
	it('lists the active trainers of each cohort where the learner studies the course, cohort by cohort', () => {
		const lan = newUser('lan', 'learner');
		const hoa = insertUser(db, { username: 'hoa', displayName: 'Lê Thị Hoà', password: '', role: 'trainer', organisation: 'Sở Y tế tỉnh Hưng Yên' }, passwordHash);
		const binh = insertUser(db, { username: 'binh', displayName: 'Đỗ Văn Bình', password: '', role: 'trainer', organisation: 'Hội LHPN tỉnh' }, passwordHash);
		const gone = newUser('gone', 'trainer');
		const other = newUser('other', 'trainer');
		const first = createCohort(db, cohortInput({ name: 'Lớp A', trainerIds: [hoa.id, binh.id, gone.id] }));
		const second = createCohort(db, cohortInput({ name: 'Lớp B', enrolCode: 'HY-2025-02', trainerIds: [] }));
		const elsewhere = createCohort(db, cohortInput({ name: 'Lớp C', enrolCode: 'HY-2025-03', courseIds: ['giam-hai'], trainerIds: [other.id] }));
		for (const cohort of [first, second, elsewhere]) addMember(db, cohort.id, lan.id, 'learner', T0);
		db.prepare('UPDATE user SET disabled_at = ? WHERE id = ?').run(T0, gone.id);

		expect(trainersForLearner(db, lan.id, 'phong-chong')).toEqual([
			{
				cohortId: first.id,
				cohortName: 'Lớp A',
				trainers: [
					{ displayName: 'Đỗ Văn Bình', organisation: 'Hội LHPN tỉnh' },
					{ displayName: 'Lê Thị Hoà', organisation: 'Sở Y tế tỉnh Hưng Yên' }
				]
			},
			// a cohort without a trainer is still listed, so the page can say so
			{ cohortId: second.id, cohortName: 'Lớp B', trainers: [] }
		]);
		expect(trainersForLearner(db, lan.id, 'giam-hai')).toEqual([
			{ cohortId: elsewhere.id, cohortName: 'Lớp C', trainers: [{ displayName: 'other', organisation: '' }] }
		]);
		// a trainer is nobody's learner: nothing to list
		expect(trainersForLearner(db, hoa.id, 'phong-chong')).toEqual([]);
	});
});
