import { describe, expect, it } from 'vitest';
import { mapHeader, type ColumnMap } from './columns';
import { validateRow } from './rows';

const header = mapHeader(['Tên đăng nhập', 'Họ và tên', 'Cơ quan, đơn vị', 'Xã, phường', 'Tỉnh, thành phố', 'Mật khẩu']);
const columns = (header.ok ? header.columns : {}) as ColumnMap;
const GOOD = ['nguyenthilan', 'Nguyễn Thị Lan', 'Hội LHPN xã Tân Hưng', 'xã Tân Hưng', 'Hưng Yên', ''];

function row(changes: Record<number, string>) {
	return GOOD.map((cell, i) => changes[i] ?? cell);
}

describe('validateRow', () => {
	it('accepts a good row; an empty password means one is generated', () => {
		expect(validateRow(2, GOOD, columns)).toEqual({
			ok: true,
			row: {
				line: 2,
				username: 'nguyenthilan',
				displayName: 'Nguyễn Thị Lan',
				organisation: 'Hội LHPN xã Tân Hưng',
				commune: 'xã Tân Hưng',
				province: 'Hưng Yên',
				password: null
			}
		});
	});

	it('normalises usernames as registration does: trimmed, lower-case', () => {
		const result = validateRow(2, row({ 0: '  NguyenThi.Lan_2 ' }), columns);
		expect(result.ok && result.row.username).toBe('nguyenthi.lan_2');
	});

	it('keeps a given password that meets the rules', () => {
		const result = validateRow(2, row({ 5: 'trâu ăn cỏ bên đê' }), columns);
		expect(result.ok && result.row.password).toBe('trâu ăn cỏ bên đê');
	});

	it('reports every empty required column by the name the file gives it', () => {
		expect(validateRow(7, ['', '', '', '', '', ''], columns)).toEqual({
			ok: false,
			problems: [
				{ line: 7, key: 'roster.blank', params: { column: 'Tên đăng nhập' } },
				{ line: 7, key: 'roster.blank', params: { column: 'Họ và tên' } },
				{ line: 7, key: 'roster.blank', params: { column: 'Cơ quan, đơn vị' } },
				{ line: 7, key: 'roster.blank', params: { column: 'Xã, phường' } },
				{ line: 7, key: 'roster.blank', params: { column: 'Tỉnh, thành phố' } }
			]
		});
	});

	it('treats a row shorter than the header as empty cells', () => {
		const result = validateRow(3, ['lan', 'Lan'], columns);
		expect(result.ok ? [] : result.problems.map((p) => p.params?.column)).toEqual(['Cơ quan, đơn vị', 'Xã, phường', 'Tỉnh, thành phố']);
	});

	it('refuses usernames outside the pattern, quoting what was written', () => {
		for (const username of ['ab', 'nguyễnthịlan', 'nguyen thi lan', '.lan', 'a'.repeat(33), 'lan@xa']) {
			expect(validateRow(4, row({ 0: username }), columns), username).toEqual({
				ok: false,
				problems: [{ line: 4, key: 'roster.usernameFormat', params: { username } }]
			});
		}
	});

	it('applies the registration lengths: name 100, organisation 150, commune 100, province 100', () => {
		expect(validateRow(5, row({ 1: 'a'.repeat(100), 2: 'b'.repeat(150), 3: 'c'.repeat(100), 4: 'd'.repeat(100) }), columns).ok).toBe(true);
		expect(validateRow(5, row({ 1: 'a'.repeat(101), 2: 'b'.repeat(151), 3: 'c'.repeat(101), 4: 'd'.repeat(101) }), columns)).toEqual({
			ok: false,
			problems: [
				{ line: 5, key: 'roster.tooLong', params: { column: 'Họ và tên', max: 100 } },
				{ line: 5, key: 'roster.tooLong', params: { column: 'Cơ quan, đơn vị', max: 150 } },
				{ line: 5, key: 'roster.tooLong', params: { column: 'Xã, phường', max: 100 } },
				{ line: 5, key: 'roster.tooLong', params: { column: 'Tỉnh, thành phố', max: 100 } }
			]
		});
	});

	it('checks a given password like a new one: length, common, containing the username', () => {
		const problem = (password: string) => {
			const result = validateRow(6, row({ 5: password }), columns);
			return result.ok ? null : result.problems.map((p) => p.key);
		};
		expect(problem('ngắn')).toEqual(['roster.passwordTooShort']);
		expect(problem('x'.repeat(129))).toEqual(['roster.passwordTooLong']);
		expect(problem('12345678')).toEqual(['roster.passwordTooCommon']);
		expect(problem('matkhau123')).toEqual(['roster.passwordTooCommon']);
		expect(problem('nguyenthilan-2022')).toEqual(['roster.passwordTooCommon']);
		expect(problem('xanh-la-cay-2022')).toBeNull();
	});

	it('reports a bad password along with the other problems of the row', () => {
		const result = validateRow(8, row({ 0: 'x', 1: '', 5: 'abc' }), columns);
		expect(result.ok ? [] : result.problems.map((p) => p.key)).toEqual(['roster.usernameFormat', 'roster.blank', 'roster.passwordTooShort']);
	});

	it('works without a password column', () => {
		const noPassword = mapHeader(['username', 'name', 'organisation', 'commune', 'province']);
		const result = validateRow(2, GOOD.slice(0, 5), noPassword.ok ? noPassword.columns : {});
		expect(result.ok && result.row.password).toBeNull();
	});
});
