import { requireManagedQuiz } from '$lib/server/cohorts/guard';
import { analyseItems } from '$lib/server/reports/item-analysis';
import { ATTEMPT_FILTERS, cohortQuizResults, type AttemptFilter } from '$lib/server/reports/quiz-results';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const { db, cohort, course, module, quiz, quizId } = requireManagedQuiz(event);
	const asked = event.url.searchParams.get('attempts') ?? 'first';
	const filter: AttemptFilter = (ATTEMPT_FILTERS as readonly string[]).includes(asked) ? (asked as AttemptFilter) : 'first';
	return {
		cohort: { id: cohort.id, name: cohort.name },
		course: { slug: course.slug, title: course.title },
		module: { slug: module.slug, number: module.number, title: module.title },
		quizTitle: quiz.settings.title,
		filter,
		analysis: analyseItems(quiz, cohortQuizResults(db, cohort.id, quizId, filter))
	};
}) satisfies PageServerLoad;
