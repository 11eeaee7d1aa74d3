import { describe, expect, it } from 'vitest';
import { otherStyleWords } from './spelling';

describe('otherStyleWords', () => {
	it('finds a tone mark on the first vowel of a final oa, oe, uy, in any case and Unicode form', () => {
		expect(otherStyleWords('hỗ trợ hòa nhập, khóa học, xóa bỏ, tùy chọn')).toEqual(['hòa', 'khóa', 'xóa', 'tùy']);
		expect(otherStyleWords('sức khỏe, thủy sản, Ủy ban, CỘNG HÒA')).toEqual(['khỏe', 'thủy', 'Ủy', 'HÒA']);
		expect(otherStyleWords('hòa'.normalize('NFD'))).toEqual(['hòa']);
	});

	it('finds "tỷ lệ" and "quí"', () => {
		expect(otherStyleWords('Tỷ lệ nhiễm HIV; tỷ số; quí vị')).toEqual(['Tỷ lệ', 'tỷ số', 'quí']);
	});

	it('accepts the house style and words the rule does not touch', () => {
		const house = 'hoà nhập, khoá học, xoá, tuỳ, thuỷ, Uỷ ban, hoạ, loé, khoẻ, quý, tỉ lệ, hoàn thành, thoát, chuyển, quyền, khuyến, huyện, của, mùa';
		expect(otherStyleWords(house)).toEqual([]);
	});
});
