import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIVERY_CONTROLS } from '../manifest';
import { endAttempt, SILENT_ATTEMPT } from './end-attempt';

const byContent = { tracked: true, completionSetByContent: true, objectiveSetByContent: true };

describe('endAttempt (SCORM 2004 End Attempt Process)', () => {
	it('completes and satisfies an attempt the content said nothing about, by default', () => {
		expect(endAttempt(SILENT_ATTEMPT, DEFAULT_DELIVERY_CONTROLS, '')).toEqual({ completion: 'completed', completionKnown: true, success: 'passed' });
	});

	it('keeps what the content reported: a failed test stays failed, an incomplete one incomplete', () => {
		expect(endAttempt({ completion: 'incomplete', completionKnown: true, success: 'failed' }, DEFAULT_DELIVERY_CONTROLS, 'normal')).toEqual({
			completion: 'incomplete',
			completionKnown: true,
			success: 'failed'
		});
		// completion reported, success not: only success is assumed
		expect(endAttempt({ completion: 'completed', completionKnown: true, success: 'unknown' }, DEFAULT_DELIVERY_CONTROLS, '').success).toBe('passed');
	});

	it('assumes nothing when the manifest says the content sets them, for a suspended attempt, or an untracked activity', () => {
		expect(endAttempt(SILENT_ATTEMPT, byContent, '')).toEqual(SILENT_ATTEMPT);
		expect(endAttempt(SILENT_ATTEMPT, { ...byContent, objectiveSetByContent: false }, '')).toEqual({ ...SILENT_ATTEMPT, success: 'passed' });
		expect(endAttempt(SILENT_ATTEMPT, DEFAULT_DELIVERY_CONTROLS, 'suspend')).toEqual(SILENT_ATTEMPT);
		expect(endAttempt(SILENT_ATTEMPT, { ...DEFAULT_DELIVERY_CONTROLS, tracked: false }, '')).toEqual(SILENT_ATTEMPT);
	});
});
