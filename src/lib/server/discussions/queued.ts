// Posts and replies written without a network: the browser queued them (its outbox) and sends
// each until it hears back, so each is applied once (tracking/operations applyOnce) with the same
// rules as the forms. One that cannot be posted (the thread was locked or closed meanwhile, or the
// text is refused) is answered `returned` with the reason: the browser puts it back in the form as
// a draft and shows the reason; nothing typed is dropped.
import { z } from 'zod';
import type { MessageKey } from '$lib/i18n';
import type { Db } from '../db/open';
import type { User } from '../users/service';
import type { Course } from '../courses/loader';
import { applyOnce, queuedFields } from '../tracking/operations';
import { canModerate, canSeeThread, type Scope } from './access';
import { replySchema, threadSchema } from './schemas';
import { createThread, getThread, postingWait, replyToThread } from './service';

const where = { course: z.string().max(100), ...queuedFields };

export const queuedPostSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('reply'), thread: z.number().int().positive(), body: z.string(), quoteOf: z.number().int().positive().optional(), ...where }),
	z.object({
		kind: z.literal('thread'),
		module: z.string().max(100).nullable(),
		title: z.string(),
		body: z.string(),
		cohortId: z.number().int().positive().optional(),
		...where
	})
]);

export type QueuedPost = z.infer<typeof queuedPostSchema>;

/** Posted (where it now is), or given back to its author with the reason (a catalogue key). */
export type QueuedPostResult = { posted: string } | { returned: MessageKey };

/** The account posted too recently (discussions' posting rate): the browser tries again later. */
export class PostingWait extends Error {
	constructor(readonly ms: number) {
		super('posting wait');
	}
}

/**
 * Applies `post` once for `user`: a second delivery gets the first answer. Throws PostingWait
 * (nothing written, nothing recorded) when the account must wait before posting again.
 */
export function applyQueuedPost(
	db: Db,
	user: User,
	course: Course,
	scope: Scope,
	post: QueuedPost & { op: string },
	now = Date.now()
): QueuedPostResult {
	return applyOnce(
		db,
		user.id,
		post.op,
		'discussion-post',
		(): QueuedPostResult => {
			const refused = checkText(post);
			if (refused) return { returned: refused };
			if (post.kind === 'reply') {
				const thread = getThread(db, post.thread);
				if (!thread || thread.courseId !== course.slug || !canSeeThread(scope, thread) || (thread.hidden && !canModerate(scope, thread))) {
					return { returned: 'discussion.threadClosed' };
				}
				// checked before writing: a refusal leaves the rate as it was
				if (!thread.locked && !thread.hidden) waitIfNeeded(db, user.id, now);
				const result = replyToThread(db, { threadId: thread.id, authorId: user.id, bodyMd: post.body, quoteOf: post.quoteOf ?? null }, now);
				if (!result.ok) return { returned: result.reason === 'locked' ? 'discussion.threadLocked' : 'discussion.threadClosed' };
				return { posted: `/courses/${course.slug}/discussions/${thread.id}?post=${result.postId}` };
			}
			const module = post.module === null ? null : course.modules.find((m) => m.slug === post.module);
			if (module === undefined) return { returned: 'discussion.notYourBoard' };
			let cohortId: number | null = null;
			if (!course.sharedDiscussions) {
				cohortId = post.cohortId ?? scope.cohortIds[0] ?? null;
				if (cohortId === null || !scope.cohortIds.includes(cohortId)) return { returned: 'discussion.notYourBoard' };
			}
			waitIfNeeded(db, user.id, now);
			const { threadId } = createThread(
				db,
				{ board: { courseId: course.slug, moduleSlug: module?.slug ?? null }, cohortId, authorId: user.id, title: post.title, bodyMd: post.body },
				now
			);
			return { posted: `/courses/${course.slug}/discussions/${threadId}` };
		},
		now
	).result;
}

function waitIfNeeded(db: Db, userId: number, now: number) {
	const wait = postingWait(db, userId, now);
	if (wait > 0) throw new PostingWait(wait);
}

/** The forms' own rules on the text: the first refusal's catalogue key, or null. */
function checkText(post: QueuedPost): MessageKey | null {
	const parsed = post.kind === 'reply' ? replySchema.safeParse({ body: post.body }) : threadSchema.safeParse({ title: post.title, body: post.body });
	return parsed.success ? null : ((parsed.error.issues[0]?.message ?? 'form.invalid') as MessageKey);
}
