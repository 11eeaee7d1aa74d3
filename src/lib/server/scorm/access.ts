// Finding a placed package and its SCOs for a request, with the same rule as every course page:
// only people who may open the course reach its packages (files, player, commits).
import { error } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';
import { requireCourse } from '../courses/access';
import { findModule, type Catalog } from '../courses/catalog';
import type { Course, Module } from '../courses/loader';
import type { Db } from '../db/open';
import type { User } from '../users/service';
import { isActivityDone } from '../tracking/status';
import type { Tracking } from '../tracking/service';
import type { Attachment, ScoActivity } from './store';

export interface PlacedAttachment {
	course: Course;
	module: Module;
	attachment: Attachment;
}

export function findAttachment(catalog: Catalog, attachmentId: number): Attachment | undefined {
	for (const list of catalog.scorm.values()) {
		const found = list.find((attachment) => attachment.id === attachmentId);
		if (found) return found;
	}
	return undefined;
}

/** The attachment by id, if this user may open its course; 404 when it doesn't exist (or was
 * removed, or its module is gone), 403 when the user isn't enrolled. */
export function requireAttachment(db: Db, catalog: Catalog, user: User, id: string | number, locale: App.Locals['locale']): PlacedAttachment {
	const attachment = /^\d{1,12}$/.test(String(id)) ? findAttachment(catalog, Number(id)) : undefined;
	if (!attachment) error(404, translate(locale, 'error.notFound'));
	const course = requireCourse(db, catalog, user, attachment.courseSlug, locale);
	const module = findModule(course, attachment.moduleSlug);
	if (!module) error(404, translate(locale, 'error.notFound'));
	return { course, module, attachment };
}

/** The SCO asked for; without one, where the learner left off: the part opened last if it isn't
 * done yet, else the first part not done, else the first part. */
export function findSco(
	attachment: Attachment,
	identifier: string | null,
	tracking: Map<number, Tracking> = new Map(),
	/** parts the learner may not open now (SCORM 1.2 prerequisites): never the resume point */
	closed: ReadonlySet<string> = new Set()
): ScoActivity | undefined {
	if (identifier !== null) return attachment.scos.find((sco) => sco.identifier === identifier);
	const done = (sco: ScoActivity) => isActivityDone('scorm', tracking.get(sco.activityId));
	const open = attachment.scos.filter((sco) => !closed.has(sco.identifier));
	const lastOpened = open
		.filter((sco) => tracking.get(sco.activityId)?.lastAccessedAt)
		.sort((a, b) => tracking.get(b.activityId)!.lastAccessedAt! - tracking.get(a.activityId)!.lastAccessedAt!)[0];
	if (lastOpened && !done(lastOpened)) return lastOpened;
	return open.find((sco) => !done(sco)) ?? open[0];
}

export function findScoByActivity(attachment: Attachment, activityId: number): ScoActivity | undefined {
	return attachment.scos.find((sco) => sco.activityId === activityId);
}
