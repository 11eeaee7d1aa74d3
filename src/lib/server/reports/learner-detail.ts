// One learner as their trainer sees them: every activity's SCORM-style record, every quiz
// attempt, and their discussion posts in the cohort's boards.
import { moduleActivities, moduleAttachments, type Catalog } from '../courses/catalog';
import type { Course } from '../courses/loader';
import type { Db } from '../db/open';
import { htmlToText } from '../markdown/render';
import type { ActivityKind } from '../tracking/status';
import { getTrackingFor, type Tracking } from '../tracking/service';

export interface ActivityRecord {
	activityId: number;
	moduleNumber: number;
	moduleTitle: string;
	moduleSlug: string;
	kind: ActivityKind;
	/** a SCO: its package's title and its own */
	/** scoTitle null: the SCORM 2004 package as a whole (its rollup) */
	scorm: { packageTitle: string; scoTitle: string | null } | null;
	/** the section the bookmark points at, by title (a SCO's location as it wrote it) */
	bookmarkTitle: string | null;
	tracking: Tracking | null;
}

export interface AttemptLine {
	id: number;
	activityId: number;
	moduleTitle: string;
	number: number;
	status: 'open' | 'submitted';
	startedAt: number;
	submittedAt: number | null;
	percent: number | null;
	passed: boolean | null;
}

export interface PostLine {
	id: number;
	threadId: number;
	threadTitle: string;
	courseSlug: string;
	createdAt: number;
	excerpt: string;
	hidden: boolean;
}

export function activityRecords(db: Db, catalog: Catalog, course: Course, learnerId: number): ActivityRecord[] {
	// a SCORM 2004 package counts as one activity (its rollup); its SCOs are listed after it as well
	const perModule = course.modules.map((module) => ({
		module,
		activities: moduleActivities(catalog, course, module).flatMap((a) => {
			const pkg = moduleAttachments(catalog, course, module).find((attachment) => attachment.packageActivityId === a.id);
			return pkg ? [a, ...pkg.scos.map((sco) => ({ id: sco.activityId, kind: 'scorm' as const }))] : [a];
		})
	}));
	const tracking = getTrackingFor(db, learnerId, perModule.flatMap((m) => m.activities.map((a) => a.id)));
	return perModule.flatMap(({ module, activities }) => {
		const scos = new Map<number, { packageTitle: string; scoTitle: string | null }>(
			moduleAttachments(catalog, course, module).flatMap((attachment) =>
				[
					...attachment.scos.map((sco) => [sco.activityId, { packageTitle: attachment.title, scoTitle: sco.title }] as const),
					// the package itself: no part named
					...(attachment.packageActivityId === null ? [] : [[attachment.packageActivityId, { packageTitle: attachment.title, scoTitle: null }] as const])
				]
			)
		);
		return activities.map((a) => {
			const row = tracking.get(a.id) ?? null;
			return {
				activityId: a.id,
				moduleNumber: module.number,
				moduleTitle: module.title,
				moduleSlug: module.slug,
				kind: a.kind,
				scorm: scos.get(a.id) ?? null,
				bookmarkTitle: row?.location ? (module.lesson.sections.find((s) => s.id === row.location)?.title ?? row.location) : null,
				tracking: row
			};
		});
	});
}

export interface InteractionLine {
	activityId: number;
	identifier: string;
	type: string | null;
	description: string | null;
	learnerResponse: string | null;
	correctResponses: string[];
	result: string | null;
	recordedAt: number;
}

const INTERACTIONS_SHOWN = 200;

/** The answers a learner gave inside SCORM packages (the latest version of each interaction of
 * each session), newest first. */
export function interactionLines(db: Db, learnerId: number, records: ActivityRecord[]): InteractionLine[] {
	const scoIds = records.filter((r) => r.kind === 'scorm').map((r) => r.activityId);
	if (scoIds.length === 0) return [];
	const rows = db
		.prepare(
			`SELECT activity_id, identifier, type, description, learner_response, correct_responses, result, recorded_at
			 FROM scorm_interaction
			 WHERE id IN (SELECT max(id) FROM scorm_interaction WHERE user_id = ? AND activity_id IN (SELECT value FROM json_each(?))
			              GROUP BY session_id, position)
			 ORDER BY recorded_at DESC, id DESC LIMIT ?`
		)
		.all(learnerId, JSON.stringify(scoIds), INTERACTIONS_SHOWN) as {
		activity_id: number;
		identifier: string;
		type: string | null;
		description: string | null;
		learner_response: string | null;
		correct_responses: string;
		result: string | null;
		recorded_at: number;
	}[];
	return rows.map((r) => ({
		activityId: r.activity_id,
		identifier: r.identifier,
		type: r.type,
		description: r.description,
		learnerResponse: r.learner_response,
		correctResponses: JSON.parse(r.correct_responses) as string[],
		result: r.result,
		recordedAt: r.recorded_at
	}));
}

export function attemptLines(db: Db, learnerId: number, records: ActivityRecord[]): AttemptLine[] {
	const quizzes = new Map(records.filter((r) => r.kind === 'quiz').map((r) => [r.activityId, r]));
	if (quizzes.size === 0) return [];
	const rows = db
		.prepare(
			`SELECT id, activity_id, number, status, started_at, submitted_at, percent, passed FROM quiz_attempt
			 WHERE user_id = ? AND activity_id IN (SELECT value FROM json_each(?)) ORDER BY started_at`
		)
		.all(learnerId, JSON.stringify([...quizzes.keys()])) as {
		id: number;
		activity_id: number;
		number: number;
		status: 'open' | 'submitted';
		started_at: number;
		submitted_at: number | null;
		percent: number | null;
		passed: number | null;
	}[];
	return rows.map((r) => ({
		id: r.id,
		activityId: r.activity_id,
		moduleTitle: quizzes.get(r.activity_id)!.moduleTitle,
		number: r.number,
		status: r.status,
		startedAt: r.started_at,
		submittedAt: r.submitted_at,
		percent: r.percent,
		passed: r.passed === null ? null : r.passed === 1
	}));
}

const EXCERPT_LENGTH = 200;
const POSTS_SHOWN = 50;

/** The learner's latest posts on the boards this cohort can see (its own and shared ones). */
export function postLines(db: Db, learnerId: number, cohortId: number, courseIds: string[]): PostLine[] {
	const rows = db
		.prepare(
			`SELECT p.id, p.thread_id, t.title, t.course_id, p.created_at, p.body_html, p.hidden_at, t.hidden_at AS thread_hidden
			 FROM post p JOIN thread t ON t.id = p.thread_id
			 WHERE p.author_id = ? AND p.deleted_at IS NULL
			   AND t.course_id IN (SELECT value FROM json_each(?)) AND (t.cohort_id IS NULL OR t.cohort_id = ?)
			 ORDER BY p.created_at DESC LIMIT ?`
		)
		.all(learnerId, JSON.stringify(courseIds), cohortId, POSTS_SHOWN) as {
		id: number;
		thread_id: number;
		title: string;
		course_id: string;
		created_at: number;
		body_html: string;
		hidden_at: number | null;
		thread_hidden: number | null;
	}[];
	return rows.map((r) => {
		const text = htmlToText(r.body_html);
		return {
			id: r.id,
			threadId: r.thread_id,
			threadTitle: r.title,
			courseSlug: r.course_id,
			createdAt: r.created_at,
			excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text,
			hidden: r.hidden_at !== null || r.thread_hidden !== null
		};
	});
}
