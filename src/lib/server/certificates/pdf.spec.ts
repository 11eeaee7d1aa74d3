import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { qrCodeInPdf } from '../../../../tests/e2e/pdf-qr';
import { FONT_FILES, renderCertificatePdf } from './pdf';
import type { PrintedFields } from './service';

// pdfkit's own font reader (it has no type declarations of its own)
const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(path: string): { hasGlyphForCodePoint(cp: number): boolean } };

const T0 = Date.UTC(2026, 5, 1, 8);

const FIELDS: PrintedFields = {
	language: 'vi',
	fullName: 'Nguyễn Thị Thu Hường',
	organisation: 'Hội Liên hiệp Phụ nữ xã Tân Hưng',
	commune: 'Tân Hưng',
	province: 'Hưng Yên',
	courseTitle: 'Phòng, chống mại dâm, giảm hại và hỗ trợ hòa nhập cộng đồng',
	issuer: 'Sở Y tế tỉnh Hưng Yên',
	signerTitle: 'Giám đốc',
	signerName: null,
	hours: 24,
	serial: '0042/2026/HY-PCMD',
	registerNumber: 42,
	completedAt: T0,
	issuedAt: T0
};

const hasPoppler = (() => {
	try {
		execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
})();

const dir = mkdtempSync(join(tmpdir(), 'taphuan-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(pdf: Buffer): string {
	const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
	writeFileSync(file, pdf);
	return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function pageCount(pdf: Buffer): number {
	return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

describe('the certificate font', () => {
	it('has every Vietnamese letter with every tone mark, lower and upper case, in each face used', () => {
		const bases = 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY';
		const letters = [...bases].flatMap((c) => ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].map((mark) => (c + mark).normalize('NFC')));
		letters.push('đ', 'Đ');
		expect(letters).toHaveLength(146);
		for (const file of Object.values(FONT_FILES)) {
			const font = fontkit.openSync(file);
			const missing = letters.filter((letter) => [...letter].some((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!)));
			expect(missing, file).toEqual([]);
		}
	});
});

describe('renderCertificatePdf', () => {
	it('is one A4 landscape page, well under 150 KB, with the fonts embedded', async () => {
		const pdf = await renderCertificatePdf({ fields: FIELDS, verifyUrl: 'https://taphuan.example/xac-minh/abc', sealImage: null });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pageCount(pdf)).toBe(1);
		expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
		expect(pdf.length).toBeLessThan(150 * 1024);
		expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
	});

	it.skipIf(!hasPoppler)('keeps every diacritic of the name, given in NFD, in the extracted text', async () => {
		const fields = { ...FIELDS, fullName: 'Nguyễn Thị Thu Hường'.normalize('NFD'), organisation: 'Đặng Quốc Huy — ỨNG HÒA, ĐỒNG THÁP' };
		const text = pdfText(await renderCertificatePdf({ fields, verifyUrl: 'https://taphuan.example/xac-minh/abc', sealImage: null })).normalize('NFC');
		expect(text).toContain('Nguyễn Thị Thu Hường');
		expect(text).toContain('Đặng Quốc Huy — ỨNG HÒA, ĐỒNG THÁP');
		expect(text).toContain('0042/2026/HY-PCMD');
		expect(text).toContain('SỞ Y TẾ TỈNH HƯNG YÊN');
		expect(text).toContain('https://taphuan.example/xac-minh/abc');
	});

	it.skipIf(!hasPoppler)('renders as a page with ink where the name is, not a blank page', async () => {
		const file = join(dir, 'ink.pdf');
		writeFileSync(file, await renderCertificatePdf({ fields: FIELDS, verifyUrl: 'https://taphuan.example/xac-minh/abc', sealImage: null }));
		// 36 dpi, grey levels: a PGM is a short text header, then one byte per pixel
		const pgm = execFileSync('pdftoppm', ['-gray', '-r', '36', '-singlefile', file]);
		const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
		const [width, height] = [Number(header[1]), Number(header[2])];
		expect(width).toBeGreaterThan(height);
		const pixels = pgm.subarray(header[0].length);
		const dark = (x0: number, y0: number, x1: number, y1: number) => {
			let n = 0;
			for (let y = Math.round(y0 * height); y < y1 * height; y++) {
				for (let x = Math.round(x0 * width); x < x1 * width; x++) if (pixels[y * width + x]! < 128) n++;
			}
			return n;
		};
		// the name's band (about 34–45 % down the page) and the QR code's corner hold ink
		expect(dark(0.2, 0.34, 0.8, 0.45)).toBeGreaterThan(50);
		expect(dark(0.06, 0.75, 0.17, 0.9)).toBeGreaterThan(100);
	});

	it.skipIf(!hasPoppler)('has a QR code that a reader decodes to the verification address', async () => {
		const url = 'https://taphuan.example/xac-minh/3q2-8Vt_kXk0cVbX1eQ7Zw';
		const file = join(dir, 'qr.pdf');
		writeFileSync(file, await renderCertificatePdf({ fields: FIELDS, verifyUrl: url, sealImage: null }));
		expect(qrCodeInPdf(file)).toBe(url);
	});

	it.skipIf(!hasPoppler)('prints the study period the cohort set, after the hours', async () => {
		const fields = { ...FIELDS, hours: 7.5, studyFrom: '2026-10-01', studyTo: '2026-11-30' };
		const text = pdfText(await renderCertificatePdf({ fields, verifyUrl: 'https://taphuan.example/xac-minh/abc', sealImage: null })).normalize('NFC');
		expect(text).toMatch(/Thời lượng: 7,5 giờ · Thời gian học: từ 01\/10\/2026 đến 30\/11\/2026/);
		const without = pdfText(await renderCertificatePdf({ fields: FIELDS, verifyUrl: 'https://taphuan.example/xac-minh/abc', sealImage: null }));
		expect(without).not.toContain('Thời gian học');
	});

	it('fits a 200-character name, emoji and right-to-left text on the one page', async () => {
		const long = 'Nguyễn Hoàng Thị Minh Phượng Đặng '.repeat(6).slice(0, 200);
		for (const fullName of [long, 'Ư'.repeat(200), 'Lê Văn An 😀🎉👩‍👩‍👧 שָׁלוֹם مرحبا بكم', 'a'.repeat(200)]) {
			const pdf = await renderCertificatePdf({
				fields: { ...FIELDS, fullName, organisation: long, courseTitle: long, issuer: long, signerTitle: long, signerName: long },
				verifyUrl: 'https://taphuan.example/xac-minh/abc',
				sealImage: null
			});
			expect(pageCount(pdf), fullName).toBe(1);
			if (hasPoppler) {
				const file = join(dir, 'long.pdf');
				writeFileSync(file, pdf);
				// every word pdftotext finds lies inside the page
				const boxes = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
				for (const m of boxes.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)) {
					const [xMin, yMin, xMax, yMax] = m.slice(1).map(Number) as [number, number, number, number];
					expect(xMin).toBeGreaterThanOrEqual(0);
					expect(yMin).toBeGreaterThanOrEqual(0);
					expect(xMax).toBeLessThanOrEqual(841.89);
					expect(yMax).toBeLessThanOrEqual(595.28);
				}
			}
		}
	});

	it('prints a seal given as bytes (a cohort seal stored in the database)', async () => {
		const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
		const pdf = await renderCertificatePdf({ fields: FIELDS, verifyUrl: 'https://x/xac-minh/abc', sealImage: png });
		expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
		const plain = await renderCertificatePdf({ fields: FIELDS, verifyUrl: 'https://x/xac-minh/abc', sealImage: null });
		expect(plain.toString('latin1')).not.toMatch(/\/Subtype \/Image/);
	});

	it('prints the seal image when the course has one', async () => {
		// a 1×1 PNG
		const png = join(dir, 'seal.png');
		writeFileSync(png, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'));
		const pdf = await renderCertificatePdf({ fields: FIELDS, verifyUrl: 'https://x/xac-minh/abc', sealImage: png });
		expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
		expect(readFileSync(png).length).toBeGreaterThan(0);
	});
});
