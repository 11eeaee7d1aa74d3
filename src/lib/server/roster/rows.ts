// One roster row against the rules a learner meets when registering: the same username pattern
// and normalisation, the same field lengths, the same password rules when a password is given.
import { z } from 'zod';
import { checkPasswordStrength, type PasswordProblem } from '../auth/password';
import { profileFields, usernameField } from '../users/schemas';
import type { ColumnMap } from './columns';
import type { RosterField, RosterProblem } from './problems';

export interface RosterRow {
	line: number;
	/** normalised: trimmed and lower-case */
	username: string;
	displayName: string;
	organisation: string;
	commune: string;
	province: string;
	/** null: the system generates a temporary password */
	password: string | null;
}

const rowSchema = z.object({ username: usernameField, ...profileFields });

const PASSWORD_KEYS: Record<PasswordProblem, RosterProblem['key']> = {
	tooShort: 'roster.passwordTooShort',
	tooLong: 'roster.passwordTooLong',
	tooCommon: 'roster.passwordTooCommon'
};

export type RowResult = { ok: true; row: RosterRow } | { ok: false; problems: RosterProblem[] };

export function validateRow(line: number, cells: string[], columns: ColumnMap): RowResult {
	const cell = (field: RosterField) => {
		const column = columns[field];
		return column ? (cells[column.index] ?? '').trim() : '';
	};
	const header = (field: RosterField) => columns[field]?.header ?? field;
	const problems: RosterProblem[] = [];
	const parsed = rowSchema.safeParse({
		username: cell('username'),
		displayName: cell('displayName'),
		organisation: cell('organisation'),
		commune: cell('commune'),
		province: cell('province')
	});
	if (!parsed.success) {
		const seen = new Set<string>();
		for (const issue of parsed.error.issues) {
			const field = String(issue.path[0]) as RosterField;
			if (seen.has(field)) continue;
			seen.add(field);
			const column = header(field);
			if (issue.message === 'form.required') {
				problems.push({ line, key: 'roster.blank', params: { column } });
			} else if (issue.code === 'too_big') {
				problems.push({ line, key: 'roster.tooLong', params: { column, max: Number(issue.maximum) } });
			} else if (field === 'username') {
				problems.push({ line, key: 'roster.usernameFormat', params: { username: cell('username') } });
			} else {
				problems.push({ line, key: 'roster.invalid', params: { column } });
			}
		}
	}
	const password = cell('password');
	const username = parsed.success ? parsed.data.username : cell('username').toLowerCase();
	const weakness = password ? checkPasswordStrength(password, username) : null;
	if (weakness) problems.push({ line, key: PASSWORD_KEYS[weakness] });
	if (!parsed.success || problems.length) return { ok: false, problems };
	return { ok: true, row: { line, ...parsed.data, password: password || null } };
}
