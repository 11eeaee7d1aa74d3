import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_PROBLEMS } from './problems';
import { MAX_ROSTER_BYTES, MAX_ROSTER_ROWS, readRoster } from './read';

const bytes = (text: string) => new TextEncoder().encode(text);
const HEADER = 'Tên đăng nhập,Họ và tên,Cơ quan,Xã,Tỉnh';
const line = (n: number) => `hocvien${n},Học viên ${n},Hội LHPN,xã Tân Hưng,Hưng Yên`;

describe('readRoster', () => {
	it('reads a semicolon file with a byte-order mark and quoted fields (Excel, Vietnamese locale)', () => {
		const text = '\uFEFFTên đăng nhập;Họ và tên;Cơ quan, đơn vị;Xã, phường;Tỉnh, thành phố;Mật khẩu\r\n' +
			'NguyenThiLan;Nguyễn Thị Lan;"Hội LHPN; xã Tân Hưng";xã Tân Hưng;Hưng Yên;\r\n' +
			'tranvanminh;"Trần Văn ""Minh""";Công an xã;phường Hiến Nam;Hưng Yên;xanh-la-cay-2022\r\n';
		expect(readRoster(bytes(text))).toEqual({
			ok: true,
			rows: [
				{ line: 2, username: 'nguyenthilan', displayName: 'Nguyễn Thị Lan', organisation: 'Hội LHPN; xã Tân Hưng', commune: 'xã Tân Hưng', province: 'Hưng Yên', password: null },
				{ line: 3, username: 'tranvanminh', displayName: 'Trần Văn "Minh"', organisation: 'Công an xã', commune: 'phường Hiến Nam', province: 'Hưng Yên', password: 'xanh-la-cay-2022' }
			]
		});
	});

	it('stores text typed in decomposed Unicode (NFD) in the one form the rest of the app uses (NFC)', () => {
		// some Vietnamese keyboards and macOS write "ộ" as "o" + two combining marks
		const text = `${HEADER}\n${line(1)}\n${line(2).replace('Hội LHPN', 'Hội LHPN'.normalize('NFD')).replace('Học viên', 'Học viên'.normalize('NFD'))}\n`;
		expect(text).not.toBe(text.normalize('NFC'));
		const result = readRoster(bytes(text.normalize('NFD')));
		expect(result.ok && result.rows.map((r) => [r.displayName, r.organisation, r.commune, r.province])).toEqual([
			['Học viên 1', 'Hội LHPN', 'xã Tân Hưng', 'Hưng Yên'],
			['Học viên 2', 'Hội LHPN', 'xã Tân Hưng', 'Hưng Yên']
		]);
		expect(result.ok && result.rows[1]!.organisation).toBe(result.ok && result.rows[0]!.organisation);
	});

	it('reads a comma file without a byte-order mark, skipping the empty rows Excel leaves below a list', () => {
		const result = readRoster(bytes(`${HEADER}\n${line(1)}\n,,,,\n , ,\n${line(2)}\n,,,,\n`));
		expect(result.ok && result.rows.map((r) => [r.line, r.username])).toEqual([[2, 'hocvien1'], [5, 'hocvien2']]);
	});

	it('reports problems with their line numbers, duplicates inside the file on both lines, and imports nothing', () => {
		const text = [HEADER, line(1), 'ab,Tên ngắn,Hội,xã,tỉnh', line(3), ',Không tên đăng nhập,Hội,xã,tỉnh', line(1).replace('hocvien1', 'HocVien1')].join('\n');
		expect(readRoster(bytes(text))).toEqual({
			ok: false,
			rowCount: 5,
			problemCount: 4,
			problems: [
				{ line: 2, key: 'roster.usernameRepeated', params: { username: 'hocvien1', others: '6' } },
				{ line: 3, key: 'roster.usernameFormat', params: { username: 'ab' } },
				{ line: 5, key: 'roster.blank', params: { column: 'Tên đăng nhập' } },
				{ line: 6, key: 'roster.usernameRepeated', params: { username: 'hocvien1', others: '2' } }
			]
		});
	});

	it('counts lines from the top of the file, across quoted line breaks', () => {
		const text = `${HEADER}\n${line(1)}\nhocvien2,"Học viên\nhai dòng",Hội,xã,tỉnh\nx,Sai,Hội,xã,tỉnh\n`;
		const result = readRoster(bytes(text));
		expect(!result.ok && result.problems).toEqual([{ line: 5, key: 'roster.usernameFormat', params: { username: 'x' } }]);
	});

	it('names the missing columns', () => {
		const result = readRoster(bytes('Tên đăng nhập,Họ và tên\nlan,Lan\n'));
		expect(!result.ok && result.problems.map((p) => p.params?.column)).toEqual(['Cơ quan, đơn vị', 'Xã, phường', 'Tỉnh, thành phố']);
	});

	it('refuses empty files, a header with no learners, broken quotes and text that is not UTF-8', () => {
		const refusal = (input: Uint8Array) => {
			const result = readRoster(input);
			return result.ok ? null : result.problems;
		};
		expect(refusal(bytes(''))).toEqual([{ key: 'roster.empty' }]);
		expect(refusal(bytes('\uFEFF\r\n \r\n'))).toEqual([{ key: 'roster.empty' }]);
		expect(refusal(bytes(`${HEADER}\r\n,,,,\r\n`))).toEqual([{ key: 'roster.noRows' }]);
		expect(refusal(bytes(`${HEADER.replaceAll(',', ';')}\r\n;;;;\r\n`))).toEqual([{ key: 'roster.noRows' }]);
		expect(refusal(bytes(`${HEADER}\n${line(1)}\nhocvien2,"Học viên 2,Hội,xã,tỉnh\n`))).toEqual([{ line: 3, key: 'roster.malformed' }]);
		// "Nguyễn" saved by an old Excel in Windows-1258
		expect(refusal(new Uint8Array([...bytes(`${HEADER}\nlan,`), 0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x0a]))).toEqual([{ key: 'roster.notUtf8' }]);
	});

	it('recognises an Excel workbook uploaded instead of a CSV', () => {
		const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
		const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		for (const file of [xlsx, xls]) expect(readRoster(file)).toMatchObject({ ok: false, problems: [{ key: 'roster.spreadsheet' }] });
	});

	it('refuses files over the size limit before reading them', () => {
		const garbage = new Uint8Array(MAX_ROSTER_BYTES + 1).fill(0x41);
		expect(readRoster(garbage)).toEqual({ ok: false, rowCount: 0, problemCount: 1, problems: [{ key: 'roster.tooLarge', params: { max: 1 } }] });
	});

	it('refuses more rows than the limit', () => {
		const lines = Array.from({ length: MAX_ROSTER_ROWS + 1 }, (_, i) => `h${i},H,O,C,P`);
		const result = readRoster(bytes(['u,name,organisation,commune,province', ...lines].join('\n')));
		expect(result).toMatchObject({ ok: false, rowCount: MAX_ROSTER_ROWS + 1, problems: [{ key: 'roster.tooManyRows', params: { n: MAX_ROSTER_ROWS + 1, max: MAX_ROSTER_ROWS } }] });
		// the same file is fine up to the limit, as far as the limit goes (u is not a username column)
		const atLimit = readRoster(bytes(['username,name,organisation,commune,province', ...lines.slice(1).map((l) => l.replace(/^h/, 'hv'))].join('\n')));
		expect(atLimit.ok && atLimit.rows.length).toBe(MAX_ROSTER_ROWS);
	});

	it('keeps the report short when a file is wrong everywhere', () => {
		const lines = Array.from({ length: 1000 }, () => 'x,,,,');
		const result = readRoster(bytes([HEADER, ...lines].join('\n')));
		expect(!result.ok && [result.problems.length, result.problemCount]).toEqual([MAX_REPORTED_PROBLEMS, 5000]);
		expect(!result.ok && result.problems[0]).toEqual({ line: 2, key: 'roster.usernameFormat', params: { username: 'x' } });
	});
});
