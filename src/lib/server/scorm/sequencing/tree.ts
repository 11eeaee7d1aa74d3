// The activity tree of a SCORM 2004 package as the sequencing engine (scorm-again's
// `ActivitySettings`) takes it, in plain JSON: written once at import (translate.ts), stored with
// the package (`scorm_package.sequencing`), read back for every navigation request. Our own types
// rather than scorm-again's: its settings use TypeScript enums, and the stored JSON must not
// change when the library's declarations do. `treeVersion` changes when the shape does.

export const TREE_VERSION = 1;

export type RuleCondition =
	| 'satisfied'
	| 'objectiveStatusKnown'
	| 'objectiveMeasureKnown'
	| 'objectiveMeasureGreaterThan'
	| 'objectiveMeasureLessThan'
	| 'completed'
	| 'activityProgressKnown'
	| 'attempted'
	| 'attemptLimitExceeded'
	| 'timeLimitExceeded'
	| 'outsideAvailableTimeRange'
	| 'always';

export type PreConditionAction = 'skip' | 'disabled' | 'hiddenFromChoice' | 'stopForwardTraversal';
export type PostConditionAction = 'exitParent' | 'exitAll' | 'retry' | 'retryAll' | 'continue' | 'previous';
export type ExitConditionAction = 'exit';

export interface SequencingRule<Action extends string> {
	action: Action;
	conditionCombination: 'all' | 'any';
	conditions: { condition: RuleCondition; operator?: 'not'; referencedObjective?: string; parameters?: { threshold: number } }[];
}

/** scorm-again's names: SN's `activityProgressKnown` is its `progressKnown` in rollup conditions. */
export type RollupCondition =
	| 'satisfied'
	| 'objectiveStatusKnown'
	| 'objectiveMeasureKnown'
	| 'completed'
	| 'progressKnown'
	| 'attempted'
	| 'attemptLimitExceeded'
	| 'timeLimitExceeded'
	| 'outsideAvailableTimeRange';

export interface RollupRule {
	action: 'satisfied' | 'notSatisfied' | 'completed' | 'incomplete';
	consideration: 'all' | 'any' | 'none' | 'atLeastCount' | 'atLeastPercent';
	minimumCount: number;
	minimumPercent: number;
	conditionCombination: 'all' | 'any';
	conditions: { condition: RollupCondition; operator?: 'not' }[];
}

export interface MapInfo {
	targetObjectiveID: string;
	readSatisfiedStatus: boolean;
	readNormalizedMeasure: boolean;
	writeSatisfiedStatus: boolean;
	writeNormalizedMeasure: boolean;
	readCompletionStatus: boolean;
	writeCompletionStatus: boolean;
	readProgressMeasure: boolean;
	writeProgressMeasure: boolean;
	readRawScore: boolean;
	writeRawScore: boolean;
	readMinScore: boolean;
	writeMinScore: boolean;
	readMaxScore: boolean;
	writeMaxScore: boolean;
}

export interface Objective {
	objectiveID: string;
	isPrimary: boolean;
	satisfiedByMeasure: boolean;
	/** only when satisfiedByMeasure (else the engine would take it as the passing score) */
	minNormalizedMeasure?: number;
	mapInfo: MapInfo[];
}

export type RollupRequirement = 'always' | 'ifAttempted' | 'ifNotSkipped' | 'ifNotSuspended';

export const HIDE_LMS_UI = ['continue', 'previous', 'exit', 'exitAll', 'abandon', 'abandonAll', 'suspendAll'] as const;
export type HideLmsUi = (typeof HIDE_LMS_UI)[number];

export interface SequencingControls {
	choice?: boolean;
	choiceExit?: boolean;
	flow?: boolean;
	forwardOnly?: boolean;
	useCurrentAttemptObjectiveInfo?: boolean;
	useCurrentAttemptProgressInfo?: boolean;
	preventActivation?: boolean;
	constrainChoice?: boolean;
	rollupObjectiveSatisfied?: boolean;
	rollupProgressCompletion?: boolean;
	objectiveMeasureWeight?: number;
	selectionTiming?: 'never' | 'once' | 'onEachNewAttempt';
	selectCount?: number;
	randomizationTiming?: 'never' | 'once' | 'onEachNewAttempt';
	randomizeChildren?: boolean;
}

export interface Activity {
	id: string;
	title: string;
	isVisible: boolean;
	children?: Activity[];
	sequencingControls?: SequencingControls;
	sequencingRules?: {
		preConditionRules?: SequencingRule<PreConditionAction>[];
		exitConditionRules?: SequencingRule<ExitConditionAction>[];
		postConditionRules?: SequencingRule<PostConditionAction>[];
	};
	attemptLimit?: number;
	attemptAbsoluteDurationLimit?: string;
	rollupRules?: { rules: RollupRule[] };
	rollupConsiderations?: {
		requiredForSatisfied?: RollupRequirement;
		requiredForNotSatisfied?: RollupRequirement;
		requiredForCompleted?: RollupRequirement;
		requiredForIncomplete?: RollupRequirement;
		measureSatisfactionIfActive?: boolean;
	};
	primaryObjective?: Objective;
	objectives?: Objective[];
	deliveryControls?: { tracked: boolean; completionSetByContent: boolean; objectiveSetByContent: boolean };
	completionThreshold?: { completedByMeasure: boolean; minProgressMeasure: number; progressWeight: number };
	hideLmsUi?: HideLmsUi[];
	sharedDataMaps?: SharedDataMap[];
}

/** adlcp:data/adlcp:map (CAM 4th Edition): a shared data bucket an item's SCO may read or write. */
export interface SharedDataMap {
	targetID: string;
	readSharedData: boolean;
	writeSharedData: boolean;
}

/** The activity `id` in the tree under `activity`, or null. */
export function findActivity(activity: Activity, id: string): Activity | null {
	if (activity.id === id) return activity;
	for (const child of activity.children ?? []) {
		const found = findActivity(child, id);
		if (found) return found;
	}
	return null;
}

/** What the translation left out or changed, for the trainer: the manifest's element, the item. */
export interface SequencingWarning {
	/** badPrerequisites: a SCORM 1.2 prerequisite script that cannot be read (prerequisites.ts) */
	key: 'unknownRuleAction' | 'unknownCondition' | 'unsupportedElement' | 'badValue' | 'badPrerequisites';
	item: string;
	detail: string;
}

export interface SequencingTree {
	treeVersion: typeof TREE_VERSION;
	root: Activity;
	/** adlseq:objectivesGlobalToSystem: false keeps global objectives within this package */
	objectivesGlobalToSystem: boolean;
	/** adlseq:sharedDataGlobalToSystem (4th Edition adl.data) */
	sharedDataGlobalToSystem: boolean;
	warnings: SequencingWarning[];
}
