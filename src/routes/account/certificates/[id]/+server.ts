// A learner's certificate as a PDF: their own only (another's is "not found", so ids reveal
// nothing), drawn the first time and read from disk afterwards. A revoked one is not handed out.
import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { certificatePdf } from '$lib/server/certificates/store';
import { getCertificate } from '$lib/server/certificates/service';
import { config } from '$lib/server/config';
import { findCourse } from '$lib/server/courses/catalog';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { translate } from '$lib/server/i18n';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const id = Number(event.params.id);
	const db = getDb();
	const certificate = Number.isInteger(id) ? getCertificate(db, id) : null;
	if (!certificate || certificate.userId !== user.id || certificate.revokedAt !== null) {
		error(404, translate(event.locals.locale, 'error.notFound'));
	}
	const pdf = await certificatePdf(db, config.certificatesDir, certificate, findCourse(getCatalog(), certificate.courseId), event.url.origin);
	const name = `giay-chung-nhan-${certificate.serial.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`;
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'private, no-store'
		}
	});
};
