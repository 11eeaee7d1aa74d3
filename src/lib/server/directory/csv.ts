// The directory as a CSV file, both ways, with the roster import's rules (../roster): the same
// CSV reader and writer (BOM, `;` or `,`, Excel-safe cells), headers matched with or without tone
// marks, the same limits, every problem reported by line, and nothing stored unless every line is
// right. The export carries each entry's ID, so a file downloaded, edited and uploaded again
// updates the entries it came from instead of adding them twice.
import type { MessageKey, Params } from '$lib/i18n';
import { SERVICE_TYPES, serviceTypeKey, type ServiceType } from '$lib/directory/types';
import { translate } from '$lib/server/i18n';
import { readCsv } from '../csv/read';
import { toCsv } from '../csv/write';
import type { Db } from '../db/open';
import { foldHeader } from '../roster/columns';
import { isSpreadsheet, MAX_ROSTER_BYTES, MAX_ROSTER_ROWS } from '../roster/read';
import { entrySchema, LIMITS, PHONE } from './form';
import { createEntry, getEntry, listEntries, todayInVietnam, updateEntry, type Check, type DirectoryEntry, type EntryInput } from './service';

export const MAX_DIRECTORY_BYTES = MAX_ROSTER_BYTES;
export const MAX_DIRECTORY_ROWS = MAX_ROSTER_ROWS;

type Field = 'id' | keyof EntryInput | 'checkedOn' | 'checkedByName';

interface Column {
	field: Field;
	required: boolean;
	/** accepted headers: the Vietnamese the export writes, the English, then other spellings */
	names: [string, string, ...string[]];
}

export const DIRECTORY_COLUMNS: readonly Column[] = [
	{ field: 'id', required: false, names: ['Mã', 'ID'] },
	{ field: 'serviceType', required: true, names: ['Loại dịch vụ', 'Service type', 'Loại', 'Type'] },
	{ field: 'name', required: true, names: ['Tên cơ sở, đơn vị', 'Name', 'Tên', 'Tên cơ sở', 'Tên đơn vị'] },
	{ field: 'address', required: false, names: ['Địa chỉ', 'Address'] },
	{ field: 'commune', required: false, names: ['Xã, phường, đặc khu', 'Commune', 'Xã, phường', 'Xã', 'Phường', 'Ward'] },
	{ field: 'phone', required: false, names: ['Số điện thoại', 'Phone', 'Điện thoại', 'SĐT', 'Telephone'] },
	{ field: 'hours', required: false, names: ['Giờ làm việc', 'Opening hours', 'Hours'] },
	{ field: 'cost', required: false, names: ['Chi phí', 'Cost'] },
	{ field: 'notes', required: false, names: ['Ghi chú', 'Notes'] },
	{ field: 'checkedOn', required: false, names: ['Kiểm tra lần cuối', 'Last checked', 'Ngày kiểm tra'] },
	{ field: 'checkedByName', required: false, names: ['Người kiểm tra', 'Checked by'] }
];

const FIELD_BY_HEADER = new Map(DIRECTORY_COLUMNS.flatMap((c) => c.names.map((name) => [foldHeader(name), c.field] as const)));

export interface DirectoryProblem {
	line?: number;
	key: Extract<MessageKey<'directory'>, `directory.csv.${string}`>;
	params?: Params;
}

export interface DirectoryReport {
	problems: DirectoryProblem[];
	problemCount: number;
}

/** As the roster's report: the first 200 problems in line order are enough to start fixing. */
const MAX_REPORTED = 200;

function toReport(problems: DirectoryProblem[]): DirectoryReport {
	const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
	return { problems: sorted.slice(0, MAX_REPORTED), problemCount: problems.length };
}

export function tooLargeReport(): DirectoryReport {
	return toReport([{ key: 'directory.csv.tooLarge', params: { max: MAX_DIRECTORY_BYTES / 1_000_000 } }]);
}

/** A type as a file may write it: the code, or its Vietnamese or English name, tone marks optional. */
const TYPE_BY_NAME = new Map<string, ServiceType>(
	SERVICE_TYPES.flatMap((type) =>
		[type, translate('vi', serviceTypeKey(type)), translate('en', serviceTypeKey(type))].map((name) => [foldHeader(name), type] as const)
	)
);

/** "2026-06-30" or "30/06/2026" (also 30-06-2026, 30.06.2026) → "2026-06-30"; null when not a real day. */
export function readDate(text: string): string | null {
	const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
	const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
	const [year, month, day] = iso ? [iso[1], iso[2], iso[3]].map(Number) : dmy ? [dmy[3], dmy[2], dmy[1]].map(Number) : [];
	if (!year || !month || !day) return null;
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
	return date.toISOString().slice(0, 10);
}

/**
 * The export guards cells a spreadsheet would run ("+84 …" becomes "'+84 …", ../csv/write.ts);
 * reading the file back takes the guard off, so a downloaded file imports unchanged.
 */
function unescapeFormula(text: string): string {
	return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export interface DirectoryRow {
	line: number;
	id: number | null;
	input: EntryInput;
	/** the check the file records, or null when it records none */
	check: Check | null;
}

export type DirectoryRead = { ok: true; rows: DirectoryRow[] } | ({ ok: false } & DirectoryReport);

const refuse = (problem: DirectoryProblem): DirectoryRead => ({ ok: false, ...toReport([problem]) });

/** Reads and checks the whole file against the database's entries (for the IDs); stores nothing. */
export function readDirectoryCsv(db: Db, bytes: Uint8Array, today = todayInVietnam()): DirectoryRead {
	if (bytes.length > MAX_DIRECTORY_BYTES) return { ok: false, ...tooLargeReport() };
	if (isSpreadsheet(bytes)) return refuse({ key: 'directory.csv.spreadsheet' });
	const csv = readCsv(bytes);
	if (!csv.ok) {
		if (csv.problem === 'notUtf8') return refuse({ key: 'directory.csv.notUtf8' });
		if (csv.problem === 'empty') return refuse({ key: 'directory.csv.empty' });
		return refuse({ line: csv.line, key: 'directory.csv.malformed' });
	}
	const records = csv.rows.filter((record) => record.cells.some((cell) => cell !== ''));
	if (records.length > MAX_DIRECTORY_ROWS) {
		return refuse({ key: 'directory.csv.tooManyRows', params: { n: records.length, max: MAX_DIRECTORY_ROWS } });
	}
	const problems: DirectoryProblem[] = [];
	const columns: Partial<Record<Field, { index: number; header: string }>> = {};
	csv.header.forEach((text, index) => {
		const field = FIELD_BY_HEADER.get(foldHeader(text));
		if (!field) return;
		const earlier = columns[field];
		if (earlier) problems.push({ line: 1, key: 'directory.csv.duplicateColumn', params: { column: earlier.header, other: text } });
		else columns[field] = { index, header: text };
	});
	for (const column of DIRECTORY_COLUMNS) {
		if (column.required && !columns[column.field]) {
			problems.push({ key: 'directory.csv.missingColumn', params: { column: column.names[0], english: column.names[1] } });
		}
	}
	if (problems.length) return { ok: false, ...toReport(problems) };
	if (records.length === 0) return refuse({ key: 'directory.csv.noRows' });

	const rows: DirectoryRow[] = [];
	const idLines = new Map<number, number>();
	for (const { line, cells } of records) {
		const cell = (field: Field) => {
			const column = columns[field];
			return column ? unescapeFormula((cells[column.index] ?? '').trim()) : '';
		};
		const header = (field: Field) => columns[field]?.header ?? field;
		const rowProblems: DirectoryProblem[] = [];
		const typeText = cell('serviceType');
		const type = TYPE_BY_NAME.get(foldHeader(typeText));
		if (typeText === '') rowProblems.push({ line, key: 'directory.csv.blank', params: { column: header('serviceType') } });
		else if (!type) rowProblems.push({ line, key: 'directory.csv.unknownType', params: { value: typeText } });
		const parsed = entrySchema.safeParse({
			serviceType: type ?? SERVICE_TYPES[0],
			name: cell('name'),
			address: cell('address'),
			commune: cell('commune'),
			phone: cell('phone'),
			hours: cell('hours'),
			cost: cell('cost'),
			notes: cell('notes')
		});
		if (!parsed.success) {
			const seen = new Set<string>();
			for (const issue of parsed.error.issues) {
				const field = String(issue.path[0]) as keyof EntryInput;
				if (seen.has(field)) continue;
				seen.add(field);
				if (issue.message === 'form.required') rowProblems.push({ line, key: 'directory.csv.blank', params: { column: header(field) } });
				else if (issue.message === 'form.tooLong') rowProblems.push({ line, key: 'directory.csv.tooLong', params: { column: header(field), max: LIMITS[field as keyof typeof LIMITS] } });
				else if (field === 'phone') rowProblems.push({ line, key: 'directory.csv.badPhone', params: { value: cell('phone') } });
			}
		}
		let check: Check | null = null;
		const dateText = cell('checkedOn');
		if (dateText) {
			const on = readDate(dateText);
			if (!on) rowProblems.push({ line, key: 'directory.csv.badDate', params: { value: dateText } });
			else if (on > today) rowProblems.push({ line, key: 'directory.csv.futureDate', params: { value: dateText } });
			else check = { on, byName: cell('checkedByName').slice(0, LIMITS.name), byUser: null };
		}
		let id: number | null = null;
		const idText = cell('id');
		if (idText) {
			id = /^\d{1,15}$/.test(idText) ? Number(idText) : -1;
			const earlier = idLines.get(id);
			if (id < 0 || !getEntry(db, id)) rowProblems.push({ line, key: 'directory.csv.unknownId', params: { value: idText } });
			else if (earlier !== undefined) rowProblems.push({ line, key: 'directory.csv.repeatedId', params: { value: idText, other: earlier } });
			else idLines.set(id, line);
		}
		if (rowProblems.length || !parsed.success || !type) problems.push(...rowProblems);
		else rows.push({ line, id, input: { ...parsed.data, serviceType: type }, check });
	}
	if (problems.length) return { ok: false, ...toReport(problems) };
	return { ok: true, rows };
}

export type DirectoryImport = { ok: true; added: number; updated: number } | ({ ok: false } & DirectoryReport);

/** The whole import: every line checked, then all written in one transaction, or none. */
export function importDirectoryCsv(db: Db, bytes: Uint8Array, now = Date.now()): DirectoryImport {
	return db
		.transaction((): DirectoryImport => {
			// read inside the write transaction: an entry deleted meanwhile is reported, not recreated
			const read = readDirectoryCsv(db, bytes, todayInVietnam(now));
			if (!read.ok) return read;
			let added = 0;
			let updated = 0;
			for (const row of read.rows) {
				if (row.id === null) {
					createEntry(db, row.input, row.check, now);
					added++;
				} else {
					updateEntry(db, row.id, row.input, row.check, now);
					updated++;
				}
			}
			return { ok: true, added, updated };
		})
		.immediate();
}

/** Every entry, Vietnamese headers and type names, so the file reads well and imports back. */
export function directoryCsv(entries: DirectoryEntry[]): string {
	return toCsv(
		DIRECTORY_COLUMNS.map((column) => column.names[0]),
		entries.map((entry) => [
			entry.id,
			translate('vi', serviceTypeKey(entry.serviceType)),
			entry.name,
			entry.address,
			entry.commune,
			entry.phone,
			entry.hours,
			entry.cost,
			entry.notes,
			entry.checkedOn ?? '',
			entry.checkedByName
		])
	);
}

export function exportDirectory(db: Db): string {
	return directoryCsv(listEntries(db));
}
