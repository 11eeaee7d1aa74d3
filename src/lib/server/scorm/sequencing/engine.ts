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
	/** leaves a `{target=…}jump` would deliver now (SN DB.1.1: a leaf, none of its path disabled,
	 * over its attempt limit or left out of a selection; no control mode counts) */
	jumpable(): Set<string>;
	/** the activity is hidden from choice now (a hiddenFromChoice rule on its path holds, or a
	 * random selection left it out): the contents do not show it at all */
	hidden(id: string): boolean;
	canContinue(): boolean;
	canPrevious(): boolean;
	status(id: string): ActivityStatus | null;
}

/**
 * What a global objective (a mapInfo targetObjectiveID) holds for a learner: the values of
 * scorm-again's global objective map entry, without the map flags (those belong to each package's
 * own mapInfo). Kept across packages when they are global to the system (state.ts).
 */
export const GLOBAL_OBJECTIVE_VALUES = [
	'satisfiedStatus',
	'satisfiedStatusKnown',
	'normalizedMeasure',
	'normalizedMeasureKnown',
	'completionStatus',
	'completionStatusKnown',
	'progressMeasure',
	'progressMeasureKnown',
	'rawScore',
	'rawScoreKnown',
	'minScore',
	'minScoreKnown',
	'maxScore',
	'maxScoreKnown'
] as const;
export type GlobalObjectiveValues = Partial<Record<(typeof GLOBAL_OBJECTIVE_VALUES)[number], unknown>>;

// scorm-again's classes behind the API object; only what this module reads
interface InternalObjective {
	id: string;
	satisfiedStatus: boolean;
	measureStatus: boolean;
	normalizedMeasure: number;
	mapInfo: { targetObjectiveID?: string; writeSatisfiedStatus?: boolean; writeNormalizedMeasure?: boolean }[];
}
interface InternalActivity {
	id: string;
	isActive: boolean;
	attemptCount: number;
	isHiddenFromChoice: boolean;
	isNewAttempt: boolean;
	getAllObjectives(): InternalObjective[];
	isAvailable: boolean;
	hasAttemptLimitExceeded(): boolean;
	sequencingRules: { preConditionRules: { action: string; evaluate(activity: InternalActivity): boolean }[] };
	parent: InternalActivity | null;
	sequencingControls: { choice: boolean; tracked?: boolean };
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
			getGlobalObjectiveMap(): Map<string, Record<string, unknown>>;
			rollupProcess: {
				getGlobalObjectiveSynchronizer(): {
					syncGlobalObjectivesReadPhase(activity: InternalActivity, map: Map<string, Record<string, unknown>>): boolean;
					hasKnownSatisfiedStatus(objective: InternalObjective): boolean;
				};
			};
			getAvailableChoices(): string[];
			predictContinueEnabled(): boolean;
			predictPreviousEnabled(): boolean;
			sequencingProcess: {
				validateNavigationRequest(request: 'choice', target: string, current: null): { valid: boolean };
				traversalService: { ensureSelectionAndRandomization(activity: InternalActivity): void };
				sequencingRequestProcess(request: string, target?: string | null): { deliveryRequest: string; targetActivity: unknown; exception: string | null };
			};
		} | null;
	};
}

function valuesOf(entry: Record<string, unknown>): GlobalObjectiveValues {
	return Object.fromEntries(GLOBAL_OBJECTIVE_VALUES.filter((key) => key in entry).map((key) => [key, entry[key]]));
}

/**
 * Builds the engine for `tree` with `state` (null for a learner who never opened the package),
 * runs `fn`, and returns its result with the state to save. Synchronous: the engine never waits.
 *
 * `system`: for a package whose global objectives are global to the system, the learner's values
 * of them as every package left them (state.ts); they replace what the package's own state
 * remembers, every activity reads them again (SN 3.10.3 read maps), and the values after `fn` are
 * returned as `globals`, to be kept for the learner's other packages.
 */
export function withEngine<T>(
	tree: SequencingTree,
	state: string | null,
	fn: (engine: Engine) => T,
	system: Record<string, GlobalObjectiveValues> | null = null
): { result: T; state: string; globals: Record<string, GlobalObjectiveValues> | null } {
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
		if (system) readSystemObjectives(internal, system);
		// objectivesGlobalToSystem="false": the package's global objectives last one attempt on the tree
		if (!tree.objectivesGlobalToSystem && treeAttemptEnded(internal)) clearObjectives(internal);
		patchSequencingRequests(internal, !tree.objectivesGlobalToSystem);
		// a choice refused though the look-ahead offers it: a cluster's rolled-up objective not yet
		// in its global (see writeActiveClusters); written, the choice is asked again
		const choose = (target: string): boolean => {
			if (api.processNavigationRequest('choice', target)) return true;
			if (!process()?.getAvailableChoices().includes(target)) return false;
			writeActiveClusters(internal);
			return api.processNavigationRequest('choice', target);
		};
		const engine: Engine = {
			current: () => activities.currentActivity?.id ?? activities.suspendedActivity?.id ?? null,
			suspended: () => activities.suspendedActivity !== null,
			active: () => activities.currentActivity?.isActive === true,
			choiceAllowedIn: (id) => activities.getActivity(id)?.parent?.sequencingControls.choice !== false,
			navigate: (request, target) => watch(() => (request === 'choice' && target ? choose(target) : api.processNavigationRequest(request, target))),
			endAttempt: (end) =>
				watch(() => {
					if (!activities.currentActivity) return false;
					// scorm-again 3.4.3 runs a SCO's jump before the attempt's end is applied (its
					// results, the objectives it writes); SN ends the attempt first (TB.2.3), then
					// sequences the jump (SB.2.13, DB.1.1). So the end, then the jump.
					const jump = /^\{target=([^}]+)\}jump$/.exec(end.navRequest ?? '');
					if (jump) return endAttempt(api, { ...end, navRequest: undefined }) && api.processNavigationRequest('jump', jump[1]);
					// a choice the same way (its Exit termination first, TB.2.3, then SB.2.9), so that a
					// choice the engine alone would refuse on a stale global gets `choose`'s second ask
					const choice = /^\{target=([^}]+)\}choice$/.exec(end.navRequest ?? '');
					if (choice) return endAttempt(api, { ...end, navRequest: undefined }) && choose(choice[1]!);
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
			jumpable() {
				// reads are live in SN: what another activity's end wrote counts at once
				readAll(internal);
				const found = new Set<string>();
				const visit = (activity: InternalActivity) => {
					if (activity.children.length === 0 && deliverableByJump(activity)) found.add(activity.id);
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
		if (!tree.objectivesGlobalToSystem && treeAttemptEnded(internal)) clearObjectives(internal);
		const globals = system && Object.fromEntries([...(process()?.getGlobalObjectiveMap() ?? new Map())].map(([id, entry]) => [id, valuesOf(entry)]));
		return { result, state: api.serializeSequencingState(), globals };
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

/**
 * Writes the objectives of clusters whose attempt is still open to their globals, and lets every
 * activity read them. In SN a mapped objective *is* the global one: a cluster's satisfaction,
 * set by rollup when its last child's attempt ends, is the global's at once. scorm-again 3.4.3
 * writes an activity's objectives only once its attempt has ended, and maps before it rolls up,
 * so a choice that leaves the cluster is judged on the global as it was: the random test's Post
 * Test, offered by the look-ahead as soon as the content is completed, was refused (NB.2.1-11)
 * until the learner pressed Continue. Leaves are left alone: a SCO's results count when it ends.
 */
function writeActiveClusters(internal: InternalApi): void {
	const overall = internal._sequencing.overallSequencingProcess;
	const root = internal._sequencing.activityTree.root;
	if (!overall || !root) return;
	const map = overall.getGlobalObjectiveMap();
	const synchronizer = overall.rollupProcess.getGlobalObjectiveSynchronizer();
	const visit = (activity: InternalActivity) => {
		if (activity.children.length === 0) return;
		if (activity.isActive && activity.sequencingControls.tracked !== false) {
			for (const objective of activity.getAllObjectives()) {
				for (const mapInfo of objective.mapInfo) {
					const global = map.get(mapInfo.targetObjectiveID || objective.id);
					if (!global) continue;
					if (mapInfo.writeSatisfiedStatus && synchronizer.hasKnownSatisfiedStatus(objective)) {
						Object.assign(global, { satisfiedStatus: objective.satisfiedStatus, satisfiedStatusKnown: true });
					}
					if (mapInfo.writeNormalizedMeasure && objective.measureStatus) {
						Object.assign(global, { normalizedMeasure: objective.normalizedMeasure, normalizedMeasureKnown: true });
					}
				}
			}
		}
		for (const child of activity.children) visit(child);
	};
	visit(root);
	readAll(internal);
}

/** Every activity reads its mapped objectives from the map again (scorm-again's read phase). */
function readAll(internal: InternalApi): void {
	const overall = internal._sequencing.overallSequencingProcess;
	const root = internal._sequencing.activityTree.root;
	if (!overall || !root) return;
	const map = overall.getGlobalObjectiveMap();
	const synchronizer = overall.rollupProcess.getGlobalObjectiveSynchronizer();
	const visit = (activity: InternalActivity) => {
		synchronizer.syncGlobalObjectivesReadPhase(activity, map);
		for (const child of activity.children) visit(child);
	};
	visit(root);
}

/** The attempt on the whole tree has ended (exitAll, the course's end) and none has begun since:
 * the next start, or a choice, begins a new one. */
function treeAttemptEnded(internal: InternalApi): boolean {
	const tree = internal._sequencing.activityTree;
	return tree.root !== null && !tree.root.isActive && tree.root.attemptCount > 0 && tree.currentActivity === null && tree.suspendedActivity === null;
}

/** Every global objective of the package back to unknown, and read so by the activities. */
function clearObjectives(internal: InternalApi): void {
	const overall = internal._sequencing.overallSequencingProcess;
	if (!overall) return;
	for (const entry of overall.getGlobalObjectiveMap().values()) {
		Object.assign(entry, {
			satisfiedStatus: false,
			satisfiedStatusKnown: false,
			normalizedMeasure: 0,
			normalizedMeasureKnown: false,
			completionStatus: 'unknown',
			completionStatusKnown: false,
			progressMeasure: 0,
			progressMeasureKnown: false,
			rawScore: '',
			rawScoreKnown: false,
			minScore: '',
			minScoreKnown: false,
			maxScore: '',
			maxScoreKnown: false
		});
	}
	readAll(internal);
}

/**
 * SN DB.1.1 (Delivery Request Process): an activity is delivered only if it is a leaf and the Check
 * Activity Process (UP.5) finds no activity on its path from the root disabled (a disabled
 * pre-condition rule that holds) or over its limits; one left out of a random selection is not
 * there to deliver.
 */
function deliverableByJump(activity: InternalActivity): boolean {
	if (activity.children.length > 0) return false;
	for (let on: InternalActivity | null = activity; on; on = on.parent) {
		if (!on.isAvailable || on.hasAttemptLimitExceeded()) return false;
		if (on.sequencingRules.preConditionRules.some((rule) => rule.action === 'disabled' && rule.evaluate(on!))) return false;
	}
	return true;
}

/**
 * Two corrections to scorm-again 3.4.3's Sequencing Request Process (SB.2.12), on this instance:
 *
 * - jump: its Jump Sequencing Request Process delivers any activity of the tree, a disabled one
 *   too (the golf post-test rollup's quiz, before the content is passed); SN applies the Delivery
 *   Request Process to what a jump identifies, which refuses it (DB.1.1-3). The check runs where
 *   SN has it, after the current attempt ended and the mapped objectives are read again, so a SCO
 *   that passes and jumps in one Terminate may jump to what its pass opened.
 * - objectivesGlobalToSystem="false": "shared global objective information will exist per learner
 *   per Activity Tree" (ADL), and a new attempt on the root of the tree starts it afresh (Rustici,
 *   "Remediation is hard", and the golf simple-remediation manifest: retryAll, or a choice of the
 *   root, "resets the global objectives"). scorm-again keeps them for ever; a retryAll clears them
 *   here before its flow looks at them (an ended attempt is caught in withEngine, before and after
 *   each request, so states saved earlier are caught too).
 */
function patchSequencingRequests(internal: InternalApi, packageScoped: boolean): void {
	const sequencing = internal._sequencing.overallSequencingProcess?.sequencingProcess;
	if (!sequencing) return;
	const run = sequencing.sequencingRequestProcess.bind(sequencing);
	sequencing.sequencingRequestProcess = (request, target) => {
		if (request === 'retryAll' && packageScoped) clearObjectives(internal);
		const result = run(request, target);
		const activity = request === 'jump' && target ? internal._sequencing.activityTree.getActivity(target) : null;
		// the objectives the ended attempt wrote are read first (SN's reads are live)
		if (activity && result.deliveryRequest === 'deliver') readAll(internal);
		if (activity && result.deliveryRequest === 'deliver' && !deliverableByJump(activity)) {
			result.deliveryRequest = 'doNotDeliver';
			result.targetActivity = null;
			result.exception = 'DB.1.1-3';
		}
		return result;
	};
}

/** The learner's system-wide values into the engine's map; where one changed, every activity
 * reads its mapped objectives again (as after any write, SN 3.10.3). */
function readSystemObjectives(internal: InternalApi, system: Record<string, GlobalObjectiveValues>): void {
	const overall = internal._sequencing.overallSequencingProcess;
	const root = internal._sequencing.activityTree.root;
	if (!overall || !root) return;
	const map = overall.getGlobalObjectiveMap();
	let changed = false;
	for (const [id, values] of Object.entries(system)) {
		const entry = map.get(id);
		if (!entry) continue;
		for (const key of GLOBAL_OBJECTIVE_VALUES) {
			if (key in values && entry[key] !== values[key]) {
				entry[key] = values[key];
				changed = true;
			}
		}
	}
	if (changed) readAll(internal);
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
