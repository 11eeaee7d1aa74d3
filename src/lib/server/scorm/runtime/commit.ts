// Stores what a SCO commits. Every delivery of a SCO is a session with a random id made by the
// player; messages carry an increasing sequence number, so a repeated or late one (a retried
// request, the last commit overtaking a slow XHR) is recognised and ignored. The SCO's session_time is credited
// to the learner's total exactly once per session: the session remembers how much it has added,
// and no session is credited more than the time it has really been open.
import type { Db } from '../../db/open';
import { applyResult, openAttempt } from '../../tracking/record';
import { logEvent } from '../../tracking/service';
import type { DeliveryControls, ScormVersion } from '../manifest';
import { saveSharedData, type ScoSharedData } from '../sequencing/shared-data';
import { readCommit12, readCommit2004, type Interaction, type Objective, type ScoReport, type ScoRules } from './cmi';
import { endAttempt, SILENT_ATTEMPT } from './end-attempt';
import type { LastReport, StoredScoState } from './launch';

export interface ScoTarget {
	activityId: number;
	packageId: number;
	version: ScormVersion;
	scormType: 'sco' | 'asset';
	rules: Omit<ScoRules, 'credit'>;
	deliveryControls: DeliveryControls;
	/** the delivery controls of the package's other SCOs, by activity id: a launch ends the
	 * learner's sessions on them that were left without a word (see endAbandoned) */
	siblings?: ReadonlyMap<number, DeliveryControls>;
	/** SCORM 2004 4th Edition: the shared data buckets (adl.data) the SCO's item maps */
	sharedData?: ScoSharedData | null;
}

export interface CommitInput {
	userId: number;
	session: string;
	/**
	 * 'launch' opens the session: the player sends it when it delivers the SCO to the frame,
	 * whether or not the SCO ever calls the API. 'commit' stores what the SCO reported. 'exit'
	 * ends a session whose SCO never terminated it itself (it never called the API): the player
	 * sends it when the learner leaves the SCO.
	 */
	kind: 'launch' | 'commit' | 'exit';
	sequence: number;
	terminate: boolean;
	cmi: unknown;
	/** how long the SCO has been on screen since its delivery, as the player measured it; the
	 * time credited when the SCO reports no session_time (never more than the server measured) */
	visibleMs?: number | null;
	/** adl.data buckets the SCO wrote, by targetID (stored only where its item may write them) */
	sharedData?: Record<string, unknown> | null;
}

export type CommitOutcome = 'stored' | 'launched' | 'stale';

/** A session id that isn't this learner's launch of this SCO: refused, never merged. */
export class SessionMismatch extends Error {
	constructor() {
		super('session belongs to another learner or activity');
		this.name = 'SessionMismatch';
	}
}

/** Slack on top of the wall-clock time a session has been open (clock steps, the launch request's
 * own travel time) before a reported session_time is cut down. */
const SESSION_SLACK_MS = 60_000;

interface SessionRow {
	id: string;
	user_id: number;
	activity_id: number;
	started_at: number;
	last_sequence: number;
	credited_ms: number;
	terminated_at: number | null;
}

export function readReport(version: ScormVersion, cmi: unknown, rules: ScoRules, finishing: boolean): ScoReport {
	return version === '1.2' ? readCommit12(cmi, rules, { finishing }) : readCommit2004(cmi, rules);
}

export function recordCommit(db: Db, target: ScoTarget, input: CommitInput, now = Date.now()): CommitOutcome {
	// Parse before the write lock: a malformed commit throws CmiError and touches nothing.
	const report = input.kind === 'commit' ? readReport(target.version, input.cmi, { ...target.rules, credit: true }, input.terminate) : null;
	return db
		.transaction((): CommitOutcome => {
			let session = db.prepare('SELECT * FROM scorm_session WHERE id = ?').get(input.session) as SessionRow | undefined;
			if (session && (session.user_id !== input.userId || session.activity_id !== target.activityId)) throw new SessionMismatch();
			if (!session) {
				session = openSession(db, target, input, now);
				if (input.kind === 'launch') return 'launched';
			} else if (input.kind === 'launch') {
				return 'stale';
			}
			if (session.terminated_at !== null || input.sequence <= session.last_sequence) return 'stale';
			if (input.kind === 'exit') {
				endUnreported(db, target, input.userId, session, input.visibleMs ?? null, now);
			} else {
				storeReport(db, target, input, session, report!, now);
			}
			const ends = input.kind === 'exit' || input.terminate;
			db.prepare(
				`UPDATE scorm_session SET last_sequence = ?, last_commit_at = ?, terminated_at = CASE WHEN ? THEN ? ELSE terminated_at END WHERE id = ?`
			).run(input.sequence, now, ends ? 1 : 0, now, session.id);
			return 'stored';
		})
		.immediate();
}

/** A new launch: a new attempt of the SCO (an asset, which can't report anything, is complete
 * once opened). */
function openSession(db: Db, target: ScoTarget, input: CommitInput, now: number): SessionRow {
	endAbandoned(db, target, input.userId, input.session, now);
	db.prepare(
		`INSERT INTO scorm_session (id, user_id, activity_id, package_id, started_at) VALUES (?, ?, ?, ?, ?)`
	).run(input.session, input.userId, target.activityId, target.packageId, now);
	openAttempt(db, input.userId, target.activityId, { countsAsAttempt: true, detail: { session: input.session } }, now);
	// SCORM 2004: a launch that is not a resume starts a new attempt, which has reported nothing yet
	if (target.version === '2004') {
		db.prepare(`UPDATE scorm_state SET last_report = '{}' WHERE user_id = ? AND activity_id = ? AND exit != 'suspend'`).run(input.userId, target.activityId);
	}
	if (target.scormType === 'asset') applyResult(db, input.userId, target.activityId, { completion: 'completed' }, now);
	return { id: input.session, user_id: input.userId, activity_id: target.activityId, started_at: now, last_sequence: -1, credited_ms: 0, terminated_at: null };
}

/**
 * The SCO's session ends and the SCO never reported anything (it never called the API: a page
 * SCO, an asset): SCORM 2004's End Attempt defaults decide its status, and it is credited the
 * time it was on screen. SCORM 1.2 has no such defaults: only the time is credited. A session
 * whose SCO did report is the SCO's own business; leaving it only credits time if none was.
 */
function endUnreported(db: Db, target: ScoTarget, userId: number, session: SessionRow, visibleMs: number | null, now: number): void {
	const creditMs = wallClockCredit(session, visibleMs, now);
	const silent = session.last_sequence < 1;
	const outcome = silent && target.version === '2004' ? endAttempt(SILENT_ATTEMPT, target.deliveryControls, '') : null;
	applyResult(
		db,
		userId,
		target.activityId,
		{ completion: outcome?.completion === 'completed' ? 'completed' : undefined, success: outcome?.success, addTimeMs: creditMs },
		now
	);
	if (creditMs > 0) db.prepare('UPDATE scorm_session SET credited_ms = credited_ms + ? WHERE id = ?').run(creditMs, session.id);
}

/**
 * A launch is also when the learner's earlier sessions in the package that never said a word
 * are seen to have ended: the tab was closed, the phone died, and neither the player's exit nor
 * the SCO's own end reached the server. Their SCORM 2004 End Attempt defaults apply now; no time
 * is credited, since nothing says how long they lasted. Sessions whose SCO reported something
 * stay as the SCO left them.
 */
function endAbandoned(db: Db, target: ScoTarget, userId: number, newSession: string, now: number): void {
	if (target.version !== '2004') return;
	const open = db
		.prepare(
			`SELECT id, activity_id FROM scorm_session
			 WHERE user_id = ? AND package_id = ? AND terminated_at IS NULL AND last_sequence = -1 AND id != ?`
		)
		.all(userId, target.packageId, newSession) as { id: string; activity_id: number }[];
	for (const session of open) {
		const controls = session.activity_id === target.activityId ? target.deliveryControls : target.siblings?.get(session.activity_id);
		if (!controls) continue;
		const outcome = endAttempt(SILENT_ATTEMPT, controls, '');
		if (outcome.completion === 'completed' || outcome.success !== 'unknown') {
			applyResult(db, userId, session.activity_id, { completion: outcome.completion === 'completed' ? 'completed' : undefined, success: outcome.success }, now);
		}
		db.prepare('UPDATE scorm_session SET terminated_at = ? WHERE id = ?').run(now, session.id);
		logEvent(db, userId, session.activity_id, 'abandoned', { session: session.id }, now);
	}
}

function storeReport(db: Db, target: ScoTarget, input: CommitInput, session: SessionRow, report: ScoReport, now: number): void {
	const userId = input.userId;
	// When the attempt ends, SCORM 2004 decides what the SCO left unsaid (end-attempt.ts).
	const outcome = input.terminate && target.version === '2004' ? endAttempt(report, target.deliveryControls, report.exit) : report;
	// A SCO that never reports session_time is credited the time it was on screen, when it ends.
	const creditMs =
		report.sessionTimeMs === null && input.terminate && session.credited_ms === 0
			? wallClockCredit(session, input.visibleMs ?? null, now)
			: creditFor(session, report.sessionTimeMs, now);
	const hasScore = report.scoreRaw !== null || report.scoreScaled !== null;
	// the SCO was launched, so it is at least incomplete; merge.ts keeps what it already achieved
	const { before, after } = applyResult(
		db,
		userId,
		target.activityId,
		{
			completion: outcome.completion === 'completed' ? 'completed' : 'incomplete',
			success: outcome.success,
			score: hasScore ? { raw: report.scoreRaw, min: report.scoreMin, max: report.scoreMax, scaled: report.scoreScaled } : undefined,
			addTimeMs: creditMs,
			location: report.location,
			suspendData: report.suspendData
		},
		now
	);
	if (creditMs > 0) db.prepare('UPDATE scorm_session SET credited_ms = credited_ms + ? WHERE id = ?').run(creditMs, session.id);
	saveState(db, userId, target.activityId, report, target.version === '2004' ? lastReport(report) : null, now);
	saveInteractions(db, userId, target.activityId, session.id, report.interactions, now);
	if (target.sharedData && input.sharedData) saveSharedData(db, userId, target.sharedData, input.sharedData, now);
	if (after.successStatus !== before.successStatus && after.successStatus !== 'unknown') {
		logEvent(db, userId, target.activityId, after.successStatus, { score: report.scoreRaw, scaled: report.scoreScaled }, now);
	}
}

/** How much of this report's session_time is new: what the session hasn't been credited yet,
 * capped by the time the session has really been open. */
export function creditFor(session: Pick<SessionRow, 'started_at' | 'credited_ms'>, sessionTimeMs: number | null, now: number): number {
	if (sessionTimeMs === null) return 0;
	const open = Math.max(0, now - session.started_at) + SESSION_SLACK_MS;
	return Math.max(0, Math.min(sessionTimeMs, open) - session.credited_ms);
}

/** The time between the SCO's delivery and now, or the time the player saw it on screen when
 * that is less, minus what the session was already credited. The server's clock caps it, as it
 * caps a reported session_time, so a forged visibleMs can't add more than the session lasted. */
export function wallClockCredit(session: Pick<SessionRow, 'started_at' | 'credited_ms'>, visibleMs: number | null, now: number): number {
	const open = Math.max(0, now - session.started_at);
	const seen = visibleMs === null ? open : Math.min(Math.max(0, visibleMs), open);
	return Math.max(0, seen - session.credited_ms);
}

/** The exit and objectives for the next launch. Objectives that changed are also an event, so
 * the log keeps their history while scorm_state keeps only their latest state. */
/** The attempt's own results in this report (each commit carries the SCO's whole data model). */
function lastReport(report: ScoReport): LastReport {
	const last: LastReport = {};
	if (report.completionKnown && (report.completion === 'completed' || report.completion === 'incomplete')) last.completion = report.completion;
	if (report.success === 'passed' || report.success === 'failed') last.success = report.success;
	if (report.scoreScaled !== null) last.scaled = report.scoreScaled;
	return last;
}

function saveState(db: Db, userId: number, activityId: number, report: ScoReport, last: LastReport | null, now: number): void {
	const objectives = report.objectives.filter((objective) => objective.id !== '');
	const json = objectives.length > 0 ? JSON.stringify(objectives) : null;
	const before = db.prepare('SELECT objectives FROM scorm_state WHERE user_id = ? AND activity_id = ?').get(userId, activityId) as
		| { objectives: string | null }
		| undefined;
	db.prepare(
		`INSERT INTO scorm_state (user_id, activity_id, exit, progress_measure, objectives, last_report) VALUES (?, ?, ?, ?, ?, ?)
		 ON CONFLICT (user_id, activity_id) DO UPDATE SET exit = excluded.exit,
		   progress_measure = coalesce(excluded.progress_measure, progress_measure),
		   objectives = coalesce(excluded.objectives, objectives),
		   last_report = coalesce(excluded.last_report, last_report)`
	).run(userId, activityId, report.exit, report.progressMeasure, json, last === null ? null : JSON.stringify(last));
	if (json !== null && json !== (before?.objectives ?? null)) logEvent(db, userId, activityId, 'objectives', objectives, now);
}

export function getScoState(db: Db, userId: number, activityId: number): StoredScoState | null {
	const row = db.prepare('SELECT exit, progress_measure, objectives, last_report FROM scorm_state WHERE user_id = ? AND activity_id = ?').get(userId, activityId) as
		| { exit: string; progress_measure: number | null; objectives: string | null; last_report: string | null }
		| undefined;
	if (!row) return null;
	return {
		exit: row.exit,
		progressMeasure: row.progress_measure,
		objectives: row.objectives ? (JSON.parse(row.objectives) as Objective[]) : [],
		lastReport: row.last_report === null ? null : (JSON.parse(row.last_report) as LastReport)
	};
}

/** Interactions are a journal: a new one is appended, a changed one is appended again, an
 * unchanged one is skipped (every commit repeats the whole list). Each new row is also an event. */
function saveInteractions(db: Db, userId: number, activityId: number, sessionId: string, interactions: Interaction[], now: number): void {
	if (interactions.length === 0) return;
	const latest = new Map(
		(
			db
				.prepare(
					`SELECT position, identifier, type, description, learner_response, correct_responses, result, weighting, latency, timestamp
					 FROM scorm_interaction WHERE id IN (SELECT max(id) FROM scorm_interaction WHERE session_id = ? GROUP BY position)`
				)
				.all(sessionId) as InteractionRow[]
		).map((row) => [row.position, fingerprint(fromRow(row))])
	);
	const insert = db.prepare(
		`INSERT INTO scorm_interaction (session_id, user_id, activity_id, position, identifier, type, description, learner_response,
		   correct_responses, result, weighting, latency, timestamp, recorded_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	for (const interaction of interactions) {
		if (!interaction || interaction.identifier === '') continue;
		if (latest.get(interaction.position) === fingerprint(interaction)) continue;
		insert.run(
			sessionId,
			userId,
			activityId,
			interaction.position,
			interaction.identifier,
			interaction.type,
			interaction.description,
			interaction.learnerResponse,
			JSON.stringify(interaction.correctResponses),
			interaction.result,
			interaction.weighting,
			interaction.latency,
			interaction.timestamp,
			now
		);
		logEvent(
			db,
			userId,
			activityId,
			'interacted',
			{ id: interaction.identifier, type: interaction.type, response: interaction.learnerResponse, result: interaction.result },
			now
		);
	}
}

interface InteractionRow {
	position: number;
	identifier: string;
	type: string | null;
	description: string | null;
	learner_response: string | null;
	correct_responses: string;
	result: string | null;
	weighting: number | null;
	latency: string | null;
	timestamp: string | null;
}

function fromRow(row: InteractionRow): Interaction {
	return {
		position: row.position,
		identifier: row.identifier,
		type: row.type,
		description: row.description,
		learnerResponse: row.learner_response,
		correctResponses: JSON.parse(row.correct_responses) as string[],
		result: row.result,
		weighting: row.weighting,
		latency: row.latency,
		timestamp: row.timestamp
	};
}

function fingerprint(interaction: Interaction): string {
	return JSON.stringify([
		interaction.identifier,
		interaction.type,
		interaction.description,
		interaction.learnerResponse,
		interaction.correctResponses,
		interaction.result,
		interaction.weighting,
		interaction.latency,
		interaction.timestamp
	]);
}
