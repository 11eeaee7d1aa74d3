// The parts of the discussion pages' loads and actions that both board routes share
// (the course's general board and each module's board).
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';
import { boardPath, type BoardView } from '$lib/discussions';
import { draftKey } from '$lib/discussions/drafts';
import { requireUser } from '../auth/guard';
import { requireCourse, requireModule } from '../courses/access';
import { lessonActivityId } from '../courses/catalog';
import type { Course } from '../courses/loader';
import type { Db } from '../db/open';
import { markCompleted } from '../tracking/service';
import { getCatalog } from '../courses/current';
import { getDb } from '../db';
import { parseForm, readForm } from '../http/form';
import { pageParam } from '../http/page-param';
import { renderUntrustedMarkdown } from '../markdown/render';
import { discussionScope } from './access';
import { threadSchema } from './schemas';
import { countThreads, createThread, listThreads, postingWait, THREADS_PER_PAGE, type Board } from './service';

type BoardParams = { course: string; module?: string };

export function resolveBoard(event: RequestEvent<BoardParams>) {
	const user = requireUser(event);
	const db = getDb();
	const course = requireCourse(db, getCatalog(), user, event.params.course, event.locals.locale);
	const module = event.params.module ? requireModule(course, event.params.module, event.locals.locale) : null;
	const scope = discussionScope(db, user, course.slug);
	const board: Board = { courseId: course.slug, moduleSlug: module?.slug ?? null };
	return { user, db, course, module, scope, board };
}

/** A board page's view, all but the list of module boards (the general board's alone). */
export function loadBoard(event: RequestEvent<BoardParams>, resolved = resolveBoard(event)): Omit<BoardView, 'moduleBoards'> {
	const { user, db, course, module, scope, board } = resolved;
	const cohorts = db
		.prepare(`SELECT id, name FROM cohort WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
		.all(JSON.stringify(scope.cohortIds)) as { id: number; name: string }[];
	const pages = Math.max(1, Math.ceil(countThreads(db, board, scope) / THREADS_PER_PAGE));
	const page = pageParam(event.url, pages);
	return {
		course: { slug: course.slug, title: course.title },
		module: module && { slug: module.slug, title: module.title, number: module.number },
		questions: module?.discussionQuestions ?? [],
		threads: listThreads(db, board, scope, user.id, page),
		page,
		pages,
		// posting needs a cohort to post in, unless the course shares its boards
		cohorts: course.sharedDiscussions ? [] : cohorts,
		draftKey: draftKey.newThread(user.username, boardPath(course.slug, module?.slug ?? null)),
		canPost: course.sharedDiscussions || cohorts.length > 0
	};
}

/** Turns a Markdown draft into the HTML it will show as, for the preview button. */
export function previewOf(markdown: string): string {
	return renderUntrustedMarkdown(markdown);
}

export async function createThreadAction(event: RequestEvent<BoardParams>) {
	const { user, db, course, scope, board } = resolveBoard(event);
	const form = await readForm(event.request);
	// echoed when the post is previewed or refused: the page shows them again, nothing typed is lost
	const values = { title: String(form.get('title') ?? ''), body: String(form.get('body') ?? ''), cohortId: String(form.get('cohortId') ?? '') };
	if (form.get('intent') === 'preview') return { preview: previewOf(values.body), values };
	const parsed = parseForm(threadSchema, form);
	if (!parsed.ok) return fail(400, { errors: parsed.errors, values });
	let cohortId: number | null = null;
	if (!course.sharedDiscussions) {
		cohortId = parsed.data.cohortId ?? scope.cohortIds[0] ?? null;
		if (cohortId === null || !scope.cohortIds.includes(cohortId)) {
			error(403, translate(event.locals.locale, 'discussion.notYourBoard'));
		}
	}
	const wait = postingWait(db, user.id);
	if (wait > 0) {
		event.setHeaders({ 'retry-after': String(Math.ceil(wait / 1000)) });
		return fail(429, { message: 'discussion.slowDown' as const, seconds: Math.ceil(wait / 1000), values });
	}
	const { threadId } = createThread(db, {
		board,
		cohortId,
		authorId: user.id,
		title: parsed.data.title,
		bodyMd: parsed.data.body
	});
	completeByPosting(db, course, board.moduleSlug, user.id);
	redirect(303, `/courses/${course.slug}/discussions/${threadId}`);
}

/** A module whose lesson says `completion: discussion` is completed by a post on its board. */
export function completeByPosting(db: Db, course: Course, moduleSlug: string | null, userId: number) {
	const module = course.modules.find((m) => m.slug === moduleSlug);
	if (module?.completion !== 'discussion') return;
	markCompleted(db, userId, lessonActivityId(getCatalog(), course, module));
}
