import { RenderedOnServer } from '$lib/rendered-on-server';
import { requireUser } from '$lib/server/auth/guard';
import { getCertificateOfLearner } from '$lib/server/certificates/service';
import { requireCourse } from '$lib/server/courses/access';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { learnerCourseProgress } from '$lib/server/tracking/course-progress';
import { evaluateCourse } from '$lib/server/tracking/completion';
import { toChecklist } from '$lib/server/tracking/completion-rule';
import { listLearnerSessions } from '$lib/server/sessions/service';
import { vietnamDateTime } from '$lib/server/sessions/time';
import { discussionScope } from '$lib/server/discussions/access';
import { boardsWithNews } from '$lib/server/discussions/service';
import { trainersForLearner } from '$lib/server/cohorts/service';
import { courseVersion, modulePages, moduleThreads } from '$lib/server/courses/offline';
import { pageScripts } from '$lib/server/page-script';
import { quizActivityId } from '$lib/server/courses/catalog';
import { openUntimedAttempt } from '$lib/server/quiz/queued';
import type { PageServerLoad } from './$types';

// Links, a progress bar and a <details>: a document with nothing to hydrate (see $lib/documents).
export const csr = false;

export const load = ((event) => {
	const user = requireUser(event);
	const db = getDb();
	const catalog = getCatalog();
	const course = requireCourse(db, catalog, user, event.params.course, event.locals.locale);
	const progress = learnerCourseProgress(db, catalog, course, user.id);
	const resume = progress.resume;
	const sessions = listLearnerSessions(db, user.id, course.slug);
	const certificate = getCertificateOfLearner(db, user.id, course.slug);
	const news = boardsWithNews(db, course.slug, discussionScope(db, user, course.slug), user.id);
	const openAttemptOf = (module: (typeof course.modules)[number]) => {
		const quiz = quizActivityId(catalog, course, module);
		return quiz === undefined ? undefined : openUntimedAttempt(db, user.id, quiz);
	};
	// everything only the server renders with: this page sends no data to the browser
	return {
		overview: new RenderedOnServer({
			course: {
				slug: course.slug,
				title: course.title,
				summary: course.summary,
				// rendered and sanitised by the course loader
				introHtml: course.introHtml
			},
			modules: course.modules.map((module, index) => ({
				slug: module.slug,
				title: module.title,
				summary: module.summary,
				estimatedMinutes: module.estimatedMinutes,
				status: progress.modules[index]!.status,
				quiz: progress.modules[index]!.quiz,
				discussionNews: news.get(module.slug) ?? 0,
				lessonStatus: progress.modules[index]!.lessonStatus,
				doneActivities: progress.modules[index]!.doneActivities,
				totalActivities: progress.modules[index]!.totalActivities,
				offlinePages: modulePages(course, module, openAttemptOf(module)).join(' ')
			})),
			offlineVersion: courseVersion(course),
			offlineThreads: moduleThreads(course),
			offlineScript: pageScripts.offline.src,
			doneActivities: progress.doneActivities,
			totalActivities: progress.totalActivities,
			percent: progress.percent,
			generalNews: news.get(null) ?? 0,
			completedModules: progress.completedModules,
			checklist: toChecklist(evaluateCourse(db, catalog, course, user.id), course),
			sessions: sessions.map((s) => ({
				id: s.id,
				title: s.title,
				place: s.place,
				hours: s.hours,
				date: vietnamDateTime(s.startsAt).date,
				start: vietnamDateTime(s.startsAt).time,
				end: vietnamDateTime(s.endsAt).time,
				attendedAt: s.attendedAt
			})),
			sessionsRequired: course.completion.sessions,
			// whom to ask, from the learner's cohorts (trainers and admins teach, they do not ask)
			trainers: user.role === 'learner' ? trainersForLearner(db, user.id, course.slug) : null,
			// the notice once issued; the promise of one while the course issues them
			certificate: certificate
				? { id: certificate.id, serial: certificate.serial, issuedAt: certificate.issuedAt, revoked: certificate.revokedAt !== null }
				: null,
			issuesCertificates: course.certificate !== null,
			started: progress.modules.some((m) => m.status !== 'notStarted'),
			resumeHref: resume
				? resume.activity === 'quiz'
					? `/courses/${course.slug}/${resume.moduleSlug}/quiz`
					: `/courses/${course.slug}/${resume.moduleSlug}${resume.location ? `#${resume.location}` : ''}`
				: null
		})
	};
}) satisfies PageServerLoad;
