// Between the tracking model and the sequencing engine: what the engine is told of a SCO attempt
// whose end never reached the server (its stored results), and the package's own result (the
// rollup of its activity tree, the root's status) in the shape the tracking door takes.
import type { ActivityResult } from '../../tracking/merge';
import type { Tracking } from '../../tracking/service';
import type { StoredScoState } from '../runtime/launch';
import type { ActivityStatus, AttemptEnd } from './engine';

/** The stored results of a SCO as the end of its attempt; what is unknown is left unsaid, so the
 * engine's End Attempt defaults decide it as they would have. The attempt's own results are what
 * its latest session reported (`lastReport`): the tracking row keeps the best ever, and a retake
 * that did worse must count as it went. The tracking row stands in only for states saved before
 * the SCO's report was kept (migration 019). */
export function attemptEndFrom(tracking: Tracking | null, state: StoredScoState | null): AttemptEnd {
	const end: AttemptEnd = {};
	const last = state?.lastReport;
	if (last) {
		if (last.completion) end.completion = last.completion;
		if (last.success) end.success = last.success;
		if (last.scaled !== undefined) end.scaled = last.scaled;
	} else {
		if (tracking?.completionStatus === 'completed' || tracking?.completionStatus === 'incomplete') end.completion = tracking.completionStatus;
		if (tracking?.successStatus === 'passed' || tracking?.successStatus === 'failed') end.success = tracking.successStatus;
		if (tracking?.scoreScaled !== null && tracking?.scoreScaled !== undefined) end.scaled = tracking.scoreScaled;
	}
	if (state?.progressMeasure !== null && state?.progressMeasure !== undefined) end.progress = state.progressMeasure;
	if (state?.exit) end.exit = state.exit;
	return end;
}

/** The root activity's rolled-up status as a result for `applyResult`; unknown parts say nothing. */
export function packageResult(root: ActivityStatus): ActivityResult {
	const result: ActivityResult = {};
	if (root.completion === 'completed' || root.completion === 'incomplete') result.completion = root.completion;
	if (root.success === 'passed' || root.success === 'failed') result.success = root.success;
	// the engine's weighted average carries float noise (0.8000000000000002); SCORM keeps 7 digits
	if (root.scaled !== null) result.score = { raw: null, min: null, max: null, scaled: Math.round(root.scaled * 1e7) / 1e7 };
	return result;
}
