// When a cohort may take a quiz: optional open and close times a trainer sets per cohort (the
// final assessment's exam day, usually). Starting an attempt outside them is refused on the
// server; after the close, a quiz whose review waits for it shows the key.
import type { Db } from '../db/open';

export interface QuizWindow {
	/** epoch ms; null: no opening time (open from the start) */
	opensAt: number | null;
	/** epoch ms; null: never closes */
	closesAt: number | null;
}

export type WindowState = 'notYetOpen' | 'open' | 'closed';

export const ALWAYS_OPEN: QuizWindow = { opensAt: null, closesAt: null };

export function windowState(window: QuizWindow, now: number): WindowState {
	if (window.opensAt !== null && now < window.opensAt) return 'notYetOpen';
	if (window.closesAt !== null && now >= window.closesAt) return 'closed';
	return 'open';
}

/** Sets (or, with both times null, removes) a cohort's window for one quiz. */
export function setQuizWindow(
	db: Db,
	target: { cohortId: number; courseId: string; moduleSlug: string },
	window: QuizWindow,
	by: number,
	now = Date.now()
): void {
	if (window.opensAt !== null && window.closesAt !== null && window.opensAt >= window.closesAt) {
		throw new Error('a quiz window closes after it opens');
	}
	if (window.opensAt === null && window.closesAt === null) {
		db.prepare('DELETE FROM quiz_window WHERE cohort_id = ? AND course_id = ? AND module_slug = ?').run(
			target.cohortId,
			target.courseId,
			target.moduleSlug
		);
		return;
	}
	db.prepare(
		`INSERT INTO quiz_window (cohort_id, course_id, module_slug, opens_at, closes_at, updated_by, updated_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT (cohort_id, course_id, module_slug) DO UPDATE SET opens_at = excluded.opens_at,
		   closes_at = excluded.closes_at, updated_by = excluded.updated_by, updated_at = excluded.updated_at`
	).run(target.cohortId, target.courseId, target.moduleSlug, window.opensAt, window.closesAt, by, now);
}

/** A cohort's windows for the quizzes of one course, by module slug. */
export function listQuizWindows(db: Db, cohortId: number, courseId: string): Map<string, QuizWindow> {
	const rows = db
		.prepare('SELECT module_slug, opens_at, closes_at FROM quiz_window WHERE cohort_id = ? AND course_id = ?')
		.all(cohortId, courseId) as { module_slug: string; opens_at: number | null; closes_at: number | null }[];
	return new Map(rows.map((r) => [r.module_slug, { opensAt: r.opens_at, closesAt: r.closes_at }]));
}

/**
 * The window a learner takes a quiz in, from the cohorts they study the course with. A cohort
 * without a window leaves the quiz open; a learner in several cohorts gets the widest span of
 * theirs (earliest opening, latest close), so no cohort's trainer locks out another's learner.
 * Someone in no cohort of the course as a learner (an admin looking) is not restricted.
 */
export function learnerQuizWindow(db: Db, userId: number, courseId: string, moduleSlug: string): QuizWindow {
	const rows = db
		.prepare(
			`SELECT w.opens_at, w.closes_at, w.cohort_id IS NOT NULL AS has_window
			 FROM cohort_member m
			 JOIN cohort_course cc ON cc.cohort_id = m.cohort_id AND cc.course_id = ?
			 LEFT JOIN quiz_window w ON w.cohort_id = m.cohort_id AND w.course_id = cc.course_id AND w.module_slug = ?
			 WHERE m.user_id = ? AND m.role = 'learner'`
		)
		.all(courseId, moduleSlug, userId) as { opens_at: number | null; closes_at: number | null; has_window: number }[];
	if (rows.length === 0 || rows.some((r) => !r.has_window)) return ALWAYS_OPEN;
	const opens = rows.map((r) => r.opens_at);
	const closes = rows.map((r) => r.closes_at);
	return {
		opensAt: opens.includes(null) ? null : Math.min(...(opens as number[])),
		closesAt: closes.includes(null) ? null : Math.max(...(closes as number[]))
	};
}

/** Viet Nam keeps UTC+7 all year: trainers type the room's clock time. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60_000;
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A `datetime-local` value in Viet Nam time ("2026-12-10T08:00") as epoch ms; null if not one. */
export function parseVietnamDateTime(value: string): number | null {
	const match = LOCAL_INPUT.exec(value.trim());
	if (!match) return null;
	const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
	const utc = Date.UTC(year, month - 1, day, hour, minute);
	const back = new Date(utc);
	// 2026-02-30 would roll over into March: refuse it rather than guess
	if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59) return null;
	return utc - VIETNAM_OFFSET_MS;
}

/** Epoch ms as a `datetime-local` value in Viet Nam time, to fill the trainer's form. */
export function toVietnamDateTime(ms: number): string {
	return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);
}
