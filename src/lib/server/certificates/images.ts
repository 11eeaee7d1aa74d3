// Seal and signature images for certificates, kept in the database by the SHA-256 of their bytes:
// the same image uploaded twice is stored once, and a certificate refers to the exact image it was
// issued with (PrintedFields.sealImage), so it prints the same after the cohort's seal changes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Db } from '../db/open';

/** A seal is a small stamp or signature scan; a phone photo should be cropped and reduced first. */
export const MAX_SEAL_BYTES = 300 * 1024;

export type ImageProblem = 'empty' | 'tooLarge' | 'notAnImage';
type MediaType = 'image/png' | 'image/jpeg';

function mediaTypeOf(data: Buffer): MediaType | null {
	if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
	if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
	return null;
}

/** Whether pdfkit can draw it: a file that only starts like a PNG would otherwise fail at download. */
function drawable(data: Buffer): boolean {
	try {
		// openImage parses the file as doc.image() will; @types/pdfkit does not declare it
		(new PDFDocument({ autoFirstPage: false }) as unknown as { openImage(src: Buffer): unknown }).openImage(data);
		return true;
	} catch {
		return false;
	}
}

/** What is wrong with an uploaded seal image, or null when it can be printed. */
export function sealImageProblem(data: Buffer): ImageProblem | null {
	if (data.length === 0) return 'empty';
	if (data.length > MAX_SEAL_BYTES) return 'tooLarge';
	if (!mediaTypeOf(data) || !drawable(data)) return 'notAnImage';
	return null;
}

/** Stores the image (once) and returns its SHA-256; check it with sealImageProblem first. */
export function storeImage(db: Db, data: Buffer): string {
	const mediaType = mediaTypeOf(data);
	if (!mediaType) throw new Error('not a PNG or JPEG image');
	const sha256 = createHash('sha256').update(data).digest('hex');
	db.prepare('INSERT OR IGNORE INTO certificate_image (sha256, media_type, data) VALUES (?, ?, ?)').run(sha256, mediaType, data);
	return sha256;
}

/** The course's own seal file, stored like an upload so certificates refer to it the same way. */
export function storeImageFile(db: Db, path: string): string {
	return storeImage(db, readFileSync(path));
}

export function readImage(db: Db, sha256: string): Buffer | null {
	return (db.prepare('SELECT data FROM certificate_image WHERE sha256 = ?').pluck().get(sha256) as Buffer | undefined) ?? null;
}
