import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';
import { sameTonePlacement } from './terms';

const terms = {
	terms: [
		{ id: 'pep', matches: ['PEP'] },
		{ id: 'giam-hai', matches: ['giảm hại', 'giảm tác hại'] },
		{ id: 'hoa-nhap', matches: ['hoà nhập cộng đồng'] },
		{ id: 'nguoi-ban-dam', matches: ['người bán dâm'] }
	],
	href: (id: string) => `/courses/k/thuat-ngu#${id}`
};

describe('glossary terms in a lesson', () => {
	it('links the first use of each term only, whatever the case of its first letter or the tone placement', () => {
		const { html } = renderMarkdown(
			'## Giảm hại\n\nGiảm tác hại giúp người bán dâm. Giảm hại lần nữa; PEP trong 72 giờ.\n\n- Hỗ trợ hòa nhập cộng đồng\n- người bán dâm\n',
			{ terms }
		);
		expect(html).toContain('<h2 id="giam-hai">Giảm hại</h2>');
		expect(html).toContain('<a href="/courses/k/thuat-ngu#giam-hai">Giảm tác hại</a> giúp <a href="/courses/k/thuat-ngu#nguoi-ban-dam">người bán dâm</a>. Giảm hại lần nữa;');
		expect(html).toContain('<a href="/courses/k/thuat-ngu#pep">PEP</a> trong 72 giờ');
		expect(html).toContain('Hỗ trợ <a href="/courses/k/thuat-ngu#hoa-nhap">hòa nhập cộng đồng</a>');
		expect(html.match(/#nguoi-ban-dam/g)).toHaveLength(1);
	});

	it('leaves links, code, words that merely contain a term, and other lessons’ counts alone', () => {
		const { html } = renderMarkdown('Xem [người bán dâm](https://example.org) và `PEP`; PEPSI không phải PEP.', { terms });
		expect(html).not.toContain('thuat-ngu#nguoi-ban-dam');
		expect(html).toContain('PEPSI không phải <a href="/courses/k/thuat-ngu#pep">PEP</a>.');
		expect(renderMarkdown('PEP', { terms }).html).toContain('#pep');
	});

	it('compares the two tone placements letter for letter', () => {
		expect(sameTonePlacement('hòa thủy khỏe Ủy ban hoàn')).toBe('hoà thuỷ khoẻ Uỷ ban hoàn');
	});
});
