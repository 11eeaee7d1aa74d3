// A thread: its posts a page at a time, the reply form, and the author's and moderators' actions.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { translate } from '$lib/server/i18n';
import { forbiddenMessage } from '$lib/server/auth/guard';
import { writeIfPossible } from '$lib/server/db/errors';
import { canModerate, canSeeThread } from '$lib/server/discussions/access';
import { postTooLarge, previewOf, resolveBoard } from '../board.server';
import { editSchema, replySchema } from '$lib/server/discussions/schemas';
import {
	countPosts,
	deletePost,
	editPost,
	getPost,
	getThread,
	listPosts,
	markRead,
	pageOfPost,
	postingWait,
	POSTS_PER_PAGE,
	replyToThread
} from '$lib/server/discussions/service';
import { MAX_REPORT_REASON, reportPost, setPostHidden, setThreadFlag } from '$lib/server/discussions/moderation';
import { pageScripts } from '$lib/server/page-script';
import { readFormWithinLimit } from '$lib/server/http/body-limit';
import { parseForm, readForm } from '$lib/server/http/form';
import { pageParam } from '$lib/server/http/page-param';
import { RenderedOnServer } from '$lib/rendered-on-server';
import { boardPath } from '$lib/discussions';
import { hasRawHtml } from '$lib/markdown/raw-html';
import { draftKey } from '$lib/discussions/drafts';
import type { Actions, PageServerLoad } from './$types';

function resolveThread(event: RequestEvent<{ course: string; thread: string }>) {
	const base = resolveBoard(event);
	const thread = getThread(base.db, Number(event.params.thread));
	// another cohort's thread is reported as missing: its existence is not the learner's business
	if (!thread || thread.courseId !== base.course.slug || !canSeeThread(base.scope, thread)) {
		error(404, translate(event.locals.locale, 'error.notFound'));
	}
	const moderator = canModerate(base.scope, thread);
	if (thread.hidden && !moderator) error(404, translate(event.locals.locale, 'error.notFound'));
	return { ...base, thread, moderator };
}

// A thread is a document like the boards (see their +page.server.ts): its forms are plain POSTs
// whose addresses keep the page in view ($lib/discussions threadAction), its posts are rendered
// on the server only, and its one script is src/lib/discussions/page.ts.
export const csr = false;

export const load = ((event) => {
	const { user, db, course, thread, moderator } = resolveThread(event);
	const total = countPosts(db, thread.id);
	const pages = Math.max(1, Math.ceil(total / POSTS_PER_PAGE));
	const postParam = Number(event.url.searchParams.get('post'));
	if (postParam && !event.url.searchParams.has('page')) {
		redirect(303, `${event.url.pathname}?page=${pageOfPost(db, thread.id, postParam)}#post-${postParam}`);
	}
	const page = pageParam(event.url, pages);
	const posts = listPosts(db, thread.id, page);
	// the thread still shows when the database cannot take writes; only the read mark waits
	if (posts.length) writeIfPossible(() => markRead(db, user.id, thread.id, posts.at(-1)!.id));
	const quoteId = Number(event.url.searchParams.get('quote'));
	const quoted = quoteId ? posts.find((p) => p.id === quoteId) ?? getPost(db, quoteId) : null;
	const editId = Number(event.url.searchParams.get('edit'));
	const module = course.modules.find((m) => m.slug === thread.moduleSlug);
	// everything only the server renders with: this page sends no data to the browser
	const view = {
		course: { slug: course.slug, title: course.title },
		board: module ? { href: boardPath(course.slug, module.slug), title: module.title } : null,
		// the drafts the browser keeps: this thread's reply, and a new thread on its board that lands here
		drafts: {
			reply: draftKey.reply(user.username, thread.id),
			newThread: draftKey.newThread(user.username, boardPath(course.slug, thread.moduleSlug))
		},
		thread: { id: thread.id, title: thread.title, locked: thread.locked, pinned: thread.pinned, hidden: thread.hidden },
		posts: posts.map((p) => ({
			id: p.id,
			authorName: p.authorName,
			authorIsTrainer: p.authorIsTrainer,
			mine: p.authorId === user.id,
			quoteOf: p.quoteOf,
			createdAt: p.createdAt,
			editedAt: p.editedAt,
			deleted: p.deleted,
			hidden: p.hidden,
			// sanitised when the post was saved; hidden posts show only to moderators
			bodyHtml: p.deleted || (p.hidden && !moderator) ? '' : p.bodyHtml,
			bodyMd: p.authorId === user.id && editId === p.id ? p.bodyMd : '',
			// the author is told, beside the post, that the HTML they typed is not shown
			htmlDropped: p.authorId === user.id && !p.deleted && hasRawHtml(p.bodyMd)
		})),
		page,
		pages,
		moderator,
		editing: editId || null,
		quoteText:
			quoted && quoted.threadId === thread.id && !quoted.deleted && !quoted.hidden
				? `> **${quoted.authorName}:** ${quoted.bodyMd.split('\n').join('\n> ')}\n\n`
				: '',
		quoteOf: quoted?.id ?? null
	};
	return { thread: new RenderedOnServer(view), scriptSrc: pageScripts.discussions.src };
}) satisfies PageServerLoad;

export const actions = {
	reply: async (event) => {
		const { user, db, course, thread } = resolveThread(event);
		const form = await readFormWithinLimit(event.request);
		if (!form) return postTooLarge(event.locals.locale, { body: '' });
		const values = { body: String(form.get('body') ?? '') };
		if (form.get('intent') === 'preview') return { preview: previewOf(values.body), values };
		const parsed = parseForm(replySchema, form);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values });
		const wait = postingWait(db, user.id);
		if (wait > 0) return fail(429, { message: 'discussion.slowDown' as const, seconds: Math.ceil(wait / 1000), values });
		const result = replyToThread(db, {
			threadId: thread.id,
			authorId: user.id,
			bodyMd: parsed.data.body,
			quoteOf: parsed.data.quoteOf ?? null
		});
		if (!result.ok) {
			const key = result.reason === 'locked' ? ('discussion.threadLocked' as const) : ('discussion.threadClosed' as const);
			return fail(409, { message: key, values });
		}
		redirect(303, `/courses/${course.slug}/discussions/${thread.id}?post=${result.postId}`);
	},
	edit: async (event) => {
		const { user, db, course, thread } = resolveThread(event);
		const form = await readFormWithinLimit(event.request);
		if (!form) {
			// the post being edited is named in the form's address too (?edit=): its form comes back
			// with the text as stored (edits have no draft in the browser)
			const post = getPost(db, Number(event.url.searchParams.get('edit')));
			if (!post || post.threadId !== thread.id || post.deleted || post.authorId !== user.id) return postTooLarge(event.locals.locale, { body: '' });
			return fail(413, { ...postTooLarge(event.locals.locale, { body: post.bodyMd }).data, editing: post.id });
		}
		const parsed = parseForm(editSchema, form);
		const values = { body: String(form.get('body') ?? '') };
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values, editing: Number(form.get('postId')) });
		const post = getPost(db, parsed.data.postId);
		if (!post || post.threadId !== thread.id || post.deleted) error(404, translate(event.locals.locale, 'error.notFound'));
		if (post.authorId !== user.id) error(403, translate(event.locals.locale, 'discussion.notYourPost'));
		editPost(db, post.id, parsed.data.body);
		redirect(303, `/courses/${course.slug}/discussions/${thread.id}?post=${post.id}`);
	},
	delete: async (event) => {
		const { user, db, course, thread } = resolveThread(event);
		const post = getPost(db, Number((await readForm(event.request)).get('postId')));
		if (!post || post.threadId !== thread.id) error(404, translate(event.locals.locale, 'error.notFound'));
		if (post.authorId !== user.id) error(403, translate(event.locals.locale, 'discussion.notYourPost'));
		deletePost(db, post.id);
		redirect(303, `/courses/${course.slug}/discussions/${thread.id}?post=${post.id}`);
	},
	report: async (event) => {
		const { user, db, thread } = resolveThread(event);
		const form = await readForm(event.request);
		const post = getPost(db, Number(form.get('postId')));
		if (!post || post.threadId !== thread.id || post.deleted) error(404, translate(event.locals.locale, 'error.notFound'));
		const reason = String(form.get('reason') ?? '').trim();
		if (!reason) return fail(400, { reportError: 'discussion.reasonRequired' as const, reportPost: post.id, reason });
		if (reason.length > MAX_REPORT_REASON) return fail(400, { reportError: 'discussion.reasonTooLong' as const, reportPost: post.id, reason });
		const result = reportPost(db, post.id, user.id, reason);
		return { reported: result.ok ? ('discussion.reported' as const) : ('discussion.alreadyReported' as const), reportPost: post.id };
	},
	hidePost: async (event) => {
		const { user, db, course, thread, moderator } = resolveThread(event);
		if (!moderator) error(403, forbiddenMessage(event.locals));
		const form = await readForm(event.request);
		const post = getPost(db, Number(form.get('postId')));
		if (!post || post.threadId !== thread.id) error(404, translate(event.locals.locale, 'error.notFound'));
		setPostHidden(db, post.id, form.get('value') === '1', user.id);
		redirect(303, `/courses/${course.slug}/discussions/${thread.id}?post=${post.id}`);
	},
	moderate: async (event) => {
		const { user, db, course, thread, moderator } = resolveThread(event);
		if (!moderator) error(403, forbiddenMessage(event.locals));
		const form = await readForm(event.request);
		const flag = String(form.get('flag'));
		if (flag !== 'pinned' && flag !== 'locked' && flag !== 'hidden') return fail(400, { message: 'form.invalid' as const });
		setThreadFlag(db, thread.id, flag, form.get('value') === '1', user.id);
		redirect(303, `/courses/${course.slug}/discussions/${thread.id}`);
	}
} satisfies Actions;
