// The sequencing engine, run on the server: the browser never decides what may be delivered.
// One short-lived scorm-again `Scorm2004API` per request, built from the package's activity tree
// (tree.ts) and the learner's saved state (state.ts), asked one thing, its state saved again.
//
// The engine learns how a SCO's attempt ended the way it would in a browser: the SCO's final
// results are replayed through the run-time (Initialize, SetValue, Terminate with
// adl.nav.request), so its own End Attempt process, rollup, global objective writes and the
// navigation request that follows are scorm-again's, not a copy of ours.
import * as scorm2004 from 'scorm-again/scorm2004';
import type Scorm2004APIClass from 'scorm-again/scorm2004';
import type { SequencingTree } from './tree';

// The package's type declarations say default export; its ES module exports the class by name
// only (src/lib/scorm/player-runtime.ts meets the same).
const { Scorm2004API } = scorm2004 as unknown as { Scorm2004API: typeof Scorm2004APIClass };
type Scorm2004API = Scorm2004APIClass;

/** SN 4.4 navigation requests a learner or a SCO may make. */
export const NAVIGATION_REQUESTS = ['start', 'resumeAll', 'continue', 'previous', 'choice', 'jump', 'exit', 'exitAll', 'suspendAll', 'abandon', 'abandonAll'] as const;
export type NavigationRequest = (typeof NAVIGATION_REQUESTS)[number];

/** What the SCO reported when its attempt ended (its last commit), and what it asked for next. */
export interface AttemptEnd {
	completion?: 'completed' | 'incomplete' | 'not attempted' | 'unknown';
	success?: 'passed' | 'failed' | 'unknown';
	/** cmi.score.scaled, −1–1 */
	scaled?: number | null;
	/** cmi.progress_measure, 0–1 */
	progress?: number | null;
	/** cmi.exit: 'suspend' keeps the attempt open */
	exit?: string;
	/** adl.nav.request as the SCO set it: continue, previous, {target=x}choice, {target=x}jump, exit, exitAll, suspendAll, abandon, abandonAll, _none_ */
	navRequest?: string;
}

export interface ActivityStatus {
	completion: 'completed' | 'incomplete' | 'not attempted' | 'unknown';
	success: 'passed' | 'failed' | 'unknown';
	/** the primary objective's normalized measure when known */
	scaled: number | null;
}

/** What a request led to: the engine accepted it or not, what it delivered, whether the sequencing
 * session ended (exitAll, suspendAll, continue past the last activity…). */
export interface Outcome {
	accepted: boolean;
	delivered: string | null;
	ended: boolean;
}

export interface Engine {
	/** the activity delivered now (or suspended and waiting for resumeAll), null when none */
	current(): string | null;
	/** true when the learner left with suspendAll: the next visit must resumeAll, not start */
	suspended(): boolean;
	/** the current activity's attempt is still open (delivered, and its end not yet told) */
	active(): boolean;
	/** the parent of `id` lets the learner choose among its children (controlMode choice) */
	choiceAllowedIn(id: string): boolean;
	/** runs a navigation request; not accepted when the engine refuses it (nothing changes) */
	navigate(request: NavigationRequest, target?: string): Outcome;
	/** ends the current attempt with the SCO's results, then runs the SCO's own navigation request */
	endAttempt(end: AttemptEnd): Outcome;
	/** leaves, for `choice`, that the engine would accept now */
	choosable(): Set<string>;
	/** the activity is hidden from choice now (a hiddenFromChoice rule on its path holds, or a
	 * random selection left it out): the contents do not show it at all */
	hidden(id: string): boolean;
	canContinue(): boolean;
	canPrevious(): boolean;
	status(id: string): ActivityStatus | null;
}

// scorm-again's classes behind the API object; only what this module reads
interface InternalActivity {
	id: string;
	isActive: boolean;
	isHiddenFromChoice: boolean;
	isNewAttempt: boolean;
	sequencingRules: { preConditionRules: { action: string; evaluate(activity: InternalActivity): boolean }[] };
	parent: InternalActivity | null;
	sequencingControls: { choice: boolean };
	children: InternalActivity[];
	completionStatus: string;
	successStatus: string;
	objectiveMeasureStatus: boolean;
	objectiveNormalizedMeasure: number;
}
interface InternalApi {
	_sequencing: {
		activityTree: {
			root: InternalActivity | null;
			currentActivity: InternalActivity | null;
			suspendedActivity: InternalActivity | null;
			getActivity(id: string): InternalActivity | null;
		};
		overallSequencingProcess: {
			getAvailableChoices(): string[];
			predictContinueEnabled(): boolean;
			predictPreviousEnabled(): boolean;
			sequencingProcess: {
				validateNavigationRequest(request: 'choice', target: string, current: null): { valid: boolean };
				traversalService: { ensureSelectionAndRandomization(activity: InternalActivity): void };
			};
		} | null;
	};
}

/**
 * Builds the engine for `tree` with `state` (null for a learner who never opened the package),
 * runs `fn`, and returns its result with the state to save. Synchronous: the engine never waits.
 */
export function withEngine<T>(tree: SequencingTree, state: string | null, fn: (engine: Engine) => T): { result: T; state: string } {
	// scorm-again writes console.debug lines on every delivery and restore: not server log material
	const debug = console.debug;
	console.debug = () => {};
	try {
		const api = new Scorm2004API({
			logLevel: 5,
			autocommit: false,
			// the tree is our JSON; its string unions are the values of scorm-again's enums
			sequencing: { activityTree: tree.root as never, autoRollupOnCMIChange: false, autoProgressOnCompletion: false }
		} as never);
		if (state !== null && !api.deserializeSequencingState(state)) throw new Error('sequencing state could not be restored');
		if (state === null) drawChildren(api as unknown as InternalApi);
		let delivered: string | null = null;
		let ended = false;
		api.setSequencingEventListeners({
			onActivityDelivery: (activity: { id: string }) => {
				delivered = activity.id;
			},
			onSequencingSessionEnd: () => {
				ended = true;
			}
		});
		const watch = (run: () => boolean): Outcome => {
			delivered = null;
			ended = false;
			const accepted = run();
			return { accepted, delivered, ended };
		};
		const internal = api as unknown as InternalApi;
		const activities = internal._sequencing.activityTree;
		const process = () => internal._sequencing.overallSequencingProcess;
		const engine: Engine = {
			current: () => activities.currentActivity?.id ?? activities.suspendedActivity?.id ?? null,
			suspended: () => activities.suspendedActivity !== null,
			active: () => activities.currentActivity?.isActive === true,
			choiceAllowedIn: (id) => activities.getActivity(id)?.parent?.sequencingControls.choice !== false,
			navigate: (request, target) => watch(() => api.processNavigationRequest(request, target)),
			endAttempt: (end) =>
				watch(() => {
					if (!activities.currentActivity) return false;
					return endAttempt(api, end);
				}),
			choosable() {
				const overall = process();
				if (!overall) return new Set<string>();
				if (activities.currentActivity) return new Set(overall.getAvailableChoices());
				// scorm-again's look-ahead offers nothing while no activity is current (before the
				// first delivery, after the session ended: its calculateAvailableChoicesFromRoot is
				// empty); each activity is asked the way the look-ahead would ask it
				const found = new Set<string>();
				const visit = (activity: InternalActivity) => {
					if (overall.sequencingProcess.validateNavigationRequest('choice', activity.id, null).valid) found.add(activity.id);
					for (const c of activity.children) visit(c);
				};
				if (activities.root) visit(activities.root);
				return found;
			},
			hidden(id) {
				const activity = activities.getActivity(id);
				if (!activity) return true;
				for (let on: InternalActivity | null = activity; on; on = on.parent) {
					if (on.isHiddenFromChoice) return true;
					if (on.sequencingRules.preConditionRules.some((rule) => rule.action === 'hiddenFromChoice' && rule.evaluate(on!))) return true;
				}
				return false;
			},
			canContinue: () => process()?.predictContinueEnabled() ?? false,
			canPrevious: () => process()?.predictPreviousEnabled() ?? false,
			status(id) {
				const activity = activities.getActivity(id);
				if (!activity) return null;
				return {
					completion: activity.completionStatus as ActivityStatus['completion'],
					success: activity.successStatus as ActivityStatus['success'],
					scaled: activity.objectiveMeasureStatus ? activity.objectiveNormalizedMeasure : null
				};
			}
		};
		const result = fn(engine);
		return { result, state: api.serializeSequencingState() };
	} finally {
		console.debug = debug;
	}
}

/**
 * A learner's first tree: every cluster that selects or reorders its children does so now, before
 * anything flows into it. SN (SR.1, SR.2) applies selection and randomisation to a cluster that is
 * neither active nor suspended, so a cluster drawn "onEachNewAttempt" is drawn for its first
 * attempt too; scorm-again 3.4.3 draws only when an attempt begins, after its flow has already
 * picked the first child in manifest order, so every learner got the random test's Test 1 first.
 * Marking the cluster as at a new attempt makes its own process draw (and keeps the draw in the state).
 */
function drawChildren(api: InternalApi) {
	const traversal = api._sequencing.overallSequencingProcess?.sequencingProcess.traversalService;
	if (!traversal) return;
	const visit = (activity: InternalActivity) => {
		if (activity.children.length === 0) return;
		const wasNew = activity.isNewAttempt;
		activity.isNewAttempt = true;
		traversal.ensureSelectionAndRandomization(activity);
		activity.isNewAttempt = wasNew;
		for (const child of activity.children) visit(child);
	};
	if (api._sequencing.activityTree.root) visit(api._sequencing.activityTree.root);
}

/** The SCO's last results replayed through the run-time, as the browser's API would have seen them. */
function endAttempt(api: Scorm2004API, end: AttemptEnd): boolean {
	if (api.Initialize('') !== 'true') return false;
	const set = (element: string, value: string | number | null | undefined) => {
		if (value !== undefined && value !== null && value !== '') api.SetValue(element, String(value));
	};
	set('cmi.completion_status', end.completion);
	set('cmi.success_status', end.success);
	set('cmi.score.scaled', end.scaled);
	set('cmi.progress_measure', end.progress);
	set('cmi.exit', end.exit);
	set('adl.nav.request', end.navRequest);
	return api.Terminate('') === 'true';
}
