// The trainers' queue of reported posts, for the cohorts they teach (everything for admins).
import { error, redirect } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';
import { forbiddenMessage, requireRole } from '$lib/server/auth/guard';
import { canModerate, discussionScope } from '$lib/server/discussions/access';
import { getReport, listOpenReports, resolveReports } from '$lib/server/discussions/moderation';
import { getThread } from '$lib/server/discussions/service';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireRole(event, 'trainer', 'admin');
	return { reports: listOpenReports(getDb(), user) };
}) satisfies PageServerLoad;

export const actions = {
	resolve: async (event) => {
		const user = requireRole(event, 'trainer', 'admin');
		const db = getDb();
		const form = await readForm(event.request);
		const report = getReport(db, Number(form.get('reportId')));
		const thread = report ? getThread(db, report.threadId) : null;
		if (!report || !thread) error(404, translate(event.locals.locale, 'error.notFound'));
		if (!canModerate(discussionScope(db, user, thread.courseId), thread)) error(403, forbiddenMessage(event.locals));
		resolveReports(db, report.postId, user.id, form.get('hide') === '1');
		redirect(303, '/manage/reports');
	}
} satisfies Actions;
