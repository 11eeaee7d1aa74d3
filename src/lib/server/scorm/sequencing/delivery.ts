// Which SCO the player may deliver, decided by the sequencing engine on the server: a launch the
// rules forbid is refused here, whatever the browser asked for. Pure over an engine (engine.ts);
// state.ts's runSequencing gives it the learner's engine and saves what changed.
import type { AttemptEnd, Engine } from './engine';

export type Delivery =
	| { ok: true; identifier: string }
	/** `inOrder`: the part's cluster lets no one choose (flow only); `closed`: its rules forbid it now
	 * (an earlier part to pass first, attempts used up); `nothing`: the package has nothing to deliver */
	| { ok: false; reason: 'inOrder' | 'closed' | 'nothing' };

/**
 * Delivers `asked` (a SCO identifier), or where the learner should be when nothing is asked:
 * the suspended SCO (resumeAll), the current one, else the start of the package, else — a package
 * without flow — the first SCO that may be chosen. An attempt still open on another SCO (its end
 * never reached the server: the tab closed) is ended first with what was stored of it.
 */
export function deliver(engine: Engine, asked: string | null, leaves: readonly string[], stored: (identifier: string) => AttemptEnd): Delivery {
	const current = engine.current();
	// the attempt on screen is still open (a reload, or the tab was closed without a word): the
	// learner comes back to it, as they left it
	if ((asked === null || asked === current) && current !== null && engine.active()) return { ok: true, identifier: current };
	if (engine.active() && current !== null && asked !== current) engine.endAttempt(stored(current));
	if (asked === null) {
		if (engine.suspended()) {
			const resumed = engine.navigate('resumeAll');
			if (resumed.delivered) return { ok: true, identifier: resumed.delivered };
		}
		const started = engine.navigate('start');
		if (started.delivered) return { ok: true, identifier: started.delivered };
		const open = engine.choosable();
		const first = leaves.find((leaf) => open.has(leaf));
		if (first === undefined) return { ok: false, reason: 'nothing' };
		asked = first;
	}
	if (engine.suspended() && engine.current() === asked) {
		const resumed = engine.navigate('resumeAll');
		if (resumed.delivered === asked) return { ok: true, identifier: asked };
	}
	const chosen = engine.navigate('choice', asked);
	// a cluster chosen delivers the part its flow leads to
	if (chosen.accepted && chosen.delivered !== null) return { ok: true, identifier: chosen.delivered };
	return { ok: false, reason: engine.choiceAllowedIn(asked) ? 'closed' : 'inOrder' };
}

export type Availability = 'open' | 'current' | 'inOrder' | 'closed' | 'hidden';

/** Each activity of the contents (SCOs and the clusters holding them): 'open' when the learner
 * may choose it now, else why not; 'hidden' ones are not shown at all. */
export function availability(engine: Engine, ids: readonly string[]): Map<string, Availability> {
	const open = engine.choosable();
	const current = engine.current();
	const of = (id: string): Availability => {
		if (id === current) return 'current';
		if (open.has(id)) return 'open';
		if (engine.hidden(id)) return 'hidden';
		return engine.choiceAllowedIn(id) ? 'closed' : 'inOrder';
	};
	return new Map(ids.map((id) => [id, of(id)] as const));
}
