import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { checkInUrl, qrSvg } from './qr';

describe('the check-in QR code', () => {
	it('points at the check-in page with the code filled in', () => {
		expect(checkInUrl('https://taphuan.example.vn', 'AB3K7Q')).toBe('https://taphuan.example.vn/diem-danh?code=AB3K7Q');
	});

	it('is an SVG of exactly the QR code of that address', async () => {
		const url = checkInUrl('https://taphuan.example.vn', 'AB3K7Q');
		const svg = await qrSvg(url);
		expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 (\d+) \1"/);
		const size = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules.size;
		expect(svg).toContain(`viewBox="0 0 ${size + 4} ${size + 4}"`);
		expect(svg).not.toContain('<script');
	});
});
