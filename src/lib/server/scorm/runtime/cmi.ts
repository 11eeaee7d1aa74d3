// Reads the CMI data a SCO commits (scorm-again's JSON form) into one shape for both SCORM
// versions, applying the rules the LMS owns: SCORM 1.2's mastery score, SCORM 2004's scaled
// passing score and completion threshold. Anything malformed is refused with the field's name,
// so a forged commit can't store what a real SCO could never set.
import { parseDuration2004, parseTimespan12 } from '$lib/scorm/time';

export type Completion = 'not attempted' | 'incomplete' | 'completed';
export type Success = 'unknown' | 'passed' | 'failed';

/** What the package's manifest says about this SCO, and whether this launch counts. */
export interface ScoRules {
	masteryScore: number | null; // 1.2, 0–100
	scaledPassingScore: number | null; // 2004, -1–1
	completionThreshold: number | null; // 2004, 0–1
	credit: boolean;
}

export interface Interaction {
	position: number;
	identifier: string;
	type: string | null;
	description: string | null;
	learnerResponse: string | null;
	correctResponses: string[];
	result: string | null;
	weighting: number | null;
	latency: string | null;
	timestamp: string | null;
}

export interface Objective {
	id: string;
	success: Success;
	completion: Completion | 'unknown';
	scoreRaw: number | null;
	scoreMin: number | null;
	scoreMax: number | null;
	scoreScaled: number | null;
	progressMeasure: number | null;
}

export interface ScoReport {
	completion: Completion;
	/** SCORM 2004: false when the SCO left cmi.completion_status 'unknown' and no threshold decided it
	 * (the End Attempt Process may then complete it); always true for SCORM 1.2 */
	completionKnown: boolean;
	success: Success;
	scoreRaw: number | null;
	scoreMin: number | null;
	scoreMax: number | null;
	scoreScaled: number | null;
	location: string | null;
	suspendData: string | null;
	exit: string;
	sessionTimeMs: number | null;
	progressMeasure: number | null;
	interactions: Interaction[];
	objectives: Objective[];
}

export const LIMITS = {
	suspendData: 64_000,
	location: 1_000,
	text: 4_000,
	identifier: 4_000,
	interactions: 500,
	objectives: 500,
	correctResponses: 50
} as const;

export class CmiError extends Error {
	constructor(readonly field: string) {
		super(`invalid ${field}`);
		this.name = 'CmiError';
	}
}

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(parent: Obj, key: string, field: string): Obj {
	const value = parent[key];
	if (value === undefined || value === null || value === '') return {};
	if (!isObj(value)) throw new CmiError(field);
	return value;
}

/** A string field; '' and absent are null. */
function text(parent: Obj, key: string, field: string, max: number): string | null {
	const value = parent[key];
	if (value === undefined || value === null || value === '') return null;
	if (typeof value !== 'string' && typeof value !== 'number') throw new CmiError(field);
	const result = String(value);
	if (result.length > max) throw new CmiError(field);
	return result;
}

function oneOf<T extends string>(parent: Obj, key: string, field: string, allowed: readonly T[]): T | null {
	const value = text(parent, key, field, 64);
	if (value === null) return null;
	if (!(allowed as readonly string[]).includes(value)) throw new CmiError(field);
	return value as T;
}

function decimal(parent: Obj, key: string, field: string, min = -Infinity, max = Infinity): number | null {
	const value = text(parent, key, field, 64);
	if (value === null) return null;
	const number = Number(value);
	if (!/^-?\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(number) || number < min || number > max) {
		throw new CmiError(field);
	}
	return number;
}

/** scorm-again sends collections as objects keyed "0", "1", …; a plain array is accepted too. */
function collection(parent: Obj, key: string, field: string, max: number): Obj[] {
	const value = parent[key];
	if (value === undefined || value === null || value === '') return [];
	const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : isObj(value) ? Object.entries(value) : null;
	if (!entries) throw new CmiError(field);
	if (entries.length > max) throw new CmiError(field);
	const result: Obj[] = [];
	for (const [index, item] of entries) {
		if (!/^\d+$/.test(index) || Number(index) >= max || !isObj(item)) throw new CmiError(`${field}.${index}`);
		result[Number(index)] = item;
	}
	return result;
}

function timeField(value: string | null, parse: (v: string) => number | null, field: string): number | null {
	if (value === null) return null;
	const ms = parse(value);
	if (ms === null) throw new CmiError(field);
	return ms;
}

const STATUS_12 = ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'] as const;
const EXIT_12 = ['time-out', 'suspend', 'logout'] as const;
const COMPLETION_2004 = ['completed', 'incomplete', 'not attempted', 'unknown'] as const;
const SUCCESS_2004 = ['passed', 'failed', 'unknown'] as const;
const EXIT_2004 = ['time-out', 'suspend', 'logout', 'normal'] as const;

/** SCORM 1.2: `cmi.core.lesson_status` carries both completion and success. When the manifest
 * gives a mastery score and the SCO reports a raw score for a finished attempt, the LMS decides
 * passed/failed from the score (SCORM 1.2 RTE 3.4.4, cmi.student_data.mastery_score). An
 * unfinished attempt (incomplete, browsed) is not judged yet. */
export function readCommit12(cmi: unknown, rules: ScoRules, { finishing = false } = {}): ScoReport {
	if (!isObj(cmi)) throw new CmiError('cmi');
	const core = objectAt(cmi, 'core', 'cmi.core');
	const score = objectAt(core, 'score', 'cmi.core.score');
	let status = oneOf(core, 'lesson_status', 'cmi.core.lesson_status', STATUS_12) ?? 'not attempted';
	// A SCO that finishes without ever setting a status is completed (SCORM 1.2 RTE 3.4.4): simple
	// page-like SCOs only initialise and finish.
	if (finishing && status === 'not attempted') status = 'completed';
	const scoreRaw = decimal(score, 'raw', 'cmi.core.score.raw', 0, 100);
	let completion: Completion = status === 'not attempted' ? 'not attempted' : status === 'incomplete' || status === 'browsed' ? 'incomplete' : 'completed';
	let success: Success = status === 'passed' ? 'passed' : status === 'failed' ? 'failed' : 'unknown';
	if (rules.credit && rules.masteryScore !== null && scoreRaw !== null && completion === 'completed') {
		success = scoreRaw >= rules.masteryScore ? 'passed' : 'failed';
		completion = 'completed';
	}
	return {
		completion,
		completionKnown: true,
		success,
		scoreRaw,
		scoreMin: decimal(score, 'min', 'cmi.core.score.min', 0, 100),
		scoreMax: decimal(score, 'max', 'cmi.core.score.max', 0, 100),
		scoreScaled: null,
		location: text(core, 'lesson_location', 'cmi.core.lesson_location', LIMITS.location),
		suspendData: text(cmi, 'suspend_data', 'cmi.suspend_data', LIMITS.suspendData),
		exit: oneOf(core, 'exit', 'cmi.core.exit', EXIT_12) ?? '',
		sessionTimeMs: timeField(text(core, 'session_time', 'cmi.core.session_time', 64), parseTimespan12, 'cmi.core.session_time'),
		progressMeasure: null,
		interactions: collection(cmi, 'interactions', 'cmi.interactions', LIMITS.interactions).map((item, position) =>
			readInteraction(item, position, 'student_response', 'time')
		),
		objectives: collection(cmi, 'objectives', 'cmi.objectives', LIMITS.objectives).map((item, n) => {
			const objectiveScore = objectAt(item, 'score', `cmi.objectives.${n}.score`);
			const objectiveStatus = oneOf(item, 'status', `cmi.objectives.${n}.status`, STATUS_12) ?? 'not attempted';
			return {
				id: text(item, 'id', `cmi.objectives.${n}.id`, LIMITS.identifier) ?? '',
				success: objectiveStatus === 'passed' ? 'passed' : objectiveStatus === 'failed' ? 'failed' : 'unknown',
				completion:
					objectiveStatus === 'not attempted' ? 'not attempted' : objectiveStatus === 'incomplete' || objectiveStatus === 'browsed' ? 'incomplete' : 'completed',
				scoreRaw: decimal(objectiveScore, 'raw', `cmi.objectives.${n}.score.raw`),
				scoreMin: decimal(objectiveScore, 'min', `cmi.objectives.${n}.score.min`),
				scoreMax: decimal(objectiveScore, 'max', `cmi.objectives.${n}.score.max`),
				scoreScaled: null,
				progressMeasure: null
			} satisfies Objective;
		})
	};
}

/** SCORM 2004: completion and success are separate. When the manifest sets a completion
 * threshold, the progress measure decides completion; when it sets a scaled passing score,
 * score.scaled decides success (SCORM 2004 RTE 4.2.4.1 and 4.2.22.1). */
export function readCommit2004(cmi: unknown, rules: ScoRules): ScoReport {
	if (!isObj(cmi)) throw new CmiError('cmi');
	const score = objectAt(cmi, 'score', 'cmi.score');
	const scoreScaled = decimal(score, 'scaled', 'cmi.score.scaled', -1, 1);
	const progressMeasure = decimal(cmi, 'progress_measure', 'cmi.progress_measure', 0, 1);
	const reported = oneOf(cmi, 'completion_status', 'cmi.completion_status', COMPLETION_2004) ?? 'unknown';
	let completion: Completion = reported === 'completed' ? 'completed' : reported === 'not attempted' ? 'not attempted' : 'incomplete';
	let completionKnown = reported !== 'unknown';
	if (rules.completionThreshold !== null && progressMeasure !== null) {
		completion = progressMeasure >= rules.completionThreshold ? 'completed' : 'incomplete';
		completionKnown = true;
	}
	let success: Success = oneOf(cmi, 'success_status', 'cmi.success_status', SUCCESS_2004) ?? 'unknown';
	if (rules.credit && rules.scaledPassingScore !== null && scoreScaled !== null) {
		success = scoreScaled >= rules.scaledPassingScore ? 'passed' : 'failed';
	}
	return {
		completion,
		completionKnown,
		success,
		scoreRaw: decimal(score, 'raw', 'cmi.score.raw'),
		scoreMin: decimal(score, 'min', 'cmi.score.min'),
		scoreMax: decimal(score, 'max', 'cmi.score.max'),
		scoreScaled,
		location: text(cmi, 'location', 'cmi.location', LIMITS.location),
		suspendData: text(cmi, 'suspend_data', 'cmi.suspend_data', LIMITS.suspendData),
		exit: oneOf(cmi, 'exit', 'cmi.exit', EXIT_2004) ?? '',
		sessionTimeMs: timeField(text(cmi, 'session_time', 'cmi.session_time', 64), parseDuration2004, 'cmi.session_time'),
		progressMeasure,
		interactions: collection(cmi, 'interactions', 'cmi.interactions', LIMITS.interactions).map((item, position) =>
			readInteraction(item, position, 'learner_response', 'timestamp')
		),
		objectives: collection(cmi, 'objectives', 'cmi.objectives', LIMITS.objectives).map((item, n) => {
			const objectiveScore = objectAt(item, 'score', `cmi.objectives.${n}.score`);
			const objectiveCompletion = oneOf(item, 'completion_status', `cmi.objectives.${n}.completion_status`, COMPLETION_2004) ?? 'unknown';
			return {
				id: text(item, 'id', `cmi.objectives.${n}.id`, LIMITS.identifier) ?? '',
				success: oneOf(item, 'success_status', `cmi.objectives.${n}.success_status`, SUCCESS_2004) ?? 'unknown',
				completion: objectiveCompletion,
				scoreRaw: decimal(objectiveScore, 'raw', `cmi.objectives.${n}.score.raw`),
				scoreMin: decimal(objectiveScore, 'min', `cmi.objectives.${n}.score.min`),
				scoreMax: decimal(objectiveScore, 'max', `cmi.objectives.${n}.score.max`),
				scoreScaled: decimal(objectiveScore, 'scaled', `cmi.objectives.${n}.score.scaled`, -1, 1),
				progressMeasure: decimal(item, 'progress_measure', `cmi.objectives.${n}.progress_measure`, 0, 1)
			} satisfies Objective;
		})
	};
}

function readInteraction(item: Obj, position: number, responseKey: string, timeKey: string): Interaction {
	const field = `cmi.interactions.${position}`;
	const patterns = collection(item, 'correct_responses', `${field}.correct_responses`, LIMITS.correctResponses);
	return {
		position,
		identifier: text(item, 'id', `${field}.id`, LIMITS.identifier) ?? '',
		type: text(item, 'type', `${field}.type`, 64),
		description: text(item, 'description', `${field}.description`, LIMITS.text),
		learnerResponse: text(item, responseKey, `${field}.${responseKey}`, LIMITS.text),
		correctResponses: patterns
			.map((pattern, n) => text(pattern, 'pattern', `${field}.correct_responses.${n}.pattern`, LIMITS.text))
			.filter((pattern): pattern is string => pattern !== null),
		result: text(item, 'result', `${field}.result`, 64),
		weighting: decimal(item, 'weighting', `${field}.weighting`),
		latency: text(item, 'latency', `${field}.latency`, 64),
		timestamp: text(item, timeKey, `${field}.${timeKey}`, 64)
	};
}
