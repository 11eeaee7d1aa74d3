// Cohorts (lớp tập huấn): a training batch with an enrolment code, the courses it studies,
// its trainers and its learners. Access to a course flows from cohort membership.
import type { Db } from '../db/open';
import type { User } from '../users/service';

export interface Cohort {
	id: number;
	name: string;
	enrolCode: string;
	enrolmentOpen: boolean;
	createdAt: number;
	courseIds: string[];
	trainerIds: number[];
	learnerCount: number;
}

interface CohortRow {
	id: number;
	name: string;
	enrol_code: string;
	enrolment_open: number;
	created_at: number;
}

/** Codes like HY-2022-01: letters, digits and dashes, compared without regard to case. */
export const ENROL_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{2,31}$/;

export function normaliseEnrolCode(code: string): string {
	return code.trim().toUpperCase();
}

function toCohort(db: Db, row: CohortRow): Cohort {
	const courseIds = (
		db.prepare('SELECT course_id FROM cohort_course WHERE cohort_id = ? ORDER BY course_id').all(
			row.id
		) as { course_id: string }[]
	).map((r) => r.course_id);
	const trainerIds = (
		db
			.prepare(`SELECT user_id FROM cohort_member WHERE cohort_id = ? AND role = 'trainer'`)
			.all(row.id) as { user_id: number }[]
	).map((r) => r.user_id);
	const { n } = db
		.prepare(`SELECT count(*) AS n FROM cohort_member WHERE cohort_id = ? AND role = 'learner'`)
		.get(row.id) as { n: number };
	return {
		id: row.id,
		name: row.name,
		enrolCode: row.enrol_code,
		enrolmentOpen: row.enrolment_open === 1,
		createdAt: row.created_at,
		courseIds,
		trainerIds,
		learnerCount: n
	};
}

export class EnrolCodeTakenError extends Error {
	constructor(code: string) {
		super(`Enrolment code already used: ${code}`);
	}
}

export interface NewCohort {
	name: string;
	enrolCode: string;
	courseIds: string[];
	trainerIds: number[];
	createdBy: number | null;
}

export function createCohort(db: Db, input: NewCohort, now = Date.now()): Cohort {
	const code = normaliseEnrolCode(input.enrolCode);
	return db.transaction(() => {
		if (db.prepare('SELECT 1 FROM cohort WHERE enrol_code = ?').get(code)) {
			throw new EnrolCodeTakenError(code);
		}
		const { lastInsertRowid } = db
			.prepare(
				'INSERT INTO cohort (name, enrol_code, created_by, created_at) VALUES (?, ?, ?, ?)'
			)
			.run(input.name.trim(), code, input.createdBy, now);
		const cohortId = Number(lastInsertRowid);
		const addCourse = db.prepare('INSERT INTO cohort_course (cohort_id, course_id) VALUES (?, ?)');
		for (const courseId of new Set(input.courseIds)) addCourse.run(cohortId, courseId);
		const addTrainer = db.prepare(
			`INSERT INTO cohort_member (cohort_id, user_id, role, joined_at) VALUES (?, ?, 'trainer', ?)`
		);
		for (const trainerId of new Set(input.trainerIds)) addTrainer.run(cohortId, trainerId, now);
		return getCohort(db, cohortId)!;
	}).immediate();
}

export function getCohort(db: Db, id: number): Cohort | null {
	const row = db.prepare('SELECT * FROM cohort WHERE id = ?').get(id) as CohortRow | undefined;
	return row ? toCohort(db, row) : null;
}

export function findCohortByCode(db: Db, code: string): Cohort | null {
	const row = db
		.prepare('SELECT * FROM cohort WHERE enrol_code = ?')
		.get(normaliseEnrolCode(code)) as CohortRow | undefined;
	return row ? toCohort(db, row) : null;
}

/** Admins see every cohort; trainers the cohorts they teach; learners the ones they belong to. */
/** Cohort names by id, in id order: what a form's cohort picker lists. */
export function cohortNames(db: Db, ids: number[]): { id: number; name: string }[] {
	return db
		.prepare('SELECT id, name FROM cohort WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id')
		.all(JSON.stringify(ids)) as { id: number; name: string }[];
}

export function listCohortsForUser(db: Db, user: Pick<User, 'id' | 'role'>): Cohort[] {
	const rows = (
		user.role === 'admin'
			? db.prepare('SELECT * FROM cohort ORDER BY created_at DESC').all()
			: db
					.prepare(
						`SELECT c.* FROM cohort c JOIN cohort_member m ON m.cohort_id = c.id
						 WHERE m.user_id = ? ORDER BY c.created_at DESC`
					)
					.all(user.id)
	) as CohortRow[];
	return rows.map((row) => toCohort(db, row));
}

export function setEnrolmentOpen(db: Db, cohortId: number, open: boolean): void {
	db.prepare('UPDATE cohort SET enrolment_open = ? WHERE id = ?').run(open ? 1 : 0, cohortId);
}

export function addMember(
	db: Db,
	cohortId: number,
	userId: number,
	role: 'learner' | 'trainer',
	now = Date.now()
): void {
	db.prepare(
		`INSERT INTO cohort_member (cohort_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)
		 ON CONFLICT (cohort_id, user_id) DO NOTHING`
	).run(cohortId, userId, role, now);
}

export interface CohortLearner {
	id: number;
	username: string;
	displayName: string;
	organisation: string;
	commune: string;
	province: string;
	mustChangePassword: boolean;
	disabled: boolean;
	joinedAt: number;
}

const LEARNER_COLUMNS = `SELECT u.id, u.username, u.display_name, u.organisation, u.commune, u.province,
	        u.must_change_password, u.disabled_at, m.joined_at
	 FROM cohort_member m JOIN user u ON u.id = m.user_id
	 WHERE m.cohort_id = ? AND m.role = 'learner'`;

interface LearnerRow {
	id: number;
	username: string;
	display_name: string;
	organisation: string;
	commune: string;
	province: string;
	must_change_password: number;
	disabled_at: number | null;
	joined_at: number;
}

function toCohortLearner(r: LearnerRow): CohortLearner {
	return {
		id: r.id,
		username: r.username,
		displayName: r.display_name,
		organisation: r.organisation,
		commune: r.commune,
		province: r.province,
		mustChangePassword: r.must_change_password === 1,
		disabled: r.disabled_at !== null,
		joinedAt: r.joined_at
	};
}

export function listCohortLearners(db: Db, cohortId: number): CohortLearner[] {
	const rows = db.prepare(`${LEARNER_COLUMNS} ORDER BY u.display_name`).all(cohortId) as LearnerRow[];
	return rows.map(toCohortLearner);
}

/** The cohort's most recent sign-ups, newest first. */
export function listNewestCohortLearners(db: Db, cohortId: number, limit: number): CohortLearner[] {
	const rows = db.prepare(`${LEARNER_COLUMNS} ORDER BY m.joined_at DESC, u.id DESC LIMIT ?`).all(cohortId, limit) as LearnerRow[];
	return rows.map(toCohortLearner);
}

/** One learner of the cohort; null when that user is not a learner in it. */
export function getCohortLearner(db: Db, cohortId: number, userId: number): CohortLearner | null {
	const row = db.prepare(`${LEARNER_COLUMNS} AND u.id = ?`).get(cohortId, userId) as LearnerRow | undefined;
	return row ? toCohortLearner(row) : null;
}

/** Course ids the user may study or teach, through any cohort; admins may open every course. */
export function courseIdsForUser(db: Db, user: Pick<User, 'id' | 'role'>): string[] {
	const rows = (
		user.role === 'admin'
			? db.prepare('SELECT id AS course_id FROM course').all()
			: db
					.prepare(
						`SELECT DISTINCT cc.course_id FROM cohort_course cc
						 JOIN cohort_member m ON m.cohort_id = cc.cohort_id WHERE m.user_id = ?`
					)
					.all(user.id)
	) as { course_id: string }[];
	return rows.map((r) => r.course_id);
}

/** True when a trainer teaches (or an admin oversees) a cohort that has this learner. */
export function canManageLearner(db: Db, manager: Pick<User, 'id' | 'role'>, learnerId: number) {
	if (manager.role === 'admin') return true;
	if (manager.role !== 'trainer') return false;
	return (
		db
			.prepare(
				`SELECT 1 FROM cohort_member t
				 JOIN cohort_member l ON l.cohort_id = t.cohort_id
				 JOIN user u ON u.id = l.user_id
				 WHERE t.user_id = ? AND t.role = 'trainer' AND l.user_id = ? AND l.role = 'learner'
				   AND u.role = 'learner'`
			)
			.get(manager.id, learnerId) !== undefined
	);
}

/** Admins manage every cohort; trainers only those they teach. */
export function canManageCohort(db: Db, user: Pick<User, 'id' | 'role'>, cohortId: number): boolean {
	if (user.role === 'admin') return true;
	if (user.role !== 'trainer') return false;
	return (
		db
			.prepare(
				`SELECT 1 FROM cohort_member WHERE cohort_id = ? AND user_id = ? AND role = 'trainer'`
			)
			.get(cohortId, user.id) !== undefined
	);
}

export interface CohortTrainers {
	cohortId: number;
	cohortName: string;
	/** in the order of their names; empty when the cohort has no active trainer */
	trainers: { displayName: string; organisation: string }[];
}

/**
 * Whom a learner can turn to about a course: the active trainers of each cohort in which the
 * learner studies it. Read from the cohorts, so the course names nobody and a change of trainer
 * shows at once. Accounts hold no phone or e-mail, so a name and an organisation are what there is.
 */
export function trainersForLearner(db: Db, userId: number, courseId: string): CohortTrainers[] {
	const rows = db
		.prepare(
			`SELECT c.id AS cohort_id, c.name AS cohort_name, u.display_name, u.organisation
			 FROM cohort_member l
			 JOIN cohort c ON c.id = l.cohort_id
			 JOIN cohort_course cc ON cc.cohort_id = c.id AND cc.course_id = ?
			 LEFT JOIN cohort_member t ON t.cohort_id = c.id AND t.role = 'trainer'
			 LEFT JOIN user u ON u.id = t.user_id AND u.disabled_at IS NULL
			 WHERE l.user_id = ? AND l.role = 'learner'
			 ORDER BY c.id`
		)
		.all(courseId, userId) as { cohort_id: number; cohort_name: string; display_name: string | null; organisation: string | null }[];
	const cohorts = new Map<number, CohortTrainers>();
	for (const row of rows) {
		const cohort = cohorts.get(row.cohort_id) ?? { cohortId: row.cohort_id, cohortName: row.cohort_name, trainers: [] };
		cohorts.set(row.cohort_id, cohort);
		if (row.display_name !== null) cohort.trainers.push({ displayName: row.display_name, organisation: row.organisation ?? '' });
	}
	// Vietnamese order (Đ after D), which SQLite's byte order does not give
	const byName = (a: string, b: string) => a.localeCompare(b, 'vi');
	for (const cohort of cohorts.values()) cohort.trainers.sort((a, b) => byName(a.displayName, b.displayName));
	return [...cohorts.values()].sort((a, b) => byName(a.cohortName, b.cohortName) || a.cohortId - b.cohortId);
}
