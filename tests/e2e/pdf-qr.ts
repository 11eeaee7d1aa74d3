// Reads a PDF page's QR code the way a phone camera would: the page rendered by poppler's pdftoppm
// at 100 dpi in grey levels, decoded by jsQR. Used by the certificate tests.
import { execFileSync } from 'node:child_process';
import jsQR from 'jsqr';

export function qrCodeInPdf(pdfPath: string): string | null {
	const pgm = execFileSync('pdftoppm', ['-gray', '-r', '100', '-singlefile', pdfPath]);
	// a PGM is a short text header, then one byte per pixel
	const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
	if (!header) return null;
	const [width, height] = [Number(header[1]), Number(header[2])];
	const grey = pgm.subarray(header[0].length);
	const rgba = new Uint8ClampedArray(width * height * 4);
	for (let i = 0; i < width * height; i++) rgba.set([grey[i]!, grey[i]!, grey[i]!, 255], i * 4);
	return jsQR(rgba, width, height)?.data ?? null;
}
