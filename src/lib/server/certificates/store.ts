// Each certificate's PDF is drawn once and kept as a file in the certificates folder (beside the
// database by default, CERTIFICATES_DIR otherwise: back it up with the database); downloading it
// again is a file read. The file is written under a temporary name and renamed, so a reader never
// sees half a PDF, and two first downloads at once simply write the same file twice.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Course } from '../courses/loader';
import type { Db } from '../db/open';
import { readImage } from './images';
import { renderCertificatePdf } from './pdf';
import type { Certificate } from './service';

export function certificatePdfPath(dir: string, certificate: Certificate): string {
	return join(dir, `${certificate.id}-${certificate.code}.pdf`);
}

export function verifyUrl(origin: string, code: string): string {
	return `${origin.replace(/\/$/, '')}/xac-minh/${code}`;
}

/** The seal the certificate was issued with; one issued before seals were stored prints the course's file. */
function sealOf(db: Db, certificate: Certificate, course: Course | undefined): Buffer | string | null {
	const { sealImage } = certificate.fields;
	if (sealImage === undefined) return course?.certificate?.sealImage ?? null;
	return sealImage === null ? null : readImage(db, sealImage);
}

/** The certificate's PDF: read from disk, or drawn and stored the first time. */
export async function certificatePdf(db: Db, dir: string, certificate: Certificate, course: Course | undefined, origin: string): Promise<Buffer> {
	const path = certificatePdfPath(dir, certificate);
	if (existsSync(path)) return readFile(path);
	const pdf = await renderCertificatePdf({
		fields: certificate.fields,
		verifyUrl: verifyUrl(origin, certificate.code),
		sealImage: sealOf(db, certificate, course)
	});
	await mkdir(dir, { recursive: true });
	const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
	try {
		await writeFile(temporary, pdf);
		await rename(temporary, path);
	} catch (error) {
		await unlink(temporary).catch(() => {});
		throw error;
	}
	return pdf;
}

/** Forgets the stored PDF (after a re-issue): the next download draws it again. */
export async function forgetCertificatePdf(dir: string, certificate: Certificate): Promise<void> {
	await rm(certificatePdfPath(dir, certificate), { force: true });
}
