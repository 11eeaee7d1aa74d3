import { requireUser } from '$lib/server/auth/guard';
import { listCertificatesOfLearner } from '$lib/server/certificates/service';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireUser(event);
	return {
		certificates: listCertificatesOfLearner(getDb(), user.id).map((c) => ({
			id: c.id,
			courseId: c.courseId,
			courseTitle: c.fields.courseTitle,
			serial: c.serial,
			issuedAt: c.issuedAt,
			code: c.code,
			revoked: c.revokedAt !== null
		}))
	};
}) satisfies PageServerLoad;
