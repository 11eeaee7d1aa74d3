// Lesson heartbeats: time on task, the section in view, reaching the end. A beat the browser
// queued offline carries its operation id (applied once, a second delivery gets the first answer)
// how long ago it was taken, and who read it (another learner's beat is refused, 409).
import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/server/i18n';
import { requireCourse, requireModule } from '$lib/server/courses/access';
import { lessonActivityId } from '$lib/server/courses/catalog';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { assertSameOrigin } from '$lib/server/http/same-origin';
import { applyOnce, isOwnOperation, queuedFields } from '$lib/server/tracking/operations';
import { recordHeartbeat } from '$lib/server/tracking/reading';
import type { RequestHandler } from './$types';

const beatSchema = z.object({
	course: z.string().max(100),
	module: z.string().max(100),
	activeMs: z.number().finite().min(0).max(24 * 60 * 60_000),
	location: z.string().max(200).nullable(),
	reachedEnd: z.boolean(),
	...queuedFields
});

export const POST: RequestHandler = async ({ request, url, locals }) => {
	assertSameOrigin(request, url, locals.locale);
	if (!locals.user) error(401, translate(locals.locale, 'error.signInAgain'));
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		error(400, translate(locals.locale, 'form.invalid'));
	}
	const parsed = beatSchema.safeParse(body);
	if (!parsed.success) error(400, translate(locals.locale, 'form.invalid'));
	const beat = parsed.data;
	if (!isOwnOperation(locals.user.username, beat)) error(409, translate(locals.locale, 'error.otherLearner'));
	const db = getDb();
	const catalog = getCatalog();
	const course = requireCourse(db, catalog, locals.user, beat.course, locals.locale);
	const module = requireModule(course, beat.module, locals.locale);
	const known = module.lesson.sections.some((section) => section.id === beat.location);
	const userId = locals.user.id;
	const record = () => {
		const tracking = recordHeartbeat(db, userId, lessonActivityId(catalog, course, module), {
			activeMs: beat.activeMs,
			location: known ? beat.location : null,
			// a discussion module is completed by posting, not by reading to the end
			reachedEnd: beat.reachedEnd && module.completion === 'read',
			queuedForMs: beat.queuedForMs
		});
		return { completionStatus: tracking.completionStatus, totalTimeMs: tracking.totalTimeMs, location: tracking.location };
	};
	return json(beat.op ? applyOnce(db, userId, beat.op, 'heartbeat', record).result : record());
};
