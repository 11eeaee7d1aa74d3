import { describe, expect, it } from 'vitest';
import { mergeResult, type TrackingState } from './merge';

const T0 = Date.UTC(2025, 2, 1, 8);
const MINUTE = 60_000;

function state(partial: Partial<TrackingState> = {}): TrackingState {
	return {
		completionStatus: 'incomplete',
		successStatus: 'unknown',
		scoreRaw: null,
		scoreMin: null,
		scoreMax: null,
		scoreScaled: null,
		totalTimeMs: 0,
		location: null,
		suspendData: null,
		completedAt: null,
		lastAccessedAt: T0,
		lastHeartbeatAt: null,
		...partial
	};
}

const score = (raw: number) => ({ raw, min: 0, max: 100, scaled: raw / 100 });

describe('mergeResult', () => {
	it('changes nothing but the access time for an empty result', () => {
		const before = state({ location: 'muc-2', totalTimeMs: 5 * MINUTE, scoreRaw: 40 });
		expect(mergeResult(before, {}, T0 + MINUTE)).toEqual({ ...before, lastAccessedAt: T0 + MINUTE });
	});

	it('completes once: the first completion time stays and incomplete never undoes it', () => {
		const done = mergeResult(state(), { completion: 'completed' }, T0 + MINUTE);
		expect(done).toMatchObject({ completionStatus: 'completed', completedAt: T0 + MINUTE });
		const again = mergeResult(done, { completion: 'completed' }, T0 + 2 * MINUTE);
		expect(again.completedAt).toBe(T0 + MINUTE);
		expect(mergeResult(done, { completion: 'incomplete' }, T0 + 3 * MINUTE)).toMatchObject({ completionStatus: 'completed', completedAt: T0 + MINUTE });
	});

	it('starts a never-attempted row as incomplete when a result says so', () => {
		expect(mergeResult(state({ completionStatus: 'not attempted' }), { completion: 'incomplete' }, T0).completionStatus).toBe('incomplete');
		expect(mergeResult(state({ completionStatus: 'not attempted' }), {}, T0).completionStatus).toBe('not attempted');
	});

	it('keeps a pass and the score it passed with when a later result fails or says nothing', () => {
		const passed = mergeResult(state(), { success: 'passed', score: score(80) }, T0);
		expect(passed).toMatchObject({ successStatus: 'passed', scoreRaw: 80, scoreScaled: 0.8 });
		expect(mergeResult(passed, { success: 'failed', score: score(40) }, T0 + MINUTE)).toMatchObject({ successStatus: 'passed', scoreRaw: 80 });
		expect(mergeResult(passed, { success: 'unknown', score: score(10) }, T0 + MINUTE)).toMatchObject({ successStatus: 'passed', scoreRaw: 80 });
		expect(mergeResult(passed, { score: score(10) }, T0 + MINUTE)).toMatchObject({ successStatus: 'passed', scoreRaw: 80 });
	});

	it('takes the score of a new pass, which the activity chose by its grading rule', () => {
		const passed = state({ successStatus: 'passed', scoreRaw: 80, scoreScaled: 0.8 });
		expect(mergeResult(passed, { success: 'passed', score: score(75) }, T0)).toMatchObject({ successStatus: 'passed', scoreRaw: 75 });
	});

	it('turns a fail into a pass, and never lets unknown erase a fail', () => {
		const failed = state({ successStatus: 'failed', scoreRaw: 40 });
		expect(mergeResult(failed, { success: 'passed', score: score(90) }, T0)).toMatchObject({ successStatus: 'passed', scoreRaw: 90 });
		expect(mergeResult(failed, { success: 'unknown' }, T0)).toMatchObject({ successStatus: 'failed', scoreRaw: 40 });
		expect(mergeResult(failed, { success: 'failed', score: score(50) }, T0)).toMatchObject({ successStatus: 'failed', scoreRaw: 50 });
	});

	it('only adds time: negative or fractional credits never shorten it', () => {
		const before = state({ totalTimeMs: 10 * MINUTE });
		expect(mergeResult(before, { addTimeMs: 90_500.7 }, T0).totalTimeMs).toBe(10 * MINUTE + 90_500);
		expect(mergeResult(before, { addTimeMs: -5 * MINUTE }, T0).totalTimeMs).toBe(10 * MINUTE);
	});

	it('sets or clears the bookmark and resume state only when the result carries them', () => {
		const before = state({ location: 'muc-3', suspendData: '{"p":3}' });
		expect(mergeResult(before, { location: 'muc-4' }, T0)).toMatchObject({ location: 'muc-4', suspendData: '{"p":3}' });
		expect(mergeResult(before, { location: null, suspendData: null }, T0)).toMatchObject({ location: null, suspendData: null });
	});

	it('moves the heartbeat anchor forward only', () => {
		const before = state({ lastHeartbeatAt: T0 + 2 * MINUTE });
		expect(mergeResult(before, { heartbeatAt: T0 + MINUTE }, T0 + MINUTE).lastHeartbeatAt).toBe(T0 + 2 * MINUTE);
		expect(mergeResult(before, { heartbeatAt: T0 + 3 * MINUTE }, T0 + 3 * MINUTE).lastHeartbeatAt).toBe(T0 + 3 * MINUTE);
	});
});
