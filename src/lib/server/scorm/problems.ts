// A reason a SCORM package was refused, as a message key plus parameters: the admin page
// translates it, so a trainer never sees a stack trace.
import type { MessageKey, Params } from '$lib/i18n';

export interface ScormProblem {
	key: MessageKey;
	params?: Params;
}

export type ScormResult<T> = ({ ok: true } & T) | { ok: false; problem: ScormProblem };

/** Thrown inside the importer and turned into `{ ok: false, problem }` at its edge. */
export class ScormRefusal extends Error {
	constructor(readonly problem: ScormProblem) {
		super(problem.key);
		this.name = 'ScormRefusal';
	}
}

export function refuse(key: MessageKey, params?: Params): never {
	throw new ScormRefusal(params ? { key, params } : { key });
}
