// Finding a placed package and its SCOs for a request, with the same rule as every course page:
// only people who may open the course reach its packages (files, player, commits).
import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { requireCourse } from '../courses/access';
import { findModule, type Catalog } from '../courses/catalog';
import type { Course, Module } from '../courses/loader';
import type { Db } from '../db/open';
import type { User } from '../users/service';
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

export function findSco(attachment: Attachment, identifier: string | null): ScoActivity | undefined {
	return identifier === null ? attachment.scos[0] : attachment.scos.find((sco) => sco.identifier === identifier);
}

export function findScoByActivity(attachment: Attachment, activityId: number): ScoActivity | undefined {
	return attachment.scos.find((sco) => sco.activityId === activityId);
}
