// SCORM 2004's End Attempt Process (SN book, UP.4 End Attempt Process, with the delivery
// controls of SN 5.1.9): when an attempt on a leaf activity ends and the content did not say
// whether it completed (resp. satisfied its primary objective), the LMS decides it from the
// manifest's completionSetByContent (resp. objectiveSetByContent); both default to false, which
// means "completed (resp. satisfied) when the attempt ends". Pure, so it is tested on its own.
import type { DeliveryControls } from '../manifest';
import type { Completion, Success } from './cmi';

export interface AttemptOutcome {
	completion: Completion;
	/** false when the content never reported a completion status (cmi.completion_status 'unknown') */
	completionKnown: boolean;
	success: Success;
}

/** What the attempt ends with. A suspended attempt has not ended (cmi.exit 'suspend'): nothing
 * is assumed; nor for an untracked activity, whose results the LMS does not keep. */
export function endAttempt(outcome: AttemptOutcome, controls: DeliveryControls, exit: string): AttemptOutcome {
	if (exit === 'suspend' || !controls.tracked) return outcome;
	const assumeCompleted = !controls.completionSetByContent && !outcome.completionKnown;
	const assumeSatisfied = !controls.objectiveSetByContent && outcome.success === 'unknown';
	return {
		completion: assumeCompleted ? 'completed' : outcome.completion,
		completionKnown: outcome.completionKnown || assumeCompleted,
		success: assumeSatisfied ? 'passed' : outcome.success
	};
}

/** An attempt the content said nothing at all about: it never called the API (a page SCO, an
 * asset), or the learner left before it did. */
export const SILENT_ATTEMPT: AttemptOutcome = Object.freeze({ completion: 'incomplete', completionKnown: false, success: 'unknown' });
