import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { lessonActivityId, syncCatalog, type Catalog } from '../courses/catalog';
import type { Course } from '../courses/loader';
import { lessonModule, testCourse } from '../courses/test-courses';
import { addMember, createCohort } from '../cohorts/service';
import { openDatabase, type Db } from '../db/open';
import { recordMissedMilestones, useCatalog } from '../tracking/completion';
import { applyResult } from '../tracking/record';
import { getTracking } from '../tracking/service';
import { insertUser, type User } from '../users/service';
import { issueCertificatesOnCompletion, stopIssuingCertificates } from './listener';
import {
	findCertificateBySerial,
	getCertificateByCode,
	getCertificateOfLearner,
	issueCertificate,
	listCertificateEvents,
	listCohortCertificates,
	reissueCertificate,
	revokeCertificate,
	verificationOf
} from './service';

const T0 = Date.UTC(2026, 5, 1, 8);
const MINUTE = 60_000;
const ISSUER = 'Sở Y tế tỉnh Hưng Yên';

function certified(course: Course, issuer = ISSUER, serialFormat = '{n:4}/{year}/HY-PCMD'): Course {
	return { ...course, certificate: { issuer, signerTitle: 'Giám đốc', signerName: null, hours: 24, serialFormat, sealImage: null } };
}

let passwordHash: string;
beforeAll(async () => {
	passwordHash = await hashPassword('hoa sen trong đầm');
});

let db: Db;
let course: Course;
let catalog: Catalog;
let people: User[];

function setUp(database: Db): void {
	db = database;
	course = certified(testCourse([lessonModule('mot', 1), lessonModule('hai', 2)]));
	catalog = { courses: [course], errors: [], loadedAt: T0, activityIds: syncCatalog(db, [course], T0), scorm: new Map(), scormRevision: '' };
	useCatalog(db, () => catalog);
	people = ['Nguyễn Thị Thu Hường', 'Đặng Quốc Huy', 'Lò Văn Páo'].map((name, i) =>
		insertUser(db, { username: `hv${i}`, displayName: name, password: '', role: 'learner', organisation: 'UBND xã Tân Hưng', commune: 'Tân Hưng', province: 'Hưng Yên' }, passwordHash)
	);
}

const lesson = (slug: string) => lessonActivityId(catalog, course, course.modules.find((m) => m.slug === slug)!);
const finish = (user: User, at: number) => {
	applyResult(db, user.id, lesson('mot'), { completion: 'completed' }, at);
	applyResult(db, user.id, lesson('hai'), { completion: 'completed' }, at);
};

const count = () => db.prepare('SELECT count(*) FROM certificate').pluck().get() as number;

describe('issuing on completion', () => {
	beforeEach(() => {
		setUp(openDatabase(':memory:'));
		issueCertificatesOnCompletion();
	});
	afterEach(() => stopIssuingCertificates());

	it('issues one certificate when the course is completed, not before, and never a second', () => {
		applyResult(db, people[0]!.id, lesson('mot'), { completion: 'completed' }, T0);
		expect(count()).toBe(0);
		applyResult(db, people[0]!.id, lesson('hai'), { completion: 'completed' }, T0 + MINUTE);
		const certificate = getCertificateOfLearner(db, people[0]!.id, course.slug)!;
		expect(certificate).toMatchObject({ serial: '0001/2026/HY-PCMD', registerNumber: 1, completedAt: T0 + MINUTE, revokedAt: null });
		expect(certificate.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(certificate.fields).toMatchObject({ fullName: 'Nguyễn Thị Thu Hường', organisation: 'UBND xã Tân Hưng', courseTitle: course.title, hours: 24 });
		// a completed lesson reported again, the backfill at start-up, a second registration
		issueCertificatesOnCompletion();
		applyResult(db, people[0]!.id, lesson('hai'), { completion: 'completed' }, T0 + 2 * MINUTE);
		recordMissedMilestones(db, catalog);
		expect(issueCertificate(db, { userId: people[0]!.id, course, completedAt: T0 })!.id).toBe(certificate.id);
		expect(count()).toBe(1);
		expect(listCertificateEvents(db, certificate.id).map((e) => e.kind)).toEqual(['issued']);
	});

	it('issues in the transaction that completed the course: a failure to issue undoes the completion', () => {
		applyResult(db, people[0]!.id, lesson('mot'), { completion: 'completed' }, T0);
		db.exec('DROP TABLE certificate_event');
		expect(() => applyResult(db, people[0]!.id, lesson('hai'), { completion: 'completed' }, T0 + MINUTE)).toThrow();
		expect(getTracking(db, people[0]!.id, lesson('hai'))?.completionStatus ?? 'not attempted').not.toBe('completed');
		expect(db.prepare("SELECT count(*) FROM milestone WHERE module_slug = ''").pluck().get()).toBe(0);
		expect(count()).toBe(0);
	});

	it('issues none for a course without a certificate block', () => {
		course = { ...course, certificate: null };
		catalog = { ...catalog, courses: [course] };
		finish(people[0]!, T0);
		expect(db.prepare("SELECT count(*) FROM milestone WHERE module_slug = ''").pluck().get()).toBe(1);
		expect(count()).toBe(0);
	});

	it('issues to learners who completed before certificates existed when the courses load', () => {
		stopIssuingCertificates();
		finish(people[1]!, T0);
		expect(count()).toBe(0);
		db.exec("DELETE FROM milestone");
		issueCertificatesOnCompletion();
		recordMissedMilestones(db, catalog);
		expect(getCertificateOfLearner(db, people[1]!.id, course.slug)?.fields.fullName).toBe('Đặng Quốc Huy');
	});

	it('records the cohort the learner followed the course in, and lists the register per cohort', () => {
		const cohort = createCohort(db, { name: 'Lớp 1', enrolCode: 'LOP-1', courseIds: [course.slug], trainerIds: [], createdBy: null });
		addMember(db, cohort.id, people[0]!.id, 'learner');
		finish(people[0]!, T0);
		finish(people[1]!, T0 + MINUTE);
		expect(getCertificateOfLearner(db, people[0]!.id, course.slug)!.cohortId).toBe(cohort.id);
		expect(getCertificateOfLearner(db, people[1]!.id, course.slug)!.cohortId).toBeNull();
		expect(listCohortCertificates(db, cohort.id, course.slug).map((c) => c.fields.fullName)).toEqual(['Nguyễn Thị Thu Hường']);
	});
});

describe('serial and register numbers', () => {
	beforeEach(() => setUp(openDatabase(':memory:')));

	const issue = (user: User, at: number, c: Course = course) => issueCertificate(db, { userId: user.id, course: c, completedAt: at, now: at })!;

	it('run per issuer and year; the register runs across years', () => {
		expect(issue(people[0]!, T0)).toMatchObject({ serial: '0001/2026/HY-PCMD', registerNumber: 1 });
		expect(issue(people[1]!, T0)).toMatchObject({ serial: '0002/2026/HY-PCMD', registerNumber: 2 });
		// 1 January 2027, 01:00 in Viet Nam
		expect(issue(people[2]!, Date.UTC(2026, 11, 31, 18))).toMatchObject({ serial: '0001/2027/HY-PCMD', registerNumber: 3 });
	});

	it('start again for another issuer', () => {
		const other = certified({ ...testCourse([lessonModule('mot', 1)]), slug: 'khoa-khac' }, 'Sở Y tế tỉnh Thái Nguyên', 'TN-{n}/{year}');
		syncCatalog(db, [course, other], T0);
		issue(people[0]!, T0);
		expect(issue(people[0]!, T0, other)).toMatchObject({ serial: 'TN-1/2026', registerNumber: 1 });
	});

	it('are never shared by two completions at once, from two server processes on one database', () => {
		const dir = mkdtempSync(join(tmpdir(), 'taphuan-certificates-'));
		try {
			setUp(openDatabase(join(dir, 'db.sqlite')));
			const second = openDatabase(join(dir, 'db.sqlite'));
			second.pragma('busy_timeout = 0');
			// the first process is inside the transaction that completes a course when the second's arrives
			db.transaction(() => {
				issueCertificate(db, { userId: people[0]!.id, course, completedAt: T0, now: T0 });
				expect(() => issueCertificate(second, { userId: people[1]!.id, course, completedAt: T0, now: T0 })).toThrow(/locked|busy/i);
			}).immediate();
			// it waits its turn (busy_timeout) and takes the next number
			const later = issueCertificate(second, { userId: people[1]!.id, course, completedAt: T0, now: T0 })!;
			expect(later).toMatchObject({ serial: '0002/2026/HY-PCMD', registerNumber: 2 });
			// and a number taken twice would be refused by the table itself
			expect(() =>
				second
					.prepare(
						`INSERT INTO certificate (user_id, course_id, issuer, serial_year, serial_number, serial, register_number, code, completed_at, issued_at, fields)
						 VALUES (?, ?, ?, 2026, 2, 'x', 99, 'y', 0, 0, '{}')`
					)
					.run(people[2]!.id, course.slug, ISSUER)
			).toThrow(/UNIQUE/);
			second.close();
			db.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('verification and revocation', () => {
	beforeEach(() => setUp(openDatabase(':memory:')));

	it('finds a certificate by its code, and nothing for a forged or malformed code', () => {
		const certificate = issueCertificate(db, { userId: people[0]!.id, course, completedAt: T0, now: T0 })!;
		expect(getCertificateByCode(db, certificate.code)?.id).toBe(certificate.id);
		const forged = (certificate.code[0] === 'A' ? 'B' : 'A') + certificate.code.slice(1);
		expect(getCertificateByCode(db, forged)).toBeNull();
		expect(getCertificateByCode(db, "' OR 1=1 --")).toBeNull();
		expect(verificationOf(certificate)).toEqual({
			status: 'valid',
			fullName: 'Nguyễn Thị Thu Hường',
			organisation: 'UBND xã Tân Hưng',
			courseTitle: course.title,
			completedAt: T0,
			issuedAt: T0,
			issuer: ISSUER,
			revokedAt: null
		});
	});

	it('finds a certificate by serial and full name, typed in any case, spacing or Unicode form', () => {
		const certificate = issueCertificate(db, { userId: people[0]!.id, course, completedAt: T0, now: T0 })!;
		expect(findCertificateBySerial(db, ' 0001/2026/HY-PCMD ', '  nguyễn thị   THU HƯỜNG ')?.id).toBe(certificate.id);
		expect(findCertificateBySerial(db, '0001/2026/HY-PCMD', 'Nguyễn Thị Thu Hường'.normalize('NFD'))?.id).toBe(certificate.id);
		expect(findCertificateBySerial(db, '0001/2026/HY-PCMD', 'Nguyễn Thị Thu Hương')).toBeNull();
		expect(findCertificateBySerial(db, '0002/2026/HY-PCMD', 'Nguyễn Thị Thu Hường')).toBeNull();
	});

	it('revokes once, with the reason kept in the history, and the verification then says revoked', () => {
		const certificate = issueCertificate(db, { userId: people[0]!.id, course, completedAt: T0, now: T0 })!;
		expect(revokeCertificate(db, certificate.id, people[2]!.id, 'Cấp nhầm người', T0 + MINUTE)).toBe(true);
		expect(revokeCertificate(db, certificate.id, people[2]!.id, 'Lần hai', T0 + 2 * MINUTE)).toBe(false);
		const revoked = getCertificateByCode(db, certificate.code)!;
		expect(revoked).toMatchObject({ revokedAt: T0 + MINUTE, revokedReason: 'Cấp nhầm người' });
		expect(verificationOf(revoked).status).toBe('revoked');
		expect(listCertificateEvents(db, certificate.id)).toEqual([
			{ kind: 'issued', at: T0, byUser: null, reason: null },
			{ kind: 'revoked', at: T0 + MINUTE, byUser: people[2]!.id, reason: 'Cấp nhầm người' }
		]);
	});
});

describe('the verification page guard', () => {
	beforeEach(() => setUp(openDatabase(':memory:')));

	it('finds real certificates at any pace, and locks an address that keeps guessing', async () => {
		const { verifyByCode, verifyBySerial, VERIFY_POLICY } = await import('./verify');
		const certificate = issueCertificate(db, { userId: people[0]!.id, course, completedAt: T0, now: T0 })!;
		for (let i = 0; i < 50; i++) expect(verifyByCode(db, certificate.code, '10.0.0.1', T0).kind).toBe('found');
		for (let i = 0; i < VERIFY_POLICY.maxFailures - 1; i++) expect(verifyByCode(db, 'A'.repeat(22), '10.0.0.2', T0).kind).toBe('notFound');
		expect(verifyBySerial(db, '0001/2026/HY-PCMD', 'Người Khác', '10.0.0.2', T0).kind).toBe('notFound');
		expect(verifyBySerial(db, '0001/2026/HY-PCMD', 'Nguyễn Thị Thu Hường', '10.0.0.2', T0)).toMatchObject({ kind: 'throttled' });
		expect(verifyByCode(db, certificate.code, '10.0.0.2', T0 + VERIFY_POLICY.lockMs + 1).kind).toBe('found');
		expect(verifyByCode(db, certificate.code, '10.0.0.1', T0).kind).toBe('found');
	});
});

describe('re-issue and manual issue', () => {
	beforeEach(() => setUp(openDatabase(':memory:')));

	it('re-issues with the corrected name under the same serial and code, keeping what was printed before', () => {
		const certificate = issueCertificate(db, { userId: people[0]!.id, course, completedAt: T0, now: T0 })!;
		expect(reissueCertificate(db, certificate.id, people[2]!.id, '  Nguyễn Thị Thu   Hương ', 'Sai dấu trong họ tên', T0 + MINUTE)).toBe(true);
		const after = getCertificateByCode(db, certificate.code)!;
		expect(after).toMatchObject({ id: certificate.id, serial: certificate.serial, registerNumber: certificate.registerNumber });
		expect(after.fields.fullName).toBe('Nguyễn Thị Thu Hương');
		expect(findCertificateBySerial(db, certificate.serial, 'Nguyễn Thị Thu Hương')?.id).toBe(certificate.id);
		expect(findCertificateBySerial(db, certificate.serial, 'Nguyễn Thị Thu Hường')).toBeNull();
		const events = db.prepare("SELECT kind, reason, fields FROM certificate_event WHERE certificate_id = ? ORDER BY id").all(certificate.id) as { kind: string; reason: string | null; fields: string }[];
		expect(events.map((e) => [e.kind, e.reason])).toEqual([['issued', null], ['reissued', 'Sai dấu trong họ tên']]);
		expect(JSON.parse(events[1]!.fields).fullName).toBe('Nguyễn Thị Thu Hường');
		revokeCertificate(db, certificate.id, people[2]!.id, 'Thu hồi', T0 + 2 * MINUTE);
		expect(reissueCertificate(db, certificate.id, people[2]!.id, 'Tên khác', 'x', T0 + 3 * MINUTE)).toBe(false);
	});

	it('issues by hand with the reason logged, once', () => {
		const certificate = issueCertificate(db, { userId: people[1]!.id, course, completedAt: T0, now: T0, byUser: people[2]!.id, reason: 'Học trực tiếp tại lớp' })!;
		expect(listCertificateEvents(db, certificate.id)).toEqual([{ kind: 'issued', at: T0, byUser: people[2]!.id, reason: 'Học trực tiếp tại lớp' }]);
		expect(issueCertificate(db, { userId: people[1]!.id, course, completedAt: T0, byUser: people[2]!.id, reason: 'Lần hai' })!.id).toBe(certificate.id);
		expect(count()).toBe(1);
	});
});
