import { describe, expect, it } from 'vitest';
import type { Tracking } from '../../tracking/service';
import { attemptEndFrom, packageResult } from './result';

const row = (fields: Partial<Tracking>): Tracking => ({
	userId: 1,
	activityId: 1,
	completionStatus: 'not attempted',
	successStatus: 'unknown',
	scoreRaw: null,
	scoreMin: null,
	scoreMax: null,
	scoreScaled: null,
	totalTimeMs: 0,
	location: null,
	suspendData: null,
	attempts: 1,
	firstAccessedAt: null,
	lastAccessedAt: null,
	completedAt: null,
	lastHeartbeatAt: null,
	...fields
});

describe('attemptEndFrom', () => {
	it('tells the engine what was stored, and nothing of what is unknown', () => {
		expect(attemptEndFrom(row({ completionStatus: 'completed', successStatus: 'failed', scoreScaled: 0.4 }), { exit: 'suspend', progressMeasure: 0.5, objectives: [] })).toEqual({
			completion: 'completed',
			success: 'failed',
			scaled: 0.4,
			progress: 0.5,
			exit: 'suspend'
		});
		// the latest session's own report is the attempt's result, whatever the best ever stored
		const best = row({ completionStatus: 'completed', successStatus: 'passed', scoreScaled: 0.9 });
		expect(attemptEndFrom(best, { exit: '', progressMeasure: null, objectives: [], lastReport: { completion: 'completed', success: 'failed', scaled: 0.2 } })).toEqual({
			completion: 'completed',
			success: 'failed',
			scaled: 0.2
		});
		// a new attempt that has reported nothing: the engine's End Attempt defaults decide
		expect(attemptEndFrom(best, { exit: '', progressMeasure: null, objectives: [], lastReport: {} })).toEqual({});
		// a SCO that never reported: the engine's End Attempt defaults decide
		expect(attemptEndFrom(row({}), null)).toEqual({});
		expect(attemptEndFrom(null, null)).toEqual({});
	});
});

describe('packageResult', () => {
	it('is the root’s rollup as a tracking result, the score without float noise', () => {
		expect(packageResult({ completion: 'completed', success: 'passed', scaled: 0.8000000000000002 })).toEqual({
			completion: 'completed',
			success: 'passed',
			score: { raw: null, min: null, max: null, scaled: 0.8 }
		});
		expect(packageResult({ completion: 'unknown', success: 'unknown', scaled: null })).toEqual({});
		expect(packageResult({ completion: 'incomplete', success: 'failed', scaled: null })).toEqual({ completion: 'incomplete', success: 'failed' });
	});
});
