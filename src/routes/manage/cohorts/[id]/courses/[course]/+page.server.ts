import { fail } from '@sveltejs/kit';
import { requireManagedCohortCourse } from '$lib/server/cohorts/guard';
import { findModule } from '$lib/server/courses/catalog';
import { readForm } from '$lib/server/http/form';
import { listQuizWindows, parseVietnamDateTime, setQuizWindow, toVietnamDateTime } from '$lib/server/quiz/window';
import { loadCohortCourse } from '$lib/server/reports/cohort-course';
import { ACTIVITY_DAYS, courseReport } from '$lib/server/reports/course-report';
import { scormReport } from '$lib/server/reports/scorm-report';
import { sessionsReport } from '$lib/server/reports/sessions-report';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	const { db, cohort, catalog, course } = requireManagedCohortCourse(event);
	const report = courseReport(db, cohort.id, loadCohortCourse(db, catalog, cohort.id, course));
	const windows = listQuizWindows(db, cohort.id, course.slug);
	return {
		cohort: { id: cohort.id, name: cohort.name, enrolCode: cohort.enrolCode },
		course: { slug: course.slug, title: course.title },
		activityDays: ACTIVITY_DAYS,
		scorm: scormReport(db, catalog, cohort.id, course),
		sessions: sessionsReport(db, cohort.id, course.slug),
		// each quiz's window for this cohort, as the form's datetime-local values (Viet Nam time)
		quizWindows: course.modules
			.filter((m) => m.quiz)
			.map((m) => {
				const window = windows.get(m.slug);
				return {
					slug: m.slug,
					number: m.number,
					title: m.quiz!.settings.title,
					opensAt: window?.opensAt ?? null,
					closesAt: window?.closesAt ?? null,
					opensInput: window?.opensAt != null ? toVietnamDateTime(window.opensAt) : '',
					closesInput: window?.closesAt != null ? toVietnamDateTime(window.closesAt) : ''
				};
			}),
		...report
	};
}) satisfies PageServerLoad;

export const actions = {
	// a cohort's open and close times for one quiz; both left empty removes them
	quizWindow: async (event) => {
		const { user, db, cohort, course } = requireManagedCohortCourse(event);
		const form = await readForm(event.request);
		const slug = String(form.get('module') ?? '');
		if (!findModule(course, slug)?.quiz) return fail(400, { message: 'form.invalid' as const, module: slug });
		const opensText = String(form.get('opensAt') ?? '').trim();
		const closesText = String(form.get('closesAt') ?? '').trim();
		const opensAt = opensText ? parseVietnamDateTime(opensText) : null;
		const closesAt = closesText ? parseVietnamDateTime(closesText) : null;
		const echo = { module: slug, opensAt: opensText, closesAt: closesText };
		if ((opensText && opensAt === null) || (closesText && closesAt === null)) {
			return fail(400, { message: 'window.badDate' as const, ...echo });
		}
		if (opensAt !== null && closesAt !== null && opensAt >= closesAt) {
			return fail(400, { message: 'window.closeBeforeOpen' as const, ...echo });
		}
		setQuizWindow(db, { cohortId: cohort.id, courseId: course.slug, moduleSlug: slug }, { opensAt, closesAt }, user.id);
		return { windowSaved: slug };
	}
} satisfies Actions;
