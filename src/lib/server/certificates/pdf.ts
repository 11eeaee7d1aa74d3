// The certificate as a PDF: A4 landscape, drawn with pdfkit in DejaVu Serif (a whole TTF from the
// dejavu-fonts-ttf package, covering every Vietnamese letter and tone mark; pdfkit embeds only the
// glyphs used). No system font and no browser: the same file on every server. Every text is NFC
// and fitted to its box (smaller type, then a second line, then cut with "…"), so a 200-character
// name, emoji or right-to-left script never pushes anything off the page or onto a second one.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Locale, MessageKey } from '$lib/i18n';
import { translate } from '../i18n';
import type { PrintedFields } from './service';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const FONT_FILES = {
	regular: join(fontDir, 'DejaVuSerif.ttf'),
	bold: join(fontDir, 'DejaVuSerif-Bold.ttf'),
	italic: join(fontDir, 'DejaVuSerif-Italic.ttf')
} as const;
type Face = keyof typeof FONT_FILES;

/** The font files, read once per process rather than once per certificate. */
let fontData: [Face, Buffer][] | undefined;
const fonts = () => (fontData ??= Object.entries(FONT_FILES).map(([face, file]) => [face as Face, readFileSync(file)]));

// A4 landscape in points
const PAGE = { width: 841.89, height: 595.28 };
const INK = '#1f2a44';
const ACCENT = '#8b1e1e';

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

interface FitOptions {
	face: Face;
	size: number;
	/** smallest size kept on one line before wrapping is allowed */
	oneLineMin?: number;
	/** smallest size at all; below it the text is cut with an ellipsis */
	minSize: number;
	align?: 'left' | 'center' | 'right';
	color?: string;
}

/**
 * Writes `text` inside `box`: the largest size at which it fits on one line, else the largest at
 * which it fits wrapped, else the smallest size with what does not fit cut off. Returns the size.
 */
export function fitText(doc: PDFKit.PDFDocument, text: string, box: Box, options: FitOptions): number {
	const clean = text.normalize('NFC');
	doc.font(options.face);
	let size = options.size;
	const oneLineMin = options.oneLineMin ?? options.size;
	while (size > oneLineMin && doc.fontSize(size).widthOfString(clean) > box.width) size -= 0.5;
	doc.fontSize(size);
	if (doc.widthOfString(clean) > box.width) {
		while (size > options.minSize && doc.fontSize(size).heightOfString(clean, { width: box.width }) > box.height) size -= 0.5;
		doc.fontSize(size);
	}
	doc.fillColor(options.color ?? INK).text(clean, box.x, box.y, {
		width: box.width,
		height: box.height,
		align: options.align ?? 'center',
		ellipsis: true
	});
	return size;
}

function day(ms: number): { day: string; month: string; year: string } {
	const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(ms);
	const get = (type: string) => parts.find((p) => p.type === type)!.value;
	return { day: get('day'), month: get('month'), year: get('year') };
}

/** A YYYY-MM-DD date as printed: dd/mm/yyyy. */
const isoDate = (date: string) => date.split('-').reverse().join('/');

/** Draws the QR code as squares (sharp at any zoom, a few hundred bytes). */
function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number): void {
	const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
	const cell = size / modules.size;
	for (let row = 0; row < modules.size; row++) {
		for (let col = 0; col < modules.size; col++) {
			if (modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell);
		}
	}
	doc.fillColor('#000000').fill();
}

export interface CertificatePdfInput {
	fields: PrintedFields;
	/** the public verification address the QR code and the footer point to */
	verifyUrl: string;
	/** the seal or signature image printed (its bytes, or the course's file), when there is one */
	sealImage: Buffer | string | null;
}

export function renderCertificatePdf({ fields, verifyUrl, sealImage }: CertificatePdfInput): Promise<Buffer> {
	const locale: Locale = fields.language;
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params).normalize('NFC');
	const doc = new PDFDocument({
		size: 'A4',
		layout: 'landscape',
		// no margins: nothing may reach the bottom margin and open a second page
		margin: 0,
		info: { Title: t('certificate.pdf.title'), Author: fields.issuer.normalize('NFC'), Subject: fields.serial }
	});
	for (const [face, data] of fonts()) doc.registerFont(face, data);
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	// frame
	doc.lineWidth(3).strokeColor(ACCENT).rect(22, 22, PAGE.width - 44, PAGE.height - 44).stroke();
	doc.lineWidth(0.8).rect(30, 30, PAGE.width - 60, PAGE.height - 60).stroke();

	// header: the issuer on the left, the national motto on the right, as official papers have it
	fitText(doc, fields.issuer.toLocaleUpperCase('vi'), { x: 50, y: 52, width: 300, height: 44 }, { face: 'bold', size: 12, oneLineMin: 10, minSize: 7 });
	doc.lineWidth(0.8).strokeColor(INK).moveTo(160, 102).lineTo(240, 102).stroke();
	fitText(doc, t('certificate.pdf.nation'), { x: 400, y: 52, width: 390, height: 18 }, { face: 'bold', size: 12, minSize: 9 });
	fitText(doc, t('certificate.pdf.motto'), { x: 400, y: 72, width: 390, height: 18 }, { face: 'bold', size: 12, minSize: 9 });
	doc.moveTo(520, 92).lineTo(670, 92).stroke();

	fitText(doc, t('certificate.pdf.title'), { x: 60, y: 122, width: PAGE.width - 120, height: 46 }, { face: 'bold', size: 34, minSize: 20, color: ACCENT });
	fitText(doc, t('certificate.pdf.certifies'), { x: 60, y: 178, width: PAGE.width - 120, height: 20 }, { face: 'italic', size: 14, minSize: 10 });
	fitText(doc, fields.fullName, { x: 90, y: 202, width: PAGE.width - 180, height: 68 }, { face: 'bold', size: 28, oneLineMin: 18, minSize: 10, color: ACCENT });

	const place = [fields.commune, fields.province].filter(Boolean).join(', ');
	const about = [
		fields.organisation ? t('certificate.pdf.organisation', { organisation: fields.organisation }) : '',
		place ? t('certificate.pdf.place', { place }) : ''
	].filter(Boolean);
	about.forEach((line, i) => fitText(doc, line, { x: 90, y: 276 + i * 24, width: PAGE.width - 180, height: 22 }, { face: 'regular', size: 13, oneLineMin: 9, minSize: 7 }));

	fitText(doc, t('certificate.pdf.completed'), { x: 60, y: 332, width: PAGE.width - 120, height: 20 }, { face: 'regular', size: 13, minSize: 10 });
	fitText(doc, fields.courseTitle, { x: 80, y: 354, width: PAGE.width - 160, height: 46 }, { face: 'bold', size: 17, oneLineMin: 13, minSize: 8 });
	const completedOn = day(fields.completedAt);
	const facts = [
		fields.hours ? t('certificate.pdf.hours', { hours: new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB').format(fields.hours) }) : '',
		fields.studyFrom && fields.studyTo ? t('certificate.pdf.studyPeriod', { from: isoDate(fields.studyFrom), to: isoDate(fields.studyTo) }) : '',
		t('certificate.pdf.completedOn', { date: `${completedOn.day}/${completedOn.month}/${completedOn.year}` })
	].filter(Boolean);
	fitText(doc, facts.join(' · '), { x: 80, y: 406, width: PAGE.width - 160, height: 20 }, { face: 'italic', size: 12, minSize: 8 });

	// bottom left: the QR code to the verification page, the serial and the register line
	drawQr(doc, verifyUrl, 52, 446, 96);
	fitText(doc, t('certificate.pdf.serial', { serial: fields.serial }), { x: 158, y: 452, width: 250, height: 16 }, { face: 'bold', size: 11, minSize: 7, align: 'left' });
	fitText(doc, t('certificate.pdf.register', { number: fields.registerNumber }), { x: 158, y: 470, width: 250, height: 16 }, { face: 'regular', size: 10, minSize: 7, align: 'left' });
	fitText(doc, t('certificate.pdf.verify'), { x: 158, y: 494, width: 250, height: 14 }, { face: 'italic', size: 9, minSize: 6, align: 'left' });
	fitText(doc, verifyUrl, { x: 158, y: 508, width: 300, height: 24 }, { face: 'regular', size: 8, oneLineMin: 5, minSize: 5, align: 'left' });

	// bottom right: date of issue, signer, seal
	const issuedOn = day(fields.issuedAt);
	const signer = { x: 470, width: 320 };
	fitText(doc, t('certificate.pdf.issuedOn', issuedOn), { ...signer, y: 440, height: 18 }, { face: 'italic', size: 12, minSize: 8 });
	fitText(doc, fields.signerTitle.toLocaleUpperCase('vi'), { ...signer, y: 460, height: 32 }, { face: 'bold', size: 12, oneLineMin: 9, minSize: 7 });
	if (sealImage) doc.image(sealImage, signer.x + signer.width / 2 - 50, 492, { fit: [100, 50], align: 'center', valign: 'center' });
	if (fields.signerName) fitText(doc, fields.signerName, { ...signer, y: 544, height: 18 }, { face: 'bold', size: 13, oneLineMin: 9, minSize: 7 });

	doc.end();
	return done;
}
