import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { requireCourse, requireModule } from '$lib/server/courses/access';
import { lessonActivityId, moduleAttachments } from '$lib/server/courses/catalog';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { DOWNLOAD_HEADER } from '$lib/offline/store';
import { RenderedOnServer } from '$lib/rendered-on-server';
import { pageScripts } from '$lib/server/page-script';
import { writeIfPossible } from '$lib/server/db/errors';
import { recordVisit } from '$lib/server/tracking/reading';
import { applyResult } from '$lib/server/tracking/record';
import { getTracking, getTrackingFor } from '$lib/server/tracking/service';
import { countDone } from '$lib/server/tracking/status';
import type { Actions, PageServerLoad } from './$types';

function resolveLesson(event: RequestEvent<{ course: string; module: string }>) {
	const user = requireUser(event);
	const db = getDb();
	const catalog = getCatalog();
	const course = requireCourse(db, catalog, user, event.params.course, event.locals.locale);
	const module = requireModule(course, event.params.module, event.locals.locale);
	return { user, db, catalog, course, module, activityId: lessonActivityId(catalog, course, module) };
}

// A lesson is a document: server-rendered HTML and one small script of its own
// (src/lib/lesson/tracker.ts), without SvelteKit's client (see $lib/documents).
export const csr = false;

export const load = ((event) => {
	const { user, db, catalog, course, module, activityId } = resolveLesson(event);
	// the lesson still opens when the database cannot take writes; only the launch goes unrecorded.
	// A download for offline study is no visit: the learner reads it later, and its heartbeats say when.
	const downloading = event.request.headers.has(DOWNLOAD_HEADER);
	const tracking =
		(downloading ? null : writeIfPossible(() => recordVisit(db, user.id, activityId))) ?? getTracking(db, user.id, activityId);
	const attachments = moduleAttachments(catalog, course, module);
	const scoRows = getTrackingFor(db, user.id, attachments.flatMap((a) => a.scos.map((sco) => sco.activityId)));
	const index = course.modules.indexOf(module);
	const neighbour = (i: number) => {
		const other = course.modules[i];
		return other ? { slug: other.slug, title: other.title } : null;
	};
	// everything only the server renders with: this page sends no data to the browser
	return {
		lesson: new RenderedOnServer({
			course: { slug: course.slug, title: course.title, language: course.language, hasGlossary: course.glossary !== null },
			module: {
				slug: module.slug,
				number: module.number,
				title: module.title,
				estimatedMinutes: module.estimatedMinutes,
				objectives: module.objectives,
				sections: module.lesson.sections,
				// rendered and sanitised by the course loader
				html: module.lesson.html
			},
			completed: tracking?.completionStatus === 'completed',
			// whose outbox this page sends: on a shared phone, another learner's queue waits for them
			learner: user.username,
			// SCORM packages placed in this module, with how many of their parts are done
			scorm: attachments.map((attachment) => ({
				id: attachment.id,
				title: attachment.title,
				total: attachment.scos.length,
				done: countDone(attachment.scos.map((sco) => ({ kind: 'scorm' as const, row: scoRows.get(sco.activityId) })))
			})),
			hasQuiz: module.quiz !== null,
			completesByPosting: module.completion === 'discussion',
			location: tracking?.location ?? null,
			previous: neighbour(index - 1),
			next: neighbour(index + 1),
			trackerSrc: pageScripts['lesson-tracker'].src
		})
	};
}) satisfies PageServerLoad;

export const actions = {
	complete: async (event) => {
		const { user, db, course, module, activityId } = resolveLesson(event);
		if (module.completion === 'discussion') return fail(409, { message: 'lesson.completesByPosting' as const });
		applyResult(db, user.id, activityId, { completion: 'completed' });
		redirect(303, `/courses/${course.slug}/${module.slug}#lesson-end`);
	}
} satisfies Actions;
