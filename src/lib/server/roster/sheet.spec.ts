import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readRoster } from './read';
import { parsePasswordSheet, passwordSheetCsv, rosterTemplateCsv } from './sheet';

const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').trim(), { newline: '\r\n' }).data;

describe('rosterTemplateCsv', () => {
	it('has the Vietnamese headers and one example row, and reads back as a valid roster', () => {
		const csv = rosterTemplateCsv();
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(parse(csv)).toEqual([
			['Tên đăng nhập', 'Họ và tên', 'Cơ quan, đơn vị', 'Xã, phường', 'Tỉnh, thành phố', 'Mật khẩu'],
			['nguyenthilan', 'Nguyễn Thị Lan', 'Hội LHPN xã Tân Hưng', 'xã Tân Hưng', 'Hưng Yên', '']
		]);
		const read = readRoster(new TextEncoder().encode(csv));
		expect(read.ok && read.rows.map((r) => [r.line, r.username, r.password])).toEqual([[2, 'nguyenthilan', null]]);
	});
});

describe('passwordSheetCsv', () => {
	it('lists name, username, temporary password and where to sign in, in the chosen language', () => {
		const learners = [
			{ username: 'lan', displayName: 'Nguyễn Thị Lan', temporaryPassword: 'abcde-fghjk' },
			{ username: 'minh', displayName: '=Minh', temporaryPassword: null }
		];
		expect(parse(passwordSheetCsv(learners, 'https://taphuan.example/login', 'vi'))).toEqual([
			['Họ và tên', 'Tên đăng nhập', 'Mật khẩu tạm thời', 'Địa chỉ đăng nhập'],
			['Nguyễn Thị Lan', 'lan', 'abcde-fghjk', 'https://taphuan.example/login'],
			["'=Minh", 'minh', '(mật khẩu trong tệp đã nhập)', 'https://taphuan.example/login']
		]);
		expect(parse(passwordSheetCsv(learners, 'https://taphuan.example/login', 'en'))[0]).toEqual(['Full name', 'Username', 'Temporary password', 'Sign-in address']);
	});
});

describe('parsePasswordSheet', () => {
	it('accepts the sheet the page posts back and nothing else', () => {
		const sheet = [{ username: 'lan', displayName: 'Lan', temporaryPassword: 'abcde-fghjk' }];
		expect(parsePasswordSheet(JSON.stringify(sheet))).toEqual(sheet);
		for (const bad of [null, 42, '', '{', '{}', '[{"username":"lan"}]', JSON.stringify([{ ...sheet[0], username: 'x'.repeat(65) }])]) {
			expect(parsePasswordSheet(bad), String(bad)).toBeNull();
		}
	});
});
