// Reads a CSV file a person made in Excel, LibreOffice or Google Sheets: UTF-8 with or without a
// byte-order mark, comma or semicolon separated (Excel in a Vietnamese locale writes `;`), quoted
// fields with embedded separators, quotes and line breaks. Anything that is not valid UTF-8 is
// refused rather than guessed at, because a wrongly decoded name would be stored for good.
import Papa from 'papaparse';
import { nfc } from '../text/nfc';

export type CsvReadResult =
	| { ok: true; header: string[]; rows: { line: number; cells: string[] }[] }
	| { ok: false; problem: 'notUtf8' | 'empty' | 'malformed'; line?: number };

export function readCsv(bytes: Uint8Array): CsvReadResult {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, problem: 'notUtf8' };
	}
	// one Unicode form (../text/nfc.ts): an organisation typed in NFD in one row and NFC in
	// another is one organisation
	text = nfc(text.replace(/^\uFEFF/, ''));
	if (text.trim() === '') return { ok: false, problem: 'empty' };
	const firstLine = text.slice(0, text.search(/\r?\n|$/));
	const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
	// Papa reports where each record ends (meta.cursor); from that, the line it starts on, so a
	// report can say "dòng 12" even when a quoted field above spans several lines.
	const records: { cells: string[]; start: number }[] = [];
	let malformedAt: number | null = null;
	let previousEnd = 0;
	Papa.parse<string[]>(text, {
		delimiter,
		// Empty rows are skipped here rather than by Papa: Papa skips them before `step`, so the
		// cursor would not pass them and every later record would get too small a line number.
		skipEmptyLines: false,
		step: (result) => {
			if (malformedAt === null && result.errors.some((e) => e.type === 'Quotes')) malformedAt = previousEnd;
			// blank lines, and the rows of bare separators (",,,,") Excel writes for empty rows
			if (result.data.join('').trim() !== '') records.push({ cells: result.data, start: previousEnd });
			previousEnd = result.meta.cursor;
		}
	});
	const lineAt = (offset: number) => {
		// the record begins after any line breaks left over from the previous one
		const begin = offset + (text.slice(offset).match(/^[\r\n\s]*/)?.[0].length ?? 0);
		let line = 1;
		for (let i = 0; i < begin; i++) if (text.charCodeAt(i) === 10) line++;
		return line;
	};
	if (malformedAt !== null) return { ok: false, problem: 'malformed', line: lineAt(malformedAt) };
	const [header, ...data] = records;
	if (!header) return { ok: false, problem: 'empty' };
	return {
		ok: true,
		header: header.cells.map((h) => h.trim()),
		rows: data.map((record) => ({ line: lineAt(record.start), cells: record.cells.map((c) => c.trim()) }))
	};
}
