// CSV files trainers open in Excel: UTF-8 with a byte-order mark (without it Excel reads
// Vietnamese as mojibake), CRLF line ends, and every text cell that a spreadsheet would run as a
// formula (= + - @, tab, carriage return first) prefixed with an apostrophe (OWASP's advice).
import Papa from 'papaparse';

export type Cell = string | number | null | undefined;

const BOM = '\uFEFF';

export function toCsv(header: string[], rows: Cell[][]): string {
	return BOM + Papa.unparse({ fields: header, data: rows.map((row) => row.map((cell) => cell ?? '')) }, { escapeFormulae: true, newline: '\r\n' }) + '\r\n';
}

/** `lop-hy-2022-01_hoc-vien_2026-11-29.csv`: which cohort, what, and the day it was taken. */
export function csvFileName(cohortCode: string, what: string, now = Date.now()): string {
	const day = new Date(now).toISOString().slice(0, 10);
	const code = cohortCode.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
	return `lop-${code}_${what}_${day}.csv`;
}

/** The response headers that make the browser download `fileName`. */
export function csvDownloadHeaders(fileName: string): Record<string, string> {
	return {
		'content-type': 'text/csv; charset=utf-8',
		'content-disposition': `attachment; filename="${fileName}"`,
		'cache-control': 'no-store'
	};
}

const SPREADSHEET_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });

/** "2026-11-29 09:00", Viet Nam time: a form every spreadsheet reads as a date and time. */
export function csvDateTime(ms: number | null): string {
	return ms === null ? '' : SPREADSHEET_TIME.format(ms);
}
