import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { addMember, createCohort } from '../cohorts/service';
import { openDatabase, type Db } from '../db/open';
import { insertUser, type Role, type User } from '../users/service';
import { canModerate, canSeeThread, discussionScope, seesHidden, type Scope } from './access';

const T0 = Date.UTC(2025, 2, 1);
const COURSE = 'phong-chong';
const OTHER_COURSE = 'ky-nang';

let passwordHash: string;
beforeAll(async () => {
	passwordHash = await hashPassword('hoa sen trong đầm');
});

let db: Db;
let admin: User;
let trainer: User;
let lan: User;
/** cohorts of COURSE: the one lan and the trainer share, and another */
let hungYen: number;
let thaiBinh: number;
/** a cohort of another course that lan and the trainer also belong to */
let otherCourseCohort: number;

function newUser(username: string, role: Role): User {
	return insertUser(db, { username, displayName: username, password: '', role }, passwordHash);
}

function newCohort(name: string, enrolCode: string, courseIds: string[], trainerIds: number[]): number {
	return createCohort(db, { name, enrolCode, courseIds, trainerIds, createdBy: admin.id }, T0).id;
}

beforeEach(() => {
	db = openDatabase(':memory:');
	const insertCourse = db.prepare('INSERT INTO course (id, title, loaded_at) VALUES (?, ?, ?)');
	for (const id of [COURSE, OTHER_COURSE]) insertCourse.run(id, `Khoá ${id}`, T0);
	admin = newUser('quantri', 'admin');
	trainer = newUser('giangvien', 'trainer');
	const otherTrainer = newUser('giangvien2', 'trainer');
	lan = newUser('lan', 'learner');
	hungYen = newCohort('Lớp Hưng Yên', 'HY-2025', [COURSE], [trainer.id]);
	thaiBinh = newCohort('Lớp Thái Bình', 'TB-2025', [COURSE], [otherTrainer.id]);
	otherCourseCohort = newCohort('Lớp Kỹ năng', 'KN-2025', [OTHER_COURSE], [trainer.id]);
	addMember(db, hungYen, lan.id, 'learner', T0);
	addMember(db, otherCourseCohort, lan.id, 'learner', T0);
});

describe('discussionScope', () => {
	it('gives a learner the cohorts of that course they belong to, and nothing to moderate', () => {
		expect(discussionScope(db, lan, COURSE)).toEqual({ cohortIds: [hungYen], moderatedCohortIds: [], isAdmin: false });
		// the other course's cohort counts only on that course's boards
		expect(discussionScope(db, lan, OTHER_COURSE)).toEqual({
			cohortIds: [otherCourseCohort],
			moderatedCohortIds: [],
			isAdmin: false
		});
	});

	it('gives a learner with no cohort in the course an empty scope', () => {
		const loner = newUser('mot-minh', 'learner');
		expect(discussionScope(db, loner, COURSE)).toEqual({ cohortIds: [], moderatedCohortIds: [], isAdmin: false });
	});

	it('lets a trainer moderate the cohorts of that course they teach, not the others', () => {
		expect(discussionScope(db, trainer, COURSE)).toEqual({
			cohortIds: [hungYen],
			moderatedCohortIds: [hungYen],
			isAdmin: false
		});
	});

	it('does not let a trainer moderate a cohort they joined as a learner', () => {
		addMember(db, thaiBinh, trainer.id, 'learner', T0);
		expect(discussionScope(db, trainer, COURSE)).toEqual({
			cohortIds: [hungYen, thaiBinh],
			moderatedCohortIds: [hungYen],
			isAdmin: false
		});
	});

	it('does not let a learner account moderate even when listed as a cohort trainer', () => {
		const learnerAsTrainer = newUser('hoa', 'learner');
		addMember(db, thaiBinh, learnerAsTrainer.id, 'trainer', T0);
		expect(discussionScope(db, learnerAsTrainer, COURSE)).toEqual({
			cohortIds: [thaiBinh],
			moderatedCohortIds: [],
			isAdmin: false
		});
	});

	it('gives an admin every cohort of the course, and only of that course', () => {
		expect(discussionScope(db, admin, COURSE)).toEqual({
			cohortIds: [hungYen, thaiBinh],
			moderatedCohortIds: [hungYen, thaiBinh],
			isAdmin: true
		});
		expect(discussionScope(db, admin, OTHER_COURSE)).toEqual({
			cohortIds: [otherCourseCohort],
			moderatedCohortIds: [otherCourseCohort],
			isAdmin: true
		});
	});
});

describe('canSeeThread and canModerate', () => {
	type Who = 'learner' | 'trainer' | 'admin';
	type Place = 'own cohort' | 'other cohort' | 'shared';

	const cases: { who: Who; place: Place; sees: boolean; moderates: boolean }[] = [
		{ who: 'learner', place: 'own cohort', sees: true, moderates: false },
		{ who: 'learner', place: 'other cohort', sees: false, moderates: false },
		{ who: 'learner', place: 'shared', sees: true, moderates: false },
		{ who: 'trainer', place: 'own cohort', sees: true, moderates: true },
		{ who: 'trainer', place: 'other cohort', sees: false, moderates: false },
		{ who: 'trainer', place: 'shared', sees: true, moderates: true },
		{ who: 'admin', place: 'own cohort', sees: true, moderates: true },
		{ who: 'admin', place: 'other cohort', sees: true, moderates: true },
		{ who: 'admin', place: 'shared', sees: true, moderates: true }
	];

	function scopeOf(who: Who): Scope {
		const user = { learner: lan, trainer, admin }[who];
		return discussionScope(db, user, COURSE);
	}

	function cohortOf(place: Place): number | null {
		return { 'own cohort': hungYen, 'other cohort': thaiBinh, shared: null }[place];
	}

	it('covers every role and every place', () => {
		expect(new Set(cases.map((c) => `${c.who}/${c.place}`)).size).toBe(9);
	});

	it.each(cases)('$who, thread of $place: sees $sees, moderates $moderates', ({ who, place, sees, moderates }) => {
		const scope = scopeOf(who);
		const thread = { cohortId: cohortOf(place) };
		expect(canSeeThread(scope, thread)).toBe(sees);
		expect(canModerate(scope, thread)).toBe(moderates);
		expect(seesHidden(scope, thread)).toBe(moderates);
	});

	it('lets a trainer with no cohort in the course neither moderate shared threads nor see cohort ones', () => {
		const stranger = newUser('giangvien3', 'trainer');
		const scope = discussionScope(db, stranger, COURSE);
		expect(canModerate(scope, { cohortId: null })).toBe(false);
		expect(canSeeThread(scope, { cohortId: hungYen })).toBe(false);
	});
});
