// Which column of a roster file holds what. Trainers type headers by hand, in Vietnamese or
// English, with or without diacritics, so headers are compared in a folded form:
// "Họ và tên", "HO VA TEN" and "ho-va-ten" are the same column. Other columns (STT…) are ignored.
import type { RosterField, RosterProblem } from './problems';

export interface RosterColumn {
	field: RosterField;
	required: boolean;
	/** accepted headers; the first is the Vietnamese name the template uses, the second the English */
	names: [string, string, ...string[]];
}

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
	{ field: 'username', required: true, names: ['Tên đăng nhập', 'Username', 'Tài khoản', 'User name', 'Login'] },
	{ field: 'displayName', required: true, names: ['Họ và tên', 'Full name', 'Họ tên', 'Name', 'Display name'] },
	{
		field: 'organisation',
		required: true,
		names: ['Cơ quan, đơn vị', 'Organisation', 'Organization', 'Cơ quan', 'Đơn vị']
	},
	{
		field: 'commune',
		required: true,
		names: ['Xã, phường', 'Commune', 'Ward', 'Commune/ward', 'Xã, phường, đặc khu', 'Xã', 'Phường']
	},
	{ field: 'province', required: true, names: ['Tỉnh, thành phố', 'Province', 'Tỉnh', 'Tỉnh, thành'] },
	{ field: 'password', required: false, names: ['Mật khẩu', 'Password'] }
];

/** "Xã, Phường" → "xaphuong": no case, no diacritics (đ is a letter of its own), no punctuation. */
export function foldHeader(header: string): string {
	return header
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/đ/g, 'd')
		.replace(/[^a-z0-9]/g, '');
}

const FIELD_BY_NAME = new Map(
	ROSTER_COLUMNS.flatMap((column) => column.names.map((name) => [foldHeader(name), column.field] as const))
);

/** For each field, the index of its column and the header as the file spells it. */
export type ColumnMap = Partial<Record<RosterField, { index: number; header: string }>>;

export type HeaderResult = { ok: true; columns: ColumnMap } | { ok: false; problems: RosterProblem[] };

export function mapHeader(header: string[]): HeaderResult {
	const columns: ColumnMap = {};
	const problems: RosterProblem[] = [];
	header.forEach((text, index) => {
		const field = FIELD_BY_NAME.get(foldHeader(text));
		if (!field) return;
		const earlier = columns[field];
		if (earlier) {
			problems.push({ line: 1, key: 'roster.duplicateColumn', params: { column: earlier.header, other: text } });
		} else {
			columns[field] = { index, header: text };
		}
	});
	for (const column of ROSTER_COLUMNS) {
		if (column.required && !columns[column.field]) {
			problems.push({ key: 'roster.missingColumn', params: { column: column.names[0], english: column.names[1] } });
		}
	}
	return problems.length ? { ok: false, problems } : { ok: true, columns };
}
