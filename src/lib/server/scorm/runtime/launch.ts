// The data model a SCO finds when it starts, in its version's shape, for scorm-again's
// loadFromJSON: who the learner is, whether this is a resume, and what was stored last time.
import type { Tracking } from '../../tracking/service';
import type { ScormVersion } from '../manifest';
import type { Sco } from '../sco';
import type { Objective } from './cmi';
import { formatDuration2004, formatTimespan12 } from '$lib/scorm/time';

/** What a SCORM 2004 SCO's latest session itself reported of its attempt (not the best ever):
 * only what it said, so the sequencing engine's End Attempt defaults decide the rest. */
export interface LastReport {
	completion?: 'completed' | 'incomplete';
	success?: 'passed' | 'failed';
	scaled?: number;
}

export interface StoredScoState {
	exit: string;
	progressMeasure: number | null;
	objectives: Objective[];
	/** null: saved before migration 019, or never reported (the tracking row stands in) */
	lastReport?: LastReport | null;
}

export interface LaunchInput {
	version: ScormVersion;
	sco: Sco;
	learner: { id: number; name: string };
	tracking: Tracking | null;
	state: StoredScoState | null;
}

/** SCORM's entry: 'ab-initio' the first time, 'resume' after a suspended session, else ''. */
export function entryFor(tracking: Tracking | null, state: StoredScoState | null): '' | 'ab-initio' | 'resume' {
	if (state?.exit === 'suspend') return 'resume';
	if (!tracking || tracking.completionStatus === 'not attempted') return 'ab-initio';
	return '';
}

function status12(tracking: Tracking | null): string {
	if (!tracking) return 'not attempted';
	if (tracking.successStatus !== 'unknown') return tracking.successStatus;
	return tracking.completionStatus;
}

/** A stored number as CMI text; absent values are left out so the SCO sees the element unset. */
const blank = (value: number | string | null | undefined) => (value === null || value === undefined ? undefined : String(value));

function indexed<T>(list: T[], map: (item: T) => object): Record<string, object> {
	return Object.fromEntries(list.map((item, i) => [String(i), map(item)]));
}

export function launchData(input: LaunchInput): Record<string, unknown> {
	return input.version === '1.2' ? launch12(input) : launch2004(input);
}

function launch12({ sco, learner, tracking, state }: LaunchInput): Record<string, unknown> {
	return {
		core: {
			student_id: String(learner.id),
			student_name: learner.name,
			lesson_location: tracking?.location ?? '',
			credit: 'credit',
			lesson_status: status12(tracking),
			entry: entryFor(tracking, state),
			total_time: formatTimespan12(tracking?.totalTimeMs ?? 0),
			lesson_mode: 'normal',
			score: { raw: blank(tracking?.scoreRaw), min: blank(tracking?.scoreMin), max: blank(tracking?.scoreMax) }
		},
		suspend_data: tracking?.suspendData ?? '',
		launch_data: sco.dataFromLms ?? '',
		student_data: {
			mastery_score: blank(sco.rules.masteryScore),
			max_time_allowed: sco.maxTimeAllowed ?? '',
			time_limit_action: sco.timeLimitAction ?? ''
		},
		objectives: indexed(state?.objectives ?? [], (objective) => ({
			id: objective.id,
			status: objective.success !== 'unknown' ? objective.success : objective.completion === 'unknown' ? 'not attempted' : objective.completion,
			score: { raw: blank(objective.scoreRaw), min: blank(objective.scoreMin), max: blank(objective.scoreMax) }
		}))
	};
}

/**
 * Each SCORM 2004 launch that is not a resume starts a new attempt, whose completion and success
 * start 'unknown' (RTE 4.2.4, 4.2.22) so that what the content leaves unsaid is known when the
 * attempt ends (end-attempt.ts). Only what can't be lost is carried over: completed, passed.
 * A resume continues the suspended attempt with what it had.
 */
function attemptStatus(tracking: Tracking | null, entry: string): { completion: string; success: string } {
	if (!tracking) return { completion: 'unknown', success: 'unknown' };
	if (entry === 'resume') {
		return { completion: tracking.completionStatus === 'not attempted' ? 'unknown' : tracking.completionStatus, success: tracking.successStatus };
	}
	return {
		completion: tracking.completionStatus === 'completed' ? 'completed' : 'unknown',
		success: tracking.successStatus === 'passed' ? 'passed' : 'unknown'
	};
}

/**
 * cmi.objectives as the SCO finds it (RTE 4.2.17): what it stored last time, in its order, then
 * every objective the manifest declares for it that it has not stored yet, with its id only, so
 * a SCO that looks its objectives up by id finds them.
 */
export function launchObjectives(declared: readonly string[], stored: readonly Objective[]): Objective[] {
	const known = new Set(stored.map((objective) => objective.id));
	const fresh = declared
		.filter((id) => !known.has(id))
		.map((id): Objective => ({ id, success: 'unknown', completion: 'unknown', scoreRaw: null, scoreMin: null, scoreMax: null, scoreScaled: null, progressMeasure: null }));
	return [...stored, ...fresh];
}

function launch2004({ sco, learner, tracking, state }: LaunchInput): Record<string, unknown> {
	const entry = entryFor(tracking, state);
	const status = attemptStatus(tracking, entry);
	return {
		learner_id: String(learner.id),
		learner_name: learner.name,
		location: tracking?.location ?? '',
		credit: 'credit',
		mode: 'normal',
		entry,
		completion_status: status.completion,
		success_status: status.success,
		total_time: formatDuration2004(tracking?.totalTimeMs ?? 0),
		suspend_data: tracking?.suspendData ?? '',
		launch_data: sco.dataFromLms ?? '',
		scaled_passing_score: blank(sco.rules.scaledPassingScore),
		completion_threshold: blank(sco.rules.completionThreshold),
		progress_measure: blank(state?.progressMeasure),
		max_time_allowed: sco.maxTimeAllowed ?? '',
		time_limit_action: sco.timeLimitAction ?? 'continue,no message',
		score: {
			scaled: blank(tracking?.scoreScaled),
			raw: blank(tracking?.scoreRaw),
			min: blank(tracking?.scoreMin),
			max: blank(tracking?.scoreMax)
		},
		objectives: indexed(launchObjectives(sco.objectiveIds, state?.objectives ?? []), (objective) => ({
			id: objective.id,
			success_status: objective.success,
			completion_status: objective.completion,
			progress_measure: blank(objective.progressMeasure),
			score: {
				scaled: blank(objective.scoreScaled),
				raw: blank(objective.scoreRaw),
				min: blank(objective.scoreMin),
				max: blank(objective.scoreMax)
			}
		}))
	};
}
