import { describe, expect, it } from 'vitest';
import { foldHeader, mapHeader } from './columns';

const TEMPLATE = ['Tên đăng nhập', 'Họ và tên', 'Cơ quan, đơn vị', 'Xã, phường', 'Tỉnh, thành phố', 'Mật khẩu'];
const FIELDS = ['username', 'displayName', 'organisation', 'commune', 'province', 'password'];

describe('foldHeader', () => {
	it('ignores case, diacritics, đ and punctuation', () => {
		expect(foldHeader('Xã, Phường')).toBe('xaphuong');
		expect(foldHeader('  TÊN ĐĂNG NHẬP ')).toBe('tendangnhap');
		expect(foldHeader('ho-va-ten')).toBe('hovaten');
		// combining marks (as some Vietnamese keyboards send them) fold the same as precomposed
		expect(foldHeader('Te\u0302n đa\u0306ng nha\u0302\u0323p')).toBe('tendangnhap');
	});
});

describe('mapHeader', () => {
	it('maps the Vietnamese headers of the template', () => {
		const result = mapHeader(['Tên đăng nhập', 'Họ và tên', 'Cơ quan, đơn vị', 'Xã, phường', 'Tỉnh, thành phố', 'Mật khẩu']);
		expect(result).toEqual({
			ok: true,
			columns: {
				username: { index: 0, header: 'Tên đăng nhập' },
				displayName: { index: 1, header: 'Họ và tên' },
				organisation: { index: 2, header: 'Cơ quan, đơn vị' },
				commune: { index: 3, header: 'Xã, phường' },
				province: { index: 4, header: 'Tỉnh, thành phố' },
				password: { index: 5, header: 'Mật khẩu' }
			}
		});
	});

	it('maps English headers, typed without diacritics or in capitals, in any order, skipping other columns', () => {
		const result = mapHeader(['STT', 'Full name', 'USERNAME', 'Organization', 'ward', 'Province', 'Ghi chú']);
		expect(result.ok && Object.fromEntries(Object.entries(result.columns).map(([f, c]) => [f, c.index]))).toEqual({
			displayName: 1,
			username: 2,
			organisation: 3,
			commune: 4,
			province: 5
		});
		for (const [alias, field] of [
			['ten dang nhap', 'username'],
			['Tài khoản', 'username'],
			['HO VA TEN', 'displayName'],
			['Họ tên', 'displayName'],
			['name', 'displayName'],
			['organisation', 'organisation'],
			['co quan don vi', 'organisation'],
			['commune', 'commune'],
			['Xã, phường, đặc khu', 'commune'],
			['Xã/Phường', 'commune'],
			['tinh, thanh pho', 'province'],
			['mat khau', 'password'],
			['Password', 'password']
		] as const) {
			const header = TEMPLATE.map((name, i) => (FIELDS[i] === field ? alias : name));
			const result = mapHeader(header);
			expect(result.ok && result.columns[field], alias).toEqual({ index: FIELDS.indexOf(field), header: alias });
		}
	});

	it('names every missing required column; the password column may be left out', () => {
		const result = mapHeader(['Tên đăng nhập', 'Ho ten', 'Mật khẩu']);
		expect(result).toEqual({
			ok: false,
			problems: [
				{ key: 'roster.missingColumn', params: { column: 'Cơ quan, đơn vị', english: 'Organisation' } },
				{ key: 'roster.missingColumn', params: { column: 'Xã, phường', english: 'Commune' } },
				{ key: 'roster.missingColumn', params: { column: 'Tỉnh, thành phố', english: 'Province' } }
			]
		});
		expect(mapHeader(['username', 'name', 'organisation', 'commune', 'province']).ok).toBe(true);
	});

	it('refuses two columns for the same thing', () => {
		const result = mapHeader(['Tên đăng nhập', 'Họ và tên', 'Cơ quan', 'Xã', 'Tỉnh', 'Full name']);
		expect(result).toEqual({
			ok: false,
			problems: [{ line: 1, key: 'roster.duplicateColumn', params: { column: 'Họ và tên', other: 'Full name' } }]
		});
	});
});
