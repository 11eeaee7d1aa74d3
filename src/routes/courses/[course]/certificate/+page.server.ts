// "My certificate" for one course: the PDF when it has been issued, otherwise a plain refusal
// saying what is left. Completion itself is decided in tracking/completion.ts, never here.
import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { getCertificateOfLearner } from '$lib/server/certificates/service';
import { requireCourse } from '$lib/server/courses/access';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { learnerCourseProgress } from '$lib/server/tracking/course-progress';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireUser(event);
	const db = getDb();
	const catalog = getCatalog();
	const course = requireCourse(db, catalog, user, event.params.course, event.locals.locale);
	const certificate = getCertificateOfLearner(db, user.id, course.slug);
	if (certificate && certificate.revokedAt === null) redirect(303, `/account/certificates/${certificate.id}`);
	const progress = learnerCourseProgress(db, catalog, course, user.id);
	return {
		course: { slug: course.slug, title: course.title },
		issues: course.certificate !== null,
		revokedSerial: certificate ? certificate.serial : null,
		done: progress.completedModules,
		total: course.modules.length
	};
}) satisfies PageServerLoad;
