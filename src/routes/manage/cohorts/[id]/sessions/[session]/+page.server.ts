import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import { listCohortLearners } from '$lib/server/cohorts/service';
import { getCatalog } from '$lib/server/courses/current';
import { readForm } from '$lib/server/http/form';
import { readSessionForm } from '$lib/server/sessions/form';
import { checkedInByCode, deleteSession, getSession, searchKey, sessionAttendance, setAttendance, updateSession } from '$lib/server/sessions/service';
import { checkInUrl, qrSvg } from '$lib/server/sessions/qr';
import { vietnamDateTime } from '$lib/server/sessions/time';
import type { Actions, PageServerLoad } from './$types';

/** The cohort (the trainer's own, else 403) and one of its sessions (else 404). */
function requireSession(event: RequestEvent<{ id: string; session: string }>) {
	const managed = requireManagedCohort(event);
	const id = Number(event.params.session);
	const session = Number.isInteger(id) ? getSession(managed.db, id) : null;
	if (!session || session.cohortId !== managed.cohort.id) error(404, translate(event.locals.locale, 'error.notFound'));
	return { ...managed, session };
}

export const load = (async (event) => {
	const { db, cohort, session } = requireSession(event);
	const query = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const key = searchKey(query);
	const attendance = sessionAttendance(db, session);
	const byCode = checkedInByCode(db, session);
	const learners = listCohortLearners(db, cohort.id);
	const shown = key ? learners.filter((l) => searchKey(`${l.displayName} ${l.username} ${l.organisation ?? ''}`).includes(key)) : learners;
	const courseTitle = getCatalog().courses.find((c) => c.slug === session.courseId)?.title ?? session.courseId;
	const start = vietnamDateTime(session.startsAt);
	return {
		cohort: { id: cohort.id, name: cohort.name },
		session: {
			id: session.id,
			title: session.title,
			place: session.place,
			hours: session.hours,
			courseTitle,
			code: session.checkinCode,
			date: start.date,
			start: start.time,
			end: vietnamDateTime(session.endsAt).time
		},
		checkInUrl: `${event.url.origin}/diem-danh`,
		qr: await qrSvg(checkInUrl(event.url.origin, session.checkinCode)),
		query,
		attendedCount: attendance.size,
		learnerCount: learners.length,
		roster: shown.map((l) => ({
			id: l.id,
			name: l.displayName,
			username: l.username,
			organisation: l.organisation,
			attendedAt: attendance.get(l.id) ?? null,
			byCode: byCode.has(l.id) && attendance.has(l.id)
		})),
		created: event.url.searchParams.has('created')
	};
}) satisfies PageServerLoad;

export const actions = {
	update: async (event) => {
		const { db, cohort, session } = requireSession(event);
		const result = readSessionForm(await readForm(event.request), [session.courseId]);
		if (!result.ok) return fail(400, { errors: result.errors, values: result.values });
		updateSession(db, session.id, result.input);
		return { saved: true as const };
	},
	delete: async (event) => {
		const { db, cohort, session } = requireSession(event);
		if (deleteSession(db, session) === 'hasAttendance') return fail(409, { message: 'sessions.hasAttendance' as const });
		redirect(303, `/manage/cohorts/${cohort.id}/sessions?deleted=1`);
	},
	attendance: async (event) => {
		const { db, user, session } = requireSession(event);
		const form = await readForm(event.request);
		const ids = (name: string) => form.getAll(name).map(Number).filter(Number.isInteger);
		const changed = setAttendance(db, session, ids('shown'), new Set(ids('present')), user.id);
		return { attendanceSaved: changed };
	}
} satisfies Actions;
