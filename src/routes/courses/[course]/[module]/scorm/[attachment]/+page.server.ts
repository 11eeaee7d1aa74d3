import { error, redirect } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';
import { requireUser } from '$lib/server/auth/guard';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { findSco, requireAttachment } from '$lib/server/scorm/access';
import { closedParts, playerView } from '$lib/server/scorm/player';
import { endedView, openForLearner, sequencedPackage } from '$lib/server/scorm/sequencing/navigation';
import { launchSharedData, scoSharedData } from '$lib/server/scorm/sequencing/shared-data';
import { getTrackingFor } from '$lib/server/tracking/service';
import type { PageServerLoad } from './$types';

const REFUSED = { inOrder: 'scorm.refused.inOrder', closed: 'scorm.refused.closed', nothing: 'scorm.refused.nothing' } as const;

export const load = ((event) => {
	const user = requireUser(event);
	const { locale } = event.locals;
	const db = getDb();
	const { course, module, attachment } = requireAttachment(db, getCatalog(), user, event.params.attachment, locale);
	if (course.slug !== event.params.course || module.slug !== event.params.module) error(404, translate(locale, 'error.notFound'));
	const asked = event.url.searchParams.get('sco');
	const page = {
		course: { slug: course.slug, title: course.title },
		module: { slug: module.slug, title: module.title },
		attachment: { id: attachment.id, title: attachment.title, version: attachment.package.version },
		navUrl: `/api/scorm/nav/${attachment.id}`
	};
	// SCORM 2004: the sequencing engine decides, on the server, what may be delivered; the
	// browser's address is only a wish
	const pkg = sequencedPackage(db, attachment);
	if (pkg) {
		if (asked === null && event.url.searchParams.has('ended')) {
			return { ...page, commitUrl: null, ended: true, sharedData: null, ...playerView(db, user, attachment, null, endedView(db, user.id, attachment, pkg)) };
		}
		const { delivery, view } = openForLearner(db, user.id, attachment, pkg, asked);
		if (!delivery.ok) error(403, translate(locale, REFUSED[delivery.reason]));
		if (asked !== delivery.identifier) redirect(303, `?sco=${encodeURIComponent(delivery.identifier)}`);
		const sco = findSco(attachment, delivery.identifier);
		if (!sco) error(404, translate(locale, 'error.notFound'));
		// 4th Edition shared data (adl.data): the buckets this SCO maps, as stored for the learner
		const shared = scoSharedData(pkg, sco.identifier);
		const sharedData = shared && launchSharedData(db, user.id, shared);
		return { ...page, commitUrl: `/api/scorm/commit/${attachment.id}/${sco.activityId}`, ended: false, sharedData, ...playerView(db, user, attachment, sco, view) };
	}
	const tracking = getTrackingFor(db, user.id, attachment.scos.map((s) => s.activityId));
	// SCORM 1.2 prerequisites: a part that waits for another is refused, like a sequencing rule
	const closed = closedParts(attachment, tracking);
	const sco = findSco(attachment, asked, tracking, closed);
	if (!sco) error(asked === null ? 403 : 404, translate(locale, asked === null ? REFUSED.nothing : 'error.notFound'));
	if (closed.has(sco.identifier)) error(403, translate(locale, REFUSED.closed));
	// The address always names the SCO on screen, so back and forward return to the same one
	// (the resume point an address without it means moves as the learner progresses).
	if (asked === null) redirect(303, `?sco=${encodeURIComponent(sco.identifier)}`);
	return { ...page, commitUrl: `/api/scorm/commit/${attachment.id}/${sco.activityId}`, ended: false, sharedData: null, ...playerView(db, user, attachment, sco, null) };
}) satisfies PageServerLoad;
