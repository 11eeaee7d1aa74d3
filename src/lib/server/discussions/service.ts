// Threads and posts: creating, replying, editing, deleting (softly), read state and the
// search index, each write in one transaction so lists and counts never disagree.
import type { Db } from '../db/open';
import { htmlToText, renderUntrustedMarkdown, showsNothing } from '../markdown/render';
import { recordFailure, retryAfterMs, type ThrottlePolicy } from '../auth/throttle';
import { config } from '../config';
import { recordPosting } from '../tracking/posting';
import type { Scope } from './access';
import { foldForSearch, snippet, toFtsQuery } from './search';

export const POSTS_PER_PAGE = 25;
/** Threads a board page lists: a board page costs the same however many threads the board holds. */
export const THREADS_PER_PAGE = 20;
export const MAX_TITLE_LENGTH = 200;
export const MAX_BODY_LENGTH = 20_000;
/** Thrown instead of storing a post that would show nothing; the forms' schemas refuse it first. */
export class EmptyPostError extends Error {
	constructor() {
		super('a post must show some text or an image once its HTML is dropped');
	}
}

/** The post, once rendered, would be an empty card (typed only as HTML, which is not shown). */
export function postShowsNothing(bodyMd: string): boolean {
	return showsNothing(renderUntrustedMarkdown(bodyMd));
}

/** A post's HTML as stored; never an empty card. */
function renderPost(bodyMd: string): string {
	const html = renderUntrustedMarkdown(bodyMd);
	if (showsNothing(html)) throw new EmptyPostError();
	return html;
}

/** More than `postsPerMinute` posts (default 5) in a minute from one account is slowed down. */
export function postRate(postsPerMinute = config.postsPerMinute): ThrottlePolicy {
	return { maxFailures: postsPerMinute, windowMs: 60_000, lockMs: 30_000, maxLockMs: 5 * 60_000 };
}

export interface Board {
	courseId: string;
	/** null: the course's general board */
	moduleSlug: string | null;
}

export interface Thread {
	id: number;
	courseId: string;
	moduleSlug: string | null;
	cohortId: number | null;
	authorId: number;
	title: string;
	pinned: boolean;
	locked: boolean;
	hidden: boolean;
	createdAt: number;
	lastPostAt: number;
}

interface ThreadRow {
	id: number;
	course_id: string;
	module_slug: string | null;
	cohort_id: number | null;
	author_id: number;
	title: string;
	pinned: number;
	locked: number;
	hidden_at: number | null;
	created_at: number;
	last_post_at: number;
}

const toThread = (r: ThreadRow): Thread => ({
	id: r.id,
	courseId: r.course_id,
	moduleSlug: r.module_slug,
	cohortId: r.cohort_id,
	authorId: r.author_id,
	title: r.title,
	pinned: r.pinned === 1,
	locked: r.locked === 1,
	hidden: r.hidden_at !== null,
	createdAt: r.created_at,
	lastPostAt: r.last_post_at
});

export function getThread(db: Db, id: number): Thread | null {
	const row = db.prepare('SELECT * FROM thread WHERE id = ?').get(id) as ThreadRow | undefined;
	return row ? toThread(row) : null;
}

/** Which threads a scope sees: its cohorts' and the shared ones; hidden ones only where it moderates. */
function visibility(scope: Scope): { sql: string; params: unknown[] } {
	if (scope.isAdmin) return { sql: '1', params: [] };
	return {
		sql: `(t.cohort_id IS NULL OR t.cohort_id IN (SELECT value FROM json_each(?)))
		      AND (t.hidden_at IS NULL OR t.cohort_id IN (SELECT value FROM json_each(?))
		           OR (t.cohort_id IS NULL AND ?))`,
		params: [JSON.stringify(scope.cohortIds), JSON.stringify(scope.moderatedCohortIds), scope.moderatedCohortIds.length > 0 ? 1 : 0]
	};
}

export interface ThreadSummary extends Thread {
	authorName: string;
	authorIsTrainer: boolean;
	replyCount: number;
	/** posts by others since the reader last opened the thread */
	unread: number;
}

/** How many threads of a board the scope sees (for the board's pager). */
export function countThreads(db: Db, board: Board, scope: Scope): number {
	const where = visibility(scope);
	return db
		.prepare(`SELECT count(*) FROM thread t WHERE t.course_id = ? AND t.module_slug IS ? AND ${where.sql}`)
		.pluck()
		.get(board.courseId, board.moduleSlug, ...where.params) as number;
}

/**
 * One page of a board's threads, pinned first, then the most recently active. The page's threads
 * are chosen first, so the per-thread counts are computed for those alone.
 */
export function listThreads(db: Db, board: Board, scope: Scope, readerId: number, page = 1): ThreadSummary[] {
	const where = visibility(scope);
	const rows = db
		.prepare(
			`WITH shown AS (
			   SELECT t.id FROM thread t
			   WHERE t.course_id = ? AND t.module_slug IS ? AND ${where.sql}
			   ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC LIMIT ? OFFSET ?)
			 SELECT t.*, u.display_name AS author_name, u.role AS author_role,
			   (SELECT count(*) - 1 FROM post p WHERE p.thread_id = t.id) AS reply_count,
			   (SELECT count(*) FROM post p WHERE p.thread_id = t.id AND p.author_id != ?
			      AND p.deleted_at IS NULL AND p.hidden_at IS NULL
			      AND p.id > coalesce(r.last_read_post_id, 0)) AS unread
			 FROM shown JOIN thread t ON t.id = shown.id JOIN user u ON u.id = t.author_id
			 LEFT JOIN thread_read r ON r.thread_id = t.id AND r.user_id = ?
			 ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC`
		)
		.all(board.courseId, board.moduleSlug, ...where.params, THREADS_PER_PAGE, (page - 1) * THREADS_PER_PAGE, readerId, readerId) as (ThreadRow & {
		author_name: string;
		author_role: string;
		reply_count: number;
		unread: number;
	})[];
	return rows.map((r) => ({
		...toThread(r),
		authorName: r.author_name,
		authorIsTrainer: r.author_role !== 'learner',
		replyCount: r.reply_count,
		unread: r.unread
	}));
}

/** Per board of a course, how many threads have posts the reader has not seen. */
export function boardsWithNews(db: Db, courseId: string, scope: Scope, readerId: number): Map<string | null, number> {
	const where = visibility(scope);
	const rows = db
		.prepare(
			`SELECT t.module_slug, count(*) AS threads FROM thread t
			 LEFT JOIN thread_read r ON r.thread_id = t.id AND r.user_id = ?
			 WHERE t.course_id = ? AND ${where.sql}
			   AND EXISTS (SELECT 1 FROM post p WHERE p.thread_id = t.id AND p.author_id != ?
			     AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND p.id > coalesce(r.last_read_post_id, 0))
			 GROUP BY t.module_slug`
		)
		.all(readerId, courseId, ...where.params, readerId) as { module_slug: string | null; threads: number }[];
	return new Map(rows.map((r) => [r.module_slug, r.threads]));
}

function indexPost(db: Db, postId: number, title: string, bodyMd: string, bodyHtml: string) {
	db.prepare('DELETE FROM post_search WHERE rowid = ?').run(postId);
	db.prepare('INSERT INTO post_search (rowid, title, body) VALUES (?, ?, ?)').run(
		postId,
		foldForSearch(title),
		foldForSearch(htmlToText(bodyHtml) || bodyMd)
	);
}

export function markRead(db: Db, userId: number, threadId: number, lastPostId: number): void {
	// most views show nothing new (a page seen before, the author's own post): no write, no fsync
	const seen = db.prepare('SELECT last_read_post_id FROM thread_read WHERE user_id = ? AND thread_id = ?').pluck().get(userId, threadId);
	if (typeof seen === 'number' && seen >= lastPostId) return;
	db.prepare(
		`INSERT INTO thread_read (user_id, thread_id, last_read_post_id) VALUES (?, ?, ?)
		 ON CONFLICT (user_id, thread_id) DO UPDATE SET
		   last_read_post_id = max(last_read_post_id, excluded.last_read_post_id)`
	).run(userId, threadId, lastPostId);
}

/** Milliseconds before this account may post again (0: now). */
export function postingWait(db: Db, userId: number, now = Date.now()): number {
	return retryAfterMs(db, [`post:user:${userId}`], now);
}

function countPost(db: Db, userId: number, now: number) {
	recordFailure(db, `post:user:${userId}`, postRate(), now);
}

export interface NewThread {
	board: Board;
	cohortId: number | null;
	authorId: number;
	title: string;
	bodyMd: string;
}

export function createThread(db: Db, input: NewThread, now = Date.now()): { threadId: number; postId: number } {
	return db
		.transaction(() => {
			const title = input.title.trim();
			const { lastInsertRowid } = db
				.prepare(
					`INSERT INTO thread (course_id, module_slug, cohort_id, author_id, title, created_at, last_post_at)
					 VALUES (?, ?, ?, ?, ?, ?, ?)`
				)
				.run(input.board.courseId, input.board.moduleSlug, input.cohortId, input.authorId, title, now, now);
			const threadId = Number(lastInsertRowid);
			const postId = insertPost(db, threadId, input.authorId, input.bodyMd, null, title, now);
			countPost(db, input.authorId, now);
			recordPosting(db, input.authorId, input.board.courseId, input.board.moduleSlug, now);
			return { threadId, postId };
		})
		.immediate();
}

function insertPost(
	db: Db,
	threadId: number,
	authorId: number,
	bodyMd: string,
	quoteOf: number | null,
	title: string,
	now: number
): number {
	const html = renderPost(bodyMd);
	const { lastInsertRowid } = db
		.prepare(
			`INSERT INTO post (thread_id, author_id, quote_of, body_md, body_html, created_at)
			 VALUES (?, ?, ?, ?, ?, ?)`
		)
		.run(threadId, authorId, quoteOf, bodyMd, html, now);
	const postId = Number(lastInsertRowid);
	indexPost(db, postId, title, bodyMd, html);
	markRead(db, authorId, threadId, postId);
	return postId;
}

export type ReplyResult = { ok: true; postId: number } | { ok: false; reason: 'locked' | 'hidden' | 'missing' };

export function replyToThread(
	db: Db,
	input: { threadId: number; authorId: number; bodyMd: string; quoteOf: number | null },
	now = Date.now()
): ReplyResult {
	return db
		.transaction((): ReplyResult => {
			const thread = getThread(db, input.threadId);
			if (!thread) return { ok: false, reason: 'missing' };
			if (thread.locked) return { ok: false, reason: 'locked' };
			if (thread.hidden) return { ok: false, reason: 'hidden' };
			const quote =
				input.quoteOf !== null &&
				db.prepare('SELECT 1 FROM post WHERE id = ? AND thread_id = ?').get(input.quoteOf, thread.id)
					? input.quoteOf
					: null;
			const postId = insertPost(db, thread.id, input.authorId, input.bodyMd, quote, '', now);
			db.prepare('UPDATE thread SET last_post_at = ? WHERE id = ?').run(now, thread.id);
			countPost(db, input.authorId, now);
			recordPosting(db, input.authorId, thread.courseId, thread.moduleSlug, now);
			return { ok: true, postId };
		})
		.immediate();
}

export interface Post {
	id: number;
	threadId: number;
	authorId: number;
	authorName: string;
	authorIsTrainer: boolean;
	quoteOf: number | null;
	bodyMd: string;
	bodyHtml: string;
	createdAt: number;
	editedAt: number | null;
	deleted: boolean;
	hidden: boolean;
}

interface PostRow {
	id: number;
	thread_id: number;
	author_id: number;
	author_name: string;
	author_role: string;
	quote_of: number | null;
	body_md: string;
	body_html: string;
	created_at: number;
	edited_at: number | null;
	deleted_at: number | null;
	hidden_at: number | null;
}

const toPost = (r: PostRow): Post => ({
	id: r.id,
	threadId: r.thread_id,
	authorId: r.author_id,
	authorName: r.author_name,
	authorIsTrainer: r.author_role !== 'learner',
	quoteOf: r.quote_of,
	bodyMd: r.body_md,
	bodyHtml: r.body_html,
	createdAt: r.created_at,
	editedAt: r.edited_at,
	deleted: r.deleted_at !== null,
	hidden: r.hidden_at !== null
});

const POST_COLUMNS = `p.*, u.display_name AS author_name, u.role AS author_role`;

export function getPost(db: Db, id: number): Post | null {
	const row = db
		.prepare(`SELECT ${POST_COLUMNS} FROM post p JOIN user u ON u.id = p.author_id WHERE p.id = ?`)
		.get(id) as PostRow | undefined;
	return row ? toPost(row) : null;
}

export function countPosts(db: Db, threadId: number): number {
	return (db.prepare('SELECT count(*) AS n FROM post WHERE thread_id = ?').get(threadId) as { n: number }).n;
}

export function listPosts(db: Db, threadId: number, page: number): Post[] {
	const rows = db
		.prepare(
			`SELECT ${POST_COLUMNS} FROM post p JOIN user u ON u.id = p.author_id
			 WHERE p.thread_id = ? ORDER BY p.id LIMIT ? OFFSET ?`
		)
		.all(threadId, POSTS_PER_PAGE, (page - 1) * POSTS_PER_PAGE) as PostRow[];
	return rows.map(toPost);
}

/** The page of a thread on which a post stands, so a link to it lands right. */
export function pageOfPost(db: Db, threadId: number, postId: number): number {
	const { n } = db.prepare('SELECT count(*) AS n FROM post WHERE thread_id = ? AND id < ?').get(threadId, postId) as {
		n: number;
	};
	return Math.floor(n / POSTS_PER_PAGE) + 1;
}

export function editPost(db: Db, postId: number, bodyMd: string, now = Date.now()): void {
	db.transaction(() => {
		const html = renderPost(bodyMd);
		db.prepare('UPDATE post SET body_md = ?, body_html = ?, edited_at = ? WHERE id = ?').run(bodyMd, html, now, postId);
		const post = getPost(db, postId)!;
		const first = db.prepare('SELECT min(id) AS id FROM post WHERE thread_id = ?').get(post.threadId) as { id: number };
		const title = first.id === postId ? getThread(db, post.threadId)!.title : '';
		indexPost(db, postId, title, bodyMd, html);
	}).immediate();
}

/** Soft delete: the post keeps its place ("bài viết đã bị xoá"), its text leaves the page and the index. */
export function deletePost(db: Db, postId: number, now = Date.now()): void {
	db.transaction(() => {
		db.prepare(`UPDATE post SET deleted_at = ?, body_md = '', body_html = '' WHERE id = ? AND deleted_at IS NULL`).run(now, postId);
		db.prepare('DELETE FROM post_search WHERE rowid = ?').run(postId);
	}).immediate();
}

export interface SearchHit {
	postId: number;
	threadId: number;
	threadTitle: string;
	authorName: string;
	createdAt: number;
	/** the post's text around the match, HTML-escaped, matches in <mark> */
	snippetHtml: string;
}

/** Posts of a course the reader may see that contain every word typed, diacritics or not. */
export function searchPosts(db: Db, courseId: string, scope: Scope, input: string, limit = 50): SearchHit[] {
	const query = toFtsQuery(input);
	if (!query) return [];
	const where = visibility(scope);
	const rows = db
		.prepare(
			`SELECT p.id, p.thread_id, p.created_at, p.body_html, t.title, u.display_name
			 FROM post_search s JOIN post p ON p.id = s.rowid JOIN thread t ON t.id = p.thread_id
			 JOIN user u ON u.id = p.author_id
			 WHERE post_search MATCH ? AND t.course_id = ? AND ${where.sql}
			   AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND t.hidden_at IS NULL
			 ORDER BY s.rank LIMIT ?`
		)
		.all(query, courseId, ...where.params, limit) as {
		id: number;
		thread_id: number;
		created_at: number;
		body_html: string;
		title: string;
		display_name: string;
	}[];
	return rows.map((r) => ({
		postId: r.id,
		threadId: r.thread_id,
		threadTitle: r.title,
		authorName: r.display_name,
		createdAt: r.created_at,
		snippetHtml: snippet(htmlToText(r.body_html), input)
	}));
}

export interface ReplyNotice {
	postId: number;
	threadId: number;
	courseId: string;
	threadTitle: string;
	authorName: string;
	createdAt: number;
}

/** Posts by others, not yet read, in threads where this user has written: "replies to you". */
export function repliesToMe(db: Db, userId: number, limit = 10): ReplyNotice[] {
	const rows = db
		.prepare(
			`SELECT p.id, p.thread_id, p.created_at, t.course_id, t.title, u.display_name
			 FROM post p JOIN thread t ON t.id = p.thread_id JOIN user u ON u.id = p.author_id
			 LEFT JOIN thread_read r ON r.thread_id = t.id AND r.user_id = ?
			 WHERE p.author_id != ? AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND t.hidden_at IS NULL
			   AND p.id > coalesce(r.last_read_post_id, 0)
			   AND EXISTS (SELECT 1 FROM post mine WHERE mine.thread_id = t.id AND mine.author_id = ?)
			 ORDER BY p.id DESC LIMIT ?`
		)
		.all(userId, userId, userId, limit) as {
		id: number;
		thread_id: number;
		created_at: number;
		course_id: string;
		title: string;
		display_name: string;
	}[];
	return rows.map((r) => ({
		postId: r.id,
		threadId: r.thread_id,
		courseId: r.course_id,
		threadTitle: r.title,
		authorName: r.display_name,
		createdAt: r.created_at
	}));
}
