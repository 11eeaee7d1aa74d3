// From the uploaded bytes to rows that are each valid and unique within the file, or the report
// of everything wrong with it. Limits come first, before any parsing, so a large upload costs
// nothing but the refusal.
import { readCsv } from '../csv/read';
import { mapHeader } from './columns';
import { findRepeatedUsernames } from './duplicates';
import { toReport, type RosterProblem, type RosterReport } from './problems';
import { validateRow, type RosterRow } from './rows';

/**
 * 1 MB holds 5,000 rows of long Vietnamese names and still fits inside the server's request
 * limit (BODY_SIZE_LIMIT, 1M by default in scripts/start.js) with room for the form around it.
 */
export const MAX_ROSTER_BYTES = 1_000_000;
export const MAX_ROSTER_ROWS = 5_000;

export type RosterRead = { ok: true; rows: RosterRow[] } | ({ ok: false } & RosterReport);

const refuse = (problem: RosterProblem, rowCount = 0): RosterRead => ({ ok: false, ...toReport(rowCount, [problem]) });

export function tooLargeReport(): RosterReport {
	return toReport(0, [{ key: 'roster.tooLarge', params: { max: MAX_ROSTER_BYTES / 1_000_000 } }]);
}

/** Excel workbooks (.xlsx is a zip, .xls an OLE file) are the commonest wrong upload. */
export function isSpreadsheet(bytes: Uint8Array): boolean {
	const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
	return starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0);
}

/**
 * `checkRows` adds checks on the rows that are valid by themselves (the import passes the
 * database's usernames), so one report holds every problem and one round of fixes is enough.
 */
export function readRoster(bytes: Uint8Array, checkRows: (rows: RosterRow[]) => RosterProblem[] = () => []): RosterRead {
	if (bytes.length > MAX_ROSTER_BYTES) return { ok: false, ...tooLargeReport() };
	if (isSpreadsheet(bytes)) return refuse({ key: 'roster.spreadsheet' });
	const csv = readCsv(bytes);
	if (!csv.ok) {
		if (csv.problem === 'notUtf8') return refuse({ key: 'roster.notUtf8' });
		if (csv.problem === 'empty') return refuse({ key: 'roster.empty' });
		return refuse({ line: csv.line, key: 'roster.malformed' });
	}
	// rows of nothing but separators are what Excel leaves below a list
	const records = csv.rows.filter((record) => record.cells.some((cell) => cell !== ''));
	if (records.length > MAX_ROSTER_ROWS) {
		return refuse({ key: 'roster.tooManyRows', params: { n: records.length, max: MAX_ROSTER_ROWS } }, records.length);
	}
	const header = mapHeader(csv.header);
	if (!header.ok) return { ok: false, ...toReport(records.length, header.problems) };
	if (records.length === 0) return refuse({ key: 'roster.noRows' });
	const rows: RosterRow[] = [];
	const problems: RosterProblem[] = [];
	for (const record of records) {
		const result = validateRow(record.line, record.cells, header.columns);
		if (result.ok) rows.push(result.row);
		else problems.push(...result.problems);
	}
	problems.push(...findRepeatedUsernames(rows), ...checkRows(rows));
	if (problems.length) return { ok: false, ...toReport(records.length, problems) };
	return { ok: true, rows };
}
