// Trainers' and admins' moderation. Every action is recorded in the event log with who and when.
import type { Db } from '../db/open';
import { logEvent } from '../tracking/service';

export type ThreadFlag = 'pinned' | 'locked' | 'hidden';

export function setThreadFlag(db: Db, threadId: number, flag: ThreadFlag, on: boolean, moderatorId: number, now = Date.now()) {
	db.transaction(() => {
		if (flag === 'hidden') {
			db.prepare('UPDATE thread SET hidden_at = ? WHERE id = ?').run(on ? now : null, threadId);
		} else {
			// the column is named by the flag, which the type restricts to two known names
			db.prepare(`UPDATE thread SET ${flag === 'pinned' ? 'pinned' : 'locked'} = ? WHERE id = ?`).run(on ? 1 : 0, threadId);
		}
		logEvent(db, moderatorId, null, 'moderated', { thread: threadId, flag, on }, now);
	}).immediate();
}

export const MAX_REPORT_REASON = 500;

export type ReportResult = { ok: true } | { ok: false; reason: 'duplicate' };

/** A learner flags a post for the trainers; once per post and person. */
export function reportPost(db: Db, postId: number, reporterId: number, reason: string, now = Date.now()): ReportResult {
	const { changes } = db
		.prepare(
			`INSERT INTO post_report (post_id, reporter_id, reason, created_at) VALUES (?, ?, ?, ?)
			 ON CONFLICT (post_id, reporter_id) DO NOTHING`
		)
		.run(postId, reporterId, reason.trim(), now);
	return changes ? { ok: true } : { ok: false, reason: 'duplicate' };
}

export interface OpenReport {
	id: number;
	postId: number;
	threadId: number;
	courseId: string;
	threadTitle: string;
	postAuthor: string;
	postHtml: string;
	postHidden: boolean;
	reporter: string;
	reason: string;
	createdAt: number;
}

/** Unresolved reports on threads this user moderates: the cohorts they teach, everything for admins. */
export function listOpenReports(db: Db, user: { id: number; role: string }): OpenReport[] {
	const rows = db
		.prepare(
			`SELECT r.id, r.post_id, r.reason, r.created_at, p.thread_id, p.body_html, p.hidden_at,
			        t.course_id, t.title, a.display_name AS author, rep.display_name AS reporter
			 FROM post_report r JOIN post p ON p.id = r.post_id JOIN thread t ON t.id = p.thread_id
			 JOIN user a ON a.id = p.author_id JOIN user rep ON rep.id = r.reporter_id
			 WHERE r.resolved_at IS NULL AND (
			   ? = 'admin'
			   OR t.cohort_id IN (SELECT cohort_id FROM cohort_member WHERE user_id = ? AND role = 'trainer')
			   OR (t.cohort_id IS NULL AND t.course_id IN (
			     SELECT cc.course_id FROM cohort_course cc JOIN cohort_member m ON m.cohort_id = cc.cohort_id
			     WHERE m.user_id = ? AND m.role = 'trainer')))
			 ORDER BY r.created_at`
		)
		.all(user.role, user.id, user.id) as {
		id: number;
		post_id: number;
		reason: string;
		created_at: number;
		thread_id: number;
		body_html: string;
		hidden_at: number | null;
		course_id: string;
		title: string;
		author: string;
		reporter: string;
	}[];
	return rows.map((r) => ({
		id: r.id,
		postId: r.post_id,
		threadId: r.thread_id,
		courseId: r.course_id,
		threadTitle: r.title,
		postAuthor: r.author,
		postHtml: r.body_html,
		postHidden: r.hidden_at !== null,
		reporter: r.reporter,
		reason: r.reason,
		createdAt: r.created_at
	}));
}

export function getReport(db: Db, reportId: number) {
	return db
		.prepare(
			`SELECT r.id, r.post_id AS postId, p.thread_id AS threadId, r.resolved_at AS resolvedAt
			 FROM post_report r JOIN post p ON p.id = r.post_id WHERE r.id = ?`
		)
		.get(reportId) as { id: number; postId: number; threadId: number; resolvedAt: number | null } | undefined;
}

/** Closes every open report on the post; optionally hides the post in the same step. */
export function resolveReports(db: Db, postId: number, moderatorId: number, hidePost: boolean, now = Date.now()) {
	db.transaction(() => {
		db.prepare('UPDATE post_report SET resolved_at = ?, resolved_by = ? WHERE post_id = ? AND resolved_at IS NULL').run(
			now,
			moderatorId,
			postId
		);
		if (hidePost) db.prepare('UPDATE post SET hidden_at = ? WHERE id = ?').run(now, postId);
		logEvent(db, moderatorId, null, 'moderated', { post: postId, resolved: true, hidden: hidePost }, now);
	}).immediate();
}

export function setPostHidden(db: Db, postId: number, hidden: boolean, moderatorId: number, now = Date.now()) {
	db.transaction(() => {
		db.prepare('UPDATE post SET hidden_at = ? WHERE id = ?').run(hidden ? now : null, postId);
		logEvent(db, moderatorId, null, 'moderated', { post: postId, flag: 'hidden', on: hidden }, now);
	}).immediate();
}
