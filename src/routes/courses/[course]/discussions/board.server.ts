// The parts of the discussion pages' loads and actions that the board routes share (the
// course's general board, each module's board, the thread and search pages): route code, so it
// lives beside the routes; the rules stay in $lib/server/discussions.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';
import { boardPath, type BoardView } from '$lib/discussions';
import type { Locale } from '$lib/i18n';
import { draftKey } from '$lib/discussions/drafts';
import { requireUser } from '$lib/server/auth/guard';
import { cohortNames } from '$lib/server/cohorts/service';
import { requireCourse, requireModule } from '$lib/server/courses/access';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { bodySizeLimitText, readFormWithinLimit } from '$lib/server/http/body-limit';
import { parseForm } from '$lib/server/http/form';
import { pageParam } from '$lib/server/http/page-param';
import { renderUntrustedMarkdown } from '$lib/server/markdown/render';
import { discussionScope } from '$lib/server/discussions/access';
import { threadSchema } from '$lib/server/discussions/schemas';
import { countThreads, createThread, listThreads, postingWait, THREADS_PER_PAGE, type Board } from '$lib/server/discussions/service';

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
	const cohorts = cohortNames(db, scope.cohortIds);
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
	const form = await readFormWithinLimit(event.request);
	if (!form) return postTooLarge(event.locals.locale, { title: '', body: '', cohortId: '' });
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
	redirect(303, `/courses/${course.slug}/discussions/${threadId}`);
}

/**
 * A post the server stopped reading at its body limit (BODY_SIZE_LIMIT): far over the 20,000
 * characters a post may have, so it is refused like one, on the body field. The server never read
 * the text to send it back; the form comes back empty and the page's script puts the draft the
 * browser kept (src/lib/discussions/drafts.ts) back into it.
 */
export function postTooLarge<V extends Record<string, string>>(locale: Locale, values: V) {
	return fail(413, { errors: { body: 'discussion.postTooLarge' as const }, errorParams: { limit: bodySizeLimitText(locale) }, values });
}
