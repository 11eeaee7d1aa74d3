// What one cohort's certificates print instead of the course's defaults: another issuing
// authority or signer (a district running its own class), the hours of this class, its study
// period and its seal. Set by the cohort's trainer; an empty field keeps the course's value.
// Changes apply to certificates issued afterwards: an issued certificate keeps what it printed.
import type { CertificateSettings } from '../courses/loader';
import type { Db } from '../db/open';
import type { MessageKey } from '$lib/i18n';
import { serialFormatProblem } from './serial';

export interface CohortCertificateSettings {
	issuer: string | null;
	signerTitle: string | null;
	signerName: string | null;
	hours: number | null;
	serialFormat: string | null;
	sealSha256: string | null;
	/** YYYY-MM-DD, both or neither */
	studyFrom: string | null;
	studyTo: string | null;
}

export const NO_OVERRIDES: CohortCertificateSettings = {
	issuer: null,
	signerTitle: null,
	signerName: null,
	hours: null,
	serialFormat: null,
	sealSha256: null,
	studyFrom: null,
	studyTo: null
};

/** What a certificate of this cohort prints: the cohort's values over the course's. */
export interface EffectiveCertificateSettings {
	issuer: string;
	signerTitle: string;
	signerName: string | null;
	hours: number | null;
	serialFormat: string;
	/** the image printed as seal: one stored by content, or the course's own file */
	seal: { sha256: string } | { path: string } | null;
	studyFrom: string | null;
	studyTo: string | null;
}

interface Row {
	issuer: string | null;
	signer_title: string | null;
	signer_name: string | null;
	hours: number | null;
	serial_format: string | null;
	seal_sha256: string | null;
	study_from: string | null;
	study_to: string | null;
}

export function getCohortCertificateSettings(db: Db, cohortId: number, courseId: string): CohortCertificateSettings {
	const row = db
		.prepare(
			`SELECT issuer, signer_title, signer_name, hours, serial_format, seal_sha256, study_from, study_to
			 FROM cohort_certificate WHERE cohort_id = ? AND course_id = ?`
		)
		.get(cohortId, courseId) as Row | undefined;
	if (!row) return NO_OVERRIDES;
	return {
		issuer: row.issuer,
		signerTitle: row.signer_title,
		signerName: row.signer_name,
		hours: row.hours,
		serialFormat: row.serial_format,
		sealSha256: row.seal_sha256,
		studyFrom: row.study_from,
		studyTo: row.study_to
	};
}

export function effectiveCertificateSettings(course: CertificateSettings, cohort: CohortCertificateSettings): EffectiveCertificateSettings {
	return {
		issuer: cohort.issuer ?? course.issuer,
		signerTitle: cohort.signerTitle ?? course.signerTitle,
		signerName: cohort.signerName ?? course.signerName,
		hours: cohort.hours ?? course.hours,
		serialFormat: cohort.serialFormat ?? course.serialFormat,
		seal: cohort.sealSha256 ? { sha256: cohort.sealSha256 } : course.sealImage ? { path: course.sealImage } : null,
		studyFrom: cohort.studyFrom,
		studyTo: cohort.studyTo
	};
}

/** The form as submitted: every field text, empty meaning "the course's value". */
export interface SettingsInput {
	issuer: string;
	signerTitle: string;
	signerName: string;
	hours: string;
	serialFormat: string;
	studyFrom: string;
	studyTo: string;
}

export type SettingsErrors = Partial<Record<keyof SettingsInput, MessageKey>>;

const LIMITS = { issuer: 200, signerTitle: 100, signerName: 100, serialFormat: 60 } as const;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(text: string): boolean {
	const match = DATE.exec(text);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 2000 && year <= 2100;
}

/** The text fields checked and turned into settings (the seal is handled apart, as a file). */
export function parseSettingsInput(
	input: SettingsInput
): { ok: true; value: Omit<CohortCertificateSettings, 'sealSha256'> } | { ok: false; errors: SettingsErrors } {
	const errors: SettingsErrors = {};
	const text = (key: keyof typeof LIMITS) => {
		const value = input[key].trim();
		if (value.length > LIMITS[key]) errors[key] = `certificate.settings.tooLong.${key}`;
		return value === '' ? null : value;
	};
	const issuer = text('issuer');
	const signerTitle = text('signerTitle');
	const signerName = text('signerName');
	const serialFormat = text('serialFormat');
	if (serialFormat && !errors.serialFormat && serialFormatProblem(serialFormat)) errors.serialFormat = 'certificate.settings.serialFormat';
	const hoursText = input.hours.trim().replace(',', '.');
	const hours = hoursText === '' ? null : Number(hoursText);
	if (hours !== null && (!Number.isFinite(hours) || hours <= 0 || hours > 1000 || Math.round(hours * 2) !== hours * 2)) {
		errors.hours = 'certificate.settings.hours';
	}
	const studyFrom = input.studyFrom.trim() || null;
	const studyTo = input.studyTo.trim() || null;
	if (studyFrom !== null && !validDate(studyFrom)) errors.studyFrom = 'certificate.settings.date';
	if (studyTo !== null && !validDate(studyTo)) errors.studyTo = 'certificate.settings.date';
	if (!errors.studyFrom && !errors.studyTo) {
		if ((studyFrom === null) !== (studyTo === null)) errors[studyFrom === null ? 'studyFrom' : 'studyTo'] = 'certificate.settings.periodBoth';
		else if (studyFrom !== null && studyTo !== null && studyFrom > studyTo) errors.studyTo = 'certificate.settings.periodOrder';
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, value: { issuer, signerTitle, signerName, hours, serialFormat, studyFrom, studyTo } };
}

/** Saves the cohort's settings; all-empty settings remove the row (the course's values apply). */
export function saveCohortCertificateSettings(
	db: Db,
	cohortId: number,
	courseId: string,
	settings: CohortCertificateSettings,
	/** null: set by a tool (the demo generator), not a person */
	byUser: number | null,
	now = Date.now()
): void {
	const empty = Object.values(settings).every((v) => v === null);
	if (empty) {
		db.prepare('DELETE FROM cohort_certificate WHERE cohort_id = ? AND course_id = ?').run(cohortId, courseId);
		return;
	}
	db.prepare(
		`INSERT INTO cohort_certificate (cohort_id, course_id, issuer, signer_title, signer_name, hours, serial_format, seal_sha256,
		   study_from, study_to, updated_by, updated_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT (cohort_id, course_id) DO UPDATE SET issuer = excluded.issuer, signer_title = excluded.signer_title,
		   signer_name = excluded.signer_name, hours = excluded.hours, serial_format = excluded.serial_format,
		   seal_sha256 = excluded.seal_sha256, study_from = excluded.study_from, study_to = excluded.study_to,
		   updated_by = excluded.updated_by, updated_at = excluded.updated_at`
	).run(
		cohortId,
		courseId,
		settings.issuer,
		settings.signerTitle,
		settings.signerName,
		settings.hours,
		settings.serialFormat,
		settings.sealSha256,
		settings.studyFrom,
		settings.studyTo,
		byUser,
		now
	);
}
