import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCsv } from './read';
import { csvDateTime, csvFileName, toCsv } from './write';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('toCsv', () => {
	it('starts with a byte-order mark and uses CRLF', () => {
		const csv = toCsv(['a', 'b'], [[1, 'x']]);
		expect(csv.startsWith('\uFEFFa,b\r\n1,x\r\n')).toBe(true);
	});

	it('neutralises cells a spreadsheet would run as formulas', () => {
		const csv = toCsv(['v'], [['=HYPERLINK("http://x","y")'], ['+1'], ['-2+3'], ['@SUM(A1)'], ['\tx'], ['bình thường']]);
		const [, ...rows] = Papa.parse<string[]>(csv.slice(1).trim(), { newline: '\r\n' }).data;
		expect(rows.map((r) => r[0])).toEqual(["'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'-2+3", "'@SUM(A1)", "'\tx", 'bình thường']);
	});

	it('quotes separators, quotes and line breaks, and round-trips Vietnamese text', () => {
		const row = ['Nguyễn Thị "Lan"', 'xã Tân Hưng, Hưng Yên', 'dòng 1\ndòng 2', 42, null];
		const csv = toCsv(['a', 'b', 'c', 'd', 'e'], [row]);
		const parsed = readCsv(bytes(csv));
		expect(parsed.ok && parsed.rows[0]!.cells).toEqual(['Nguyễn Thị "Lan"', 'xã Tân Hưng, Hưng Yên', 'dòng 1\ndòng 2', '42', '']);
	});

	it('writes times as Viet Nam date and time', () => {
		expect(csvDateTime(Date.UTC(2026, 10, 29, 2, 5))).toBe('2026-11-29 09:05');
		expect(csvDateTime(null)).toBe('');
	});

	it('names files by cohort, content and day', () => {
		expect(csvFileName('HY-2022-01', 'hoc-vien', Date.UTC(2026, 10, 29, 12))).toBe('lop-hy-2022-01_hoc-vien_2026-11-29.csv');
	});
});

describe('readCsv', () => {
	it('reads comma files with or without a byte-order mark', () => {
		for (const text of ['u,n\r\nan,An\r\n', '\uFEFFu,n\nan,An\n']) {
			const result = readCsv(bytes(text));
			expect(result).toEqual({ ok: true, header: ['u', 'n'], rows: [{ line: 2, cells: ['an', 'An'] }] });
		}
	});

	it('reads semicolon files (Excel in a Vietnamese locale)', () => {
		const result = readCsv(bytes('u;n;o\nan;An;"Hội LHPN; xã A"\n'));
		expect(result.ok && result.rows[0]!.cells).toEqual(['an', 'An', 'Hội LHPN; xã A']);
	});

	it('gives each record the line it starts on, across quoted line breaks and blank lines', () => {
		const result = readCsv(bytes('u,n\n"a","dòng\nhai"\n\n  \nb,B\n'));
		expect(result.ok && result.rows.map((r) => r.line)).toEqual([2, 6]);
	});

	it('skips rows of bare separators (empty rows in Excel) and still counts their lines', () => {
		const result = readCsv(bytes('u,n\na,A\n,\n , \n\nb,B\n'));
		expect(result.ok && result.rows).toEqual([
			{ line: 2, cells: ['a', 'A'] },
			{ line: 6, cells: ['b', 'B'] }
		]);
	});

	it('refuses text that is not UTF-8, empty files and broken quotes', () => {
		// "Nguyễn" in Windows-1258 is not valid UTF-8
		expect(readCsv(new Uint8Array([0x75, 0x0a, 0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e]))).toEqual({ ok: false, problem: 'notUtf8' });
		expect(readCsv(bytes(''))).toEqual({ ok: false, problem: 'empty' });
		expect(readCsv(bytes('\uFEFF \n\n'))).toEqual({ ok: false, problem: 'empty' });
		expect(readCsv(bytes('u,n\nan,An\nbi,"Bi\n'))).toMatchObject({ ok: false, problem: 'malformed', line: 3 });
	});
});
