// Certificates: issued once per learner and course when the course is completed (listener.ts,
// inside the transaction that completed it), numbered per issuing authority and year, looked up
// by their random code for the public verification page, listed per cohort as the register,
// revoked with a reason. What is printed is stored with the row, so the register, the PDF and the
// verification page say the same thing even after the learner edits their profile.
import { randomBytes } from 'node:crypto';
import type { Course } from '../courses/loader';
import type { Db } from '../db/open';
import { nfc } from '../text/nfc';
import { effectiveCertificateSettings, getCohortCertificateSettings, NO_OVERRIDES } from './cohort-settings';
import { storeImageFile } from './images';
import { formatSerial, yearInVietnam } from './serial';

/** Everything the certificate prints, as printed. */
export interface PrintedFields {
	language: 'vi' | 'en';
	fullName: string;
	organisation: string;
	commune: string;
	province: string;
	courseTitle: string;
	issuer: string;
	signerTitle: string;
	signerName: string | null;
	hours: number | null;
	serial: string;
	registerNumber: number;
	completedAt: number;
	issuedAt: number;
	/** the period of study the cohort's trainer set, YYYY-MM-DD (absent before cohort settings existed) */
	studyFrom?: string | null;
	studyTo?: string | null;
	/** SHA-256 of the seal image printed (certificates/images.ts); absent: certificates issued
	 * before seals were stored, which print the course's seal file */
	sealImage?: string | null;
}

export interface Certificate {
	id: number;
	userId: number;
	courseId: string;
	cohortId: number | null;
	issuer: string;
	serial: string;
	registerNumber: number;
	code: string;
	completedAt: number;
	issuedAt: number;
	fields: PrintedFields;
	revokedAt: number | null;
	revokedReason: string | null;
}

interface CertificateRow {
	id: number;
	user_id: number;
	course_id: string;
	cohort_id: number | null;
	issuer: string;
	serial: string;
	register_number: number;
	code: string;
	completed_at: number;
	issued_at: number;
	fields: string;
	revoked_at: number | null;
	revoked_reason: string | null;
}

const COLUMNS = `id, user_id, course_id, cohort_id, issuer, serial, register_number, code, completed_at, issued_at, fields,
	revoked_at, revoked_reason`;

function toCertificate(row: CertificateRow): Certificate {
	return {
		id: row.id,
		userId: row.user_id,
		courseId: row.course_id,
		cohortId: row.cohort_id,
		issuer: row.issuer,
		serial: row.serial,
		registerNumber: row.register_number,
		code: row.code,
		completedAt: row.completed_at,
		issuedAt: row.issued_at,
		fields: JSON.parse(row.fields) as PrintedFields,
		revokedAt: row.revoked_at,
		revokedReason: row.revoked_reason
	};
}

export function getCertificate(db: Db, id: number): Certificate | null {
	const row = db.prepare(`SELECT ${COLUMNS} FROM certificate WHERE id = ?`).get(id) as CertificateRow | undefined;
	return row ? toCertificate(row) : null;
}

export function getCertificateOfLearner(db: Db, userId: number, courseId: string): Certificate | null {
	const row = db.prepare(`SELECT ${COLUMNS} FROM certificate WHERE user_id = ? AND course_id = ?`).get(userId, courseId) as
		| CertificateRow
		| undefined;
	return row ? toCertificate(row) : null;
}

/** The learner's certificates, newest first. */
export function listCertificatesOfLearner(db: Db, userId: number): Certificate[] {
	const rows = db.prepare(`SELECT ${COLUMNS} FROM certificate WHERE user_id = ? ORDER BY issued_at DESC, id DESC`).all(userId) as CertificateRow[];
	return rows.map(toCertificate);
}

/** The register of a cohort's course: every certificate issued to its members, revoked ones too. */
export function listCohortCertificates(db: Db, cohortId: number, courseId: string): Certificate[] {
	const rows = db
		.prepare(
			`SELECT ${COLUMNS} FROM certificate
			 WHERE course_id = ? AND (cohort_id = ? OR user_id IN (SELECT user_id FROM cohort_member WHERE cohort_id = ? AND role = 'learner'))
			 ORDER BY register_number`
		)
		.all(courseId, cohortId, cohortId) as CertificateRow[];
	return rows.map(toCertificate);
}

/** 128 random bits: the verification address cannot be guessed from a serial or another code. */
function newCode(): string {
	return randomBytes(16).toString('base64url');
}

const CODE = /^[A-Za-z0-9_-]{22}$/;

export function getCertificateByCode(db: Db, code: string): Certificate | null {
	if (!CODE.test(code)) return null;
	const row = db.prepare(`SELECT ${COLUMNS} FROM certificate WHERE code = ?`).get(code) as CertificateRow | undefined;
	return row ? toCertificate(row) : null;
}

/** Names compared as people type them: any Unicode form, case, and spacing. */
export function sameName(a: string, b: string): boolean {
	const key = (s: string) => nfc(s).trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
	return key(a) === key(b);
}

/** The certificate with this serial issued to this full name; null when either does not match. */
export function findCertificateBySerial(db: Db, serial: string, fullName: string): Certificate | null {
	const rows = db.prepare(`SELECT ${COLUMNS} FROM certificate WHERE serial = ?`).all(nfc(serial).trim()) as CertificateRow[];
	const match = rows.map(toCertificate).find((c) => sameName(c.fields.fullName, fullName));
	return match ?? null;
}

interface IssueRequest {
	userId: number;
	course: Course;
	completedAt: number;
	now?: number;
	/** who issued it by hand; undefined when issued on completion */
	byUser?: number;
	reason?: string;
}

/**
 * Issues the learner's certificate for the course, once: a second call returns the first
 * certificate. Null when the course issues none. The serial and register numbers are the next
 * free ones for the issuer, taken inside this transaction, which holds SQLite's write lock (the
 * caller's immediate transaction, or its own), so two completions at once never share a number;
 * the table's UNIQUE constraints are the second guard.
 */
export function issueCertificate(db: Db, request: IssueRequest): Certificate | null {
	const courseSettings = request.course.certificate;
	if (!courseSettings) return null;
	const now = request.now ?? Date.now();
	return db
		.transaction((): Certificate | null => {
			const existing = getCertificateOfLearner(db, request.userId, request.course.slug);
			if (existing) return existing;
			const user = db
				.prepare('SELECT display_name, organisation, commune, province FROM user WHERE id = ?')
				.get(request.userId) as { display_name: string; organisation: string; commune: string; province: string } | undefined;
			if (!user) return null;
			const cohortId =
				(db
					.prepare(
						`SELECT m.cohort_id FROM cohort_member m JOIN cohort_course c ON c.cohort_id = m.cohort_id
						 WHERE m.user_id = ? AND m.role = 'learner' AND c.course_id = ? ORDER BY m.joined_at, m.cohort_id LIMIT 1`
					)
					.pluck()
					.get(request.userId, request.course.slug) as number | undefined) ?? null;
			const settings = effectiveCertificateSettings(
				courseSettings,
				cohortId === null ? NO_OVERRIDES : getCohortCertificateSettings(db, cohortId, request.course.slug)
			);
			const sealImage = settings.seal === null ? null : 'sha256' in settings.seal ? settings.seal.sha256 : storeImageFile(db, settings.seal.path);
			const year = yearInVietnam(now);
			const number =
				(db.prepare('SELECT max(serial_number) FROM certificate WHERE issuer = ? AND serial_year = ?').pluck().get(settings.issuer, year) as
					| number
					| null) ?? 0;
			const register =
				(db.prepare('SELECT max(register_number) FROM certificate WHERE issuer = ?').pluck().get(settings.issuer) as number | null) ?? 0;
			const serial = formatSerial(settings.serialFormat, number + 1, year);
			const fields: PrintedFields = {
				language: request.course.language,
				fullName: nfc(user.display_name),
				organisation: nfc(user.organisation),
				commune: nfc(user.commune),
				province: nfc(user.province),
				courseTitle: request.course.title,
				issuer: settings.issuer,
				signerTitle: settings.signerTitle,
				signerName: settings.signerName,
				hours: settings.hours,
				serial,
				registerNumber: register + 1,
				completedAt: request.completedAt,
				issuedAt: now,
				studyFrom: settings.studyFrom,
				studyTo: settings.studyTo,
				sealImage
			};
			const json = JSON.stringify(fields);
			const id = Number(
				db
					.prepare(
						`INSERT INTO certificate (user_id, course_id, cohort_id, issuer, serial_year, serial_number, serial, register_number, code,
						   completed_at, issued_at, fields)
						 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
					)
					.run(request.userId, request.course.slug, cohortId, settings.issuer, year, number + 1, serial, register + 1, newCode(), request.completedAt, now, json)
					.lastInsertRowid
			);
			db.prepare('INSERT INTO certificate_event (certificate_id, kind, at, by_user, reason, fields) VALUES (?, ?, ?, ?, ?, ?)').run(
				id,
				'issued',
				now,
				request.byUser ?? null,
				request.reason ?? null,
				json
			);
			return getCertificate(db, id);
		})
		.immediate();
}

/** Revokes a certificate with the reason given; false when it was already revoked. */
export function revokeCertificate(db: Db, id: number, byUser: number, reason: string, now = Date.now()): boolean {
	return db
		.transaction(() => {
			const changed = db
				.prepare('UPDATE certificate SET revoked_at = ?, revoked_by = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL')
				.run(now, byUser, nfc(reason).trim(), id).changes;
			if (changed) {
				db.prepare('INSERT INTO certificate_event (certificate_id, kind, at, by_user, reason) VALUES (?, ?, ?, ?, ?)').run(id, 'revoked', now, byUser, nfc(reason).trim());
			}
			return changed > 0;
		})
		.immediate();
}

/**
 * Re-issues a certificate after a correction of the name printed on it: same serial, same
 * register line, same verification code, the new name; the fields printed before are kept in
 * the history. The caller removes the stored PDF so the next download draws the new one.
 * False when the certificate is revoked (a revoked certificate is not re-issued).
 */
export function reissueCertificate(db: Db, id: number, byUser: number, fullName: string, reason: string, now = Date.now()): boolean {
	return db
		.transaction(() => {
			const certificate = getCertificate(db, id);
			if (!certificate || certificate.revokedAt !== null) return false;
			const fields: PrintedFields = { ...certificate.fields, fullName: nfc(fullName).trim().replace(/\s+/g, ' ') };
			db.prepare('UPDATE certificate SET fields = ? WHERE id = ?').run(JSON.stringify(fields), id);
			db.prepare('INSERT INTO certificate_event (certificate_id, kind, at, by_user, reason, fields) VALUES (?, ?, ?, ?, ?, ?)').run(
				id,
				'reissued',
				now,
				byUser,
				nfc(reason).trim(),
				JSON.stringify(certificate.fields)
			);
			return true;
		})
		.immediate();
}

export interface CertificateEvent {
	kind: 'issued' | 'revoked' | 'reissued';
	at: number;
	byUser: number | null;
	reason: string | null;
}

export function listCertificateEvents(db: Db, id: number): CertificateEvent[] {
	const rows = db
		.prepare('SELECT kind, at, by_user, reason FROM certificate_event WHERE certificate_id = ? ORDER BY at, id')
		.all(id) as { kind: CertificateEvent['kind']; at: number; by_user: number | null; reason: string | null }[];
	return rows.map((r) => ({ kind: r.kind, at: r.at, byUser: r.by_user, reason: r.reason }));
}

/** What the public verification page may show: nothing beyond the issue's list. */
export interface Verification {
	status: 'valid' | 'revoked';
	fullName: string;
	organisation: string;
	courseTitle: string;
	completedAt: number;
	issuedAt: number;
	issuer: string;
	revokedAt: number | null;
}

export function verificationOf(certificate: Certificate): Verification {
	const { fields } = certificate;
	return {
		status: certificate.revokedAt === null ? 'valid' : 'revoked',
		fullName: fields.fullName,
		organisation: fields.organisation,
		courseTitle: fields.courseTitle,
		completedAt: fields.completedAt,
		issuedAt: fields.issuedAt,
		issuer: fields.issuer,
		revokedAt: certificate.revokedAt
	};
}
