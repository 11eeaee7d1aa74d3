// The cohort a /manage/cohorts/[id] route points at, for someone allowed to manage it: unknown
// cohort 404, another trainer's cohort 403. Every load, action and endpoint under it calls this.
import { error, type RequestEvent } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { forbiddenMessage, requireRole } from '../auth/guard';
import { getDb } from '../db';
import { canManageCohort, getCohort } from './service';

export function resolveCohort(event: RequestEvent<{ id: string }>) {
	const user = requireRole(event, 'trainer', 'admin');
	const db = getDb();
	const id = Number(event.params.id);
	const cohort = Number.isInteger(id) ? getCohort(db, id) : null;
	if (!cohort) error(404, translate(event.locals.locale, 'error.notFound'));
	if (!canManageCohort(db, user, cohort.id)) error(403, forbiddenMessage(event.locals));
	return { user, db, cohort };
}
