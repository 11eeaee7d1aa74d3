import { describe, expect, it } from 'vitest';
import { localiseMedia, unlinkSitePages } from './media';

describe('a lesson page in an exported package', () => {
	it('keeps the words of links to the platform’s own pages but drops the links, and keeps the rest', () => {
		const html =
			'<p><a href="/danh-ba?loai=cong-an">Danh bạ hỗ trợ: các nơi “Công an” trong tỉnh</a></p>' +
			'<p><a href="/courses/k/thuat-ngu#pep">PEP</a> · <a href="/courses/k/m/media/x.html">phiếu</a> · <a href="https://example.org" rel="noopener">web</a></p>';
		expect(unlinkSitePages(localiseMedia(html, 'k', 'm'))).toBe(
			'<p>Danh bạ hỗ trợ: các nơi “Công an” trong tỉnh</p>' +
				'<p>PEP · <a href="media/x.html">phiếu</a> · <a href="https://example.org" rel="noopener">web</a></p>'
		);
	});
});
