// The files a trainer downloads around an import: the template to fill in, and afterwards the
// list of accounts with their temporary passwords. The password list is never stored: the page
// that showed it posts it back (see routes/manage/cohorts/[id]/import/passwords.csv).
import { z } from 'zod';
import type { Locale } from '$lib/i18n';
import { translate } from '$lib/server/i18n';
import { toCsv } from '../csv/write';
import { ROSTER_COLUMNS } from './columns';
import type { ImportedLearner } from './import';
import { MAX_ROSTER_ROWS } from './read';

/** Vietnamese headers and one example row; the password is left empty, so one is generated. */
export function rosterTemplateCsv(): string {
	const example: Record<string, string> = {
		username: 'nguyenthilan',
		displayName: 'Nguyễn Thị Lan',
		organisation: 'Hội LHPN xã Tân Hưng',
		commune: 'xã Tân Hưng',
		province: 'Hưng Yên',
		password: ''
	};
	return toCsv(
		ROSTER_COLUMNS.map((column) => column.names[0]),
		[ROSTER_COLUMNS.map((column) => example[column.field])]
	);
}

export const passwordSheetSchema = z
	.array(
		z.object({
			username: z.string().max(64),
			displayName: z.string().max(200),
			temporaryPassword: z.string().max(128).nullable()
		})
	)
	.max(MAX_ROSTER_ROWS);

/** The sheet posted back as JSON, or null when it is not one. */
export function parsePasswordSheet(json: unknown): ImportedLearner[] | null {
	if (typeof json !== 'string') return null;
	try {
		const parsed = passwordSheetSchema.safeParse(JSON.parse(json));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

export function passwordSheetCsv(learners: ImportedLearner[], signInUrl: string, locale: Locale): string {
	const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
	return toCsv(
		[t('account.displayName'), t('account.username'), t('account.temporaryPassword'), t('roster.signInAt')],
		learners.map((learner) => [
			learner.displayName,
			learner.username,
			learner.temporaryPassword ?? t('roster.passwordFromFile'),
			signInUrl
		])
	);
}
