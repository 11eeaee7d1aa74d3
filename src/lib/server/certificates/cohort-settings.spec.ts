import { beforeEach, describe, expect, it } from 'vitest';
import { syncCatalog } from '../courses/catalog';
import type { Course } from '../courses/loader';
import { lessonModule, testCourse } from '../courses/test-courses';
import { addMember, createCohort } from '../cohorts/service';
import { openDatabase, type Db } from '../db/open';
import { insertUser, type User } from '../users/service';
import { effectiveCertificateSettings, getCohortCertificateSettings, NO_OVERRIDES, parseSettingsInput, saveCohortCertificateSettings, type SettingsInput } from './cohort-settings';
import { MAX_SEAL_BYTES, readImage, sealImageProblem, storeImage } from './images';
import { issueCertificate } from './service';

const T0 = Date.UTC(2026, 5, 1, 8);
const input = (over: Partial<SettingsInput> = {}): SettingsInput => ({
	issuer: '',
	signerTitle: '',
	signerName: '',
	hours: '',
	serialFormat: '',
	studyFrom: '',
	studyTo: '',
	...over
});
// a 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('parsing the cohort form', () => {
	it('keeps empty fields as "the course value" and trims the rest', () => {
		expect(parseSettingsInput(input())).toEqual({ ok: true, value: { issuer: null, signerTitle: null, signerName: null, hours: null, serialFormat: null, studyFrom: null, studyTo: null } });
		const parsed = parseSettingsInput(input({ issuer: '  UBND huyện Văn Lâm ', hours: '7,5', serialFormat: 'VL-{n:3}/{year}', studyFrom: '2026-10-01', studyTo: '2026-11-30' }));
		expect(parsed).toMatchObject({ ok: true, value: { issuer: 'UBND huyện Văn Lâm', hours: 7.5, serialFormat: 'VL-{n:3}/{year}', studyFrom: '2026-10-01', studyTo: '2026-11-30' } });
	});

	it('names each field that is wrong, with the reason', () => {
		const result = parseSettingsInput(
			input({ issuer: 'x'.repeat(201), hours: '0', serialFormat: '{n}-HY', studyFrom: '2026-02-30', studyTo: '2026-03-01' })
		);
		expect(result).toEqual({
			ok: false,
			errors: { issuer: 'certificate.settings.tooLong.issuer', hours: 'certificate.settings.hours', serialFormat: 'certificate.settings.serialFormat', studyFrom: 'certificate.settings.date' }
		});
		expect(parseSettingsInput(input({ hours: 'mười' }))).toMatchObject({ errors: { hours: 'certificate.settings.hours' } });
		expect(parseSettingsInput(input({ hours: '2.3' }))).toMatchObject({ errors: { hours: 'certificate.settings.hours' } });
		expect(parseSettingsInput(input({ studyFrom: '2026-10-01' }))).toMatchObject({ errors: { studyTo: 'certificate.settings.periodBoth' } });
		expect(parseSettingsInput(input({ studyFrom: '2026-10-02', studyTo: '2026-10-01' }))).toMatchObject({ errors: { studyTo: 'certificate.settings.periodOrder' } });
	});
});

describe('seal images', () => {
	it('accepts a real PNG or JPEG under the limit, and nothing else', () => {
		expect(sealImageProblem(PNG)).toBeNull();
		expect(sealImageProblem(Buffer.alloc(0))).toBe('empty');
		expect(sealImageProblem(Buffer.concat([PNG, Buffer.alloc(MAX_SEAL_BYTES)]))).toBe('tooLarge');
		expect(sealImageProblem(Buffer.from('%PDF-1.7 not an image'))).toBe('notAnImage');
		// starts like a PNG, is not one: pdfkit could not draw it at download time
		expect(sealImageProblem(Buffer.concat([PNG.subarray(0, 8), Buffer.from('garbage')]))).toBe('notAnImage');
	});

	it('are stored once by content', () => {
		const db = openDatabase(':memory:');
		const a = storeImage(db, PNG);
		expect(storeImage(db, Buffer.from(PNG))).toBe(a);
		expect(db.prepare('SELECT count(*) FROM certificate_image').pluck().get()).toBe(1);
		expect(readImage(db, a)?.equals(PNG)).toBe(true);
	});
});

describe('a cohort over its course', () => {
	let db: Db;
	let course: Course;
	let learner: User;
	let cohortId: number;

	beforeEach(() => {
		db = openDatabase(':memory:');
		course = {
			...testCourse([lessonModule('mot', 1)]),
			certificate: { issuer: 'Sở Y tế tỉnh Hưng Yên', signerTitle: 'Giám đốc', signerName: null, hours: 24, serialFormat: '{n:4}/{year}/HY-PCMD', sealImage: null }
		};
		syncCatalog(db, [course], T0);
		learner = insertUser(db, { username: 'huong', displayName: 'Nguyễn Thị Thu Hường', password: '', role: 'learner', organisation: '', commune: '', province: '' }, 'x');
		cohortId = createCohort(db, { name: 'Lớp Văn Lâm', enrolCode: 'VL-1', courseIds: [course.slug], trainerIds: [], createdBy: null }).id;
		addMember(db, cohortId, learner.id, 'learner');
	});

	it('prints the cohort values where set and the course values elsewhere', () => {
		expect(effectiveCertificateSettings(course.certificate!, NO_OVERRIDES)).toMatchObject({ issuer: 'Sở Y tế tỉnh Hưng Yên', hours: 24, seal: null });
		const seal = storeImage(db, PNG);
		saveCohortCertificateSettings(
			db,
			cohortId,
			course.slug,
			{ ...NO_OVERRIDES, issuer: 'UBND huyện Văn Lâm', signerName: 'Trần Văn Bình', serialFormat: 'VL-{n:3}/{year}', studyFrom: '2026-10-01', studyTo: '2026-11-30', sealSha256: seal },
			learner.id,
			T0
		);
		const certificate = issueCertificate(db, { userId: learner.id, course, completedAt: T0, now: T0 })!;
		expect(certificate.serial).toBe('VL-001/2026');
		expect(certificate.issuer).toBe('UBND huyện Văn Lâm');
		expect(certificate.fields).toMatchObject({
			issuer: 'UBND huyện Văn Lâm',
			signerTitle: 'Giám đốc',
			signerName: 'Trần Văn Bình',
			hours: 24,
			studyFrom: '2026-10-01',
			studyTo: '2026-11-30',
			sealImage: seal
		});
	});

	it('changes nothing already issued, and all-empty settings go back to the course', () => {
		const before = issueCertificate(db, { userId: learner.id, course, completedAt: T0, now: T0 })!;
		saveCohortCertificateSettings(db, cohortId, course.slug, { ...NO_OVERRIDES, issuer: 'UBND huyện Văn Lâm' }, learner.id, T0);
		expect(issueCertificate(db, { userId: learner.id, course, completedAt: T0 })!.fields).toEqual(before.fields);
		saveCohortCertificateSettings(db, cohortId, course.slug, NO_OVERRIDES, learner.id, T0);
		expect(getCohortCertificateSettings(db, cohortId, course.slug)).toEqual(NO_OVERRIDES);
		expect(db.prepare('SELECT count(*) FROM cohort_certificate').pluck().get()).toBe(0);
	});
});
