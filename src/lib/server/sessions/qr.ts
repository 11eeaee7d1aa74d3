// The QR code the trainer shows on the room's screen: it opens the check-in page with the
// session's code filled in, so a learner scans, signs in if needed, and presses one button.
import QRCode from 'qrcode';

export function checkInUrl(origin: string, code: string): string {
	return `${origin}/diem-danh?code=${encodeURIComponent(code)}`;
}

/** An SVG drawing of the QR code (made here from our own URL: safe to put in the page). */
export function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}
