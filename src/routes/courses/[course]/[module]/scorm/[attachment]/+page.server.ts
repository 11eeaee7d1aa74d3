import { error, redirect } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';
import { requireUser } from '$lib/server/auth/guard';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { findSco, requireAttachment } from '$lib/server/scorm/access';
import { playerView } from '$lib/server/scorm/player';
import { getTrackingFor } from '$lib/server/tracking/service';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireUser(event);
	const { locale } = event.locals;
	const db = getDb();
	const { course, module, attachment } = requireAttachment(db, getCatalog(), user, event.params.attachment, locale);
	if (course.slug !== event.params.course || module.slug !== event.params.module) error(404, translate(locale, 'error.notFound'));
	const tracking = getTrackingFor(db, user.id, attachment.scos.map((s) => s.activityId));
	const asked = event.url.searchParams.get('sco');
	const sco = findSco(attachment, asked, tracking);
	if (!sco) error(404, translate(locale, 'error.notFound'));
	// The address always names the SCO on screen, so back and forward return to the same one
	// (the resume point an address without it means moves as the learner progresses).
	if (asked === null) redirect(303, `?sco=${encodeURIComponent(sco.identifier)}`);
	return {
		course: { slug: course.slug, title: course.title },
		module: { slug: module.slug, title: module.title },
		attachment: { id: attachment.id, title: attachment.title, version: attachment.package.version },
		commitUrl: `/api/scorm/commit/${attachment.id}/${sco.activityId}`,
		...playerView(db, user, attachment, sco)
	};
}) satisfies PageServerLoad;
