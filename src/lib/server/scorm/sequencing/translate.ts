// imsmanifest.xml's <organization> (items and their <imsss:sequencing>, shared sets from
// <imsss:sequencingCollection> referenced by IDRef, adlseq and adlnav extensions) → the activity
// tree the sequencing engine runs (tree.ts). Done once at import; what cannot be translated is
// left out with a warning, never a crash.
//
// Where SCORM's defaults and scorm-again's differ, the tree says the SN book's value explicitly
// (docs/scorm-sequencing.md lists each):
// - a <sequencing IDRef> takes the collection's element only where the item has none of its own,
//   element by element (CAM 3.4.1.x), also for rollupRules and objectives, which scorm-again would
//   otherwise append to the collection's; so no collection ever reaches the engine;
// - an imsss:mapInfo reads only satisfaction and measure: the 4th Edition completion, progress and
//   score maps (scorm-again reads them all by default) come only from adlseq:mapInfo;
// - flow is false unless the manifest says true (SN 3.2.1); scorm-again takes true, which would let
//   Continue and Previous through a package that offers choice only: every cluster says it;
// - minNormalizedMeasure is given only with satisfiedByMeasure (scorm-again takes any value as
//   the passing score), and is 1.0 when satisfiedByMeasure says nothing (SN 3.10.1).
import { attr, child, children, text, type XmlNode } from '../xml';
import {
	HIDE_LMS_UI,
	TREE_VERSION,
	type Activity,
	type HideLmsUi,
	type MapInfo,
	type Objective,
	type RollupCondition,
	type RollupRequirement,
	type RollupRule,
	type RuleCondition,
	type SequencingControls,
	type SequencingRule,
	type SequencingTree,
	type SequencingWarning
} from './tree';

const RULE_CONDITIONS: readonly RuleCondition[] = [
	'satisfied',
	'objectiveStatusKnown',
	'objectiveMeasureKnown',
	'objectiveMeasureGreaterThan',
	'objectiveMeasureLessThan',
	'completed',
	'activityProgressKnown',
	'attempted',
	'attemptLimitExceeded',
	'timeLimitExceeded',
	'outsideAvailableTimeRange',
	'always'
];
const ROLLUP_CONDITIONS: Record<string, RollupCondition> = {
	satisfied: 'satisfied',
	objectiveStatusKnown: 'objectiveStatusKnown',
	objectiveMeasureKnown: 'objectiveMeasureKnown',
	completed: 'completed',
	activityProgressKnown: 'progressKnown',
	attempted: 'attempted',
	attemptLimitExceeded: 'attemptLimitExceeded',
	timeLimitExceeded: 'timeLimitExceeded',
	outsideAvailableTimeRange: 'outsideAvailableTimeRange'
};
const PRE_ACTIONS = ['skip', 'disabled', 'hiddenFromChoice', 'stopForwardTraversal'] as const;
const POST_ACTIONS = ['exitParent', 'exitAll', 'retry', 'retryAll', 'continue', 'previous'] as const;
const EXIT_ACTIONS = ['exit'] as const;
const ROLLUP_ACTIONS = ['satisfied', 'notSatisfied', 'completed', 'incomplete'] as const;
const CONSIDERATIONS = ['all', 'any', 'none', 'atLeastCount', 'atLeastPercent'] as const;
const REQUIREMENTS: readonly RollupRequirement[] = ['always', 'ifAttempted', 'ifNotSkipped', 'ifNotSuspended'];
const TIMINGS = ['never', 'once', 'onEachNewAttempt'] as const;

/** Elements of <imsss:sequencing> we read; anything else is reported. */
const KNOWN_PARTS = new Set([
	'controlmode',
	'sequencingrules',
	'limitconditions',
	'rolluprules',
	'objectives',
	'randomizationcontrols',
	'deliverycontrols',
	'constrainedchoiceconsiderations',
	'rollupconsiderations'
]);

/** Shared <imsss:sequencing ID="…"> sets of <imsss:sequencingCollection>, by ID. */
export function sequencingCollection(manifest: XmlNode): Map<string, XmlNode> {
	const shared = new Map<string, XmlNode>();
	for (const node of children(child(manifest, 'sequencingCollection'), 'sequencing')) {
		const id = attr(node, 'ID');
		if (id) shared.set(id, node);
	}
	return shared;
}

/** The organization's activity tree; `organization` is the one the package plays. */
export function translateOrganization(organization: XmlNode, collection: Map<string, XmlNode>, title: string): SequencingTree {
	const warnings: SequencingWarning[] = [];
	const context = { collection, warnings };
	const root: Activity = {
		id: attr(organization, 'identifier'),
		title,
		isVisible: true,
		...sequencingOf(organization, attr(organization, 'identifier'), context),
		children: children(organization, 'item').map((item) => translateItem(item, context))
	};
	withFlowDefault(root);
	return {
		treeVersion: TREE_VERSION,
		root,
		objectivesGlobalToSystem: flag(organization, 'objectivesGlobalToSystem', true),
		sharedDataGlobalToSystem: flag(organization, 'sharedDataGlobalToSystem', true),
		warnings
	};
}

function withFlowDefault(activity: Activity): void {
	if (!activity.children) return;
	if (activity.sequencingControls?.flow === undefined) activity.sequencingControls = { ...activity.sequencingControls, flow: false };
	for (const c of activity.children) withFlowDefault(c);
}

interface Context {
	collection: Map<string, XmlNode>;
	warnings: SequencingWarning[];
}

function translateItem(node: XmlNode, context: Context): Activity {
	const id = attr(node, 'identifier');
	const items = children(node, 'item');
	const activity: Activity = {
		id,
		title: text(child(node, 'title')) || id,
		isVisible: attr(node, 'isvisible').toLowerCase() !== 'false',
		...sequencingOf(node, id, context)
	};
	const threshold = completionThreshold(child(node, 'completionThreshold'));
	if (threshold) activity.completionThreshold = threshold;
	const hide = hideLmsUi(node);
	if (hide.length > 0) activity.hideLmsUi = hide;
	const maps = children(child(node, 'data'), 'map')
		.filter((map) => attr(map, 'targetID'))
		.map((map) => ({ targetID: attr(map, 'targetID'), readSharedData: flag(map, 'readSharedData', true), writeSharedData: flag(map, 'writeSharedData', true) }));
	if (maps.length > 0) activity.sharedDataMaps = maps;
	if (items.length > 0) activity.children = items.map((item) => translateItem(item, context));
	return activity;
}

/** The settings of an item's (or the organization's) <imsss:sequencing>, merged with its IDRef set. */
function sequencingOf(node: XmlNode, id: string, context: Context): Partial<Activity> {
	const local = child(node, 'sequencing');
	if (!local) return {};
	const ref = attr(local, 'IDRef');
	const shared = ref ? context.collection.get(ref) : undefined;
	const warn = (key: SequencingWarning['key'], detail: string) => context.warnings.push({ key, item: id, detail });
	if (ref && !shared) warn('badValue', `IDRef="${ref}"`);
	// element by element: the item's own wins, the shared set fills the gaps
	const part = (name: string, pick: (sequencing: XmlNode | undefined) => XmlNode | undefined = (s) => child(s, name)) =>
		pick(local) ?? pick(shared);
	for (const sequencing of [local, shared]) {
		for (const name of Object.keys(sequencing ?? {})) {
			if (name.startsWith('@_') || name === '#text') continue;
			if (!KNOWN_PARTS.has(name.toLowerCase())) warn('unsupportedElement', name);
		}
	}

	const settings: Partial<Activity> = {};
	const controls: SequencingControls = {};
	const controlMode = part('controlMode');
	for (const name of ['choice', 'choiceExit', 'flow', 'forwardOnly', 'useCurrentAttemptObjectiveInfo', 'useCurrentAttemptProgressInfo'] as const) {
		const value = booleanAttr(controlMode, name, warn);
		if (value !== undefined) controls[name] = value;
	}
	const constrained = part('constrainedChoiceConsiderations');
	for (const name of ['preventActivation', 'constrainChoice'] as const) {
		const value = booleanAttr(constrained, name, warn);
		if (value !== undefined) controls[name] = value;
	}

	const rules = part('sequencingRules');
	if (rules) {
		const pre = readRules(children(rules, 'preConditionRule'), PRE_ACTIONS, warn);
		const exit = readRules(children(rules, 'exitConditionRule'), EXIT_ACTIONS, warn);
		const post = readRules(children(rules, 'postConditionRule'), POST_ACTIONS, warn);
		settings.sequencingRules = {
			...(pre.length > 0 && { preConditionRules: pre }),
			...(exit.length > 0 && { exitConditionRules: exit }),
			...(post.length > 0 && { postConditionRules: post })
		};
	}

	const limits = part('limitConditions');
	const attemptLimit = attr(limits, 'attemptLimit');
	if (attemptLimit) {
		const limit = Number(attemptLimit);
		// SN 3.5: 0 means no limit
		if (Number.isInteger(limit) && limit >= 0) {
			if (limit > 0) settings.attemptLimit = limit;
		} else warn('badValue', `attemptLimit="${attemptLimit}"`);
	}
	const duration = attr(limits, 'attemptAbsoluteDurationLimit');
	if (duration) settings.attemptAbsoluteDurationLimit = duration;

	const rollup = part('rollupRules');
	if (rollup) {
		const satisfied = booleanAttr(rollup, 'rollupObjectiveSatisfied', warn);
		const completion = booleanAttr(rollup, 'rollupProgressCompletion', warn);
		if (satisfied !== undefined) controls.rollupObjectiveSatisfied = satisfied;
		if (completion !== undefined) controls.rollupProgressCompletion = completion;
		const weight = attr(rollup, 'objectiveMeasureWeight');
		if (weight) {
			const value = Number(weight);
			if (Number.isFinite(value) && value >= 0 && value <= 1) controls.objectiveMeasureWeight = value;
			else warn('badValue', `objectiveMeasureWeight="${weight}"`);
		}
		const list = children(rollup, 'rollupRule')
			.map((rule) => readRollupRule(rule, warn))
			.filter((rule) => rule !== null);
		if (list.length > 0) settings.rollupRules = { rules: list };
	}

	const considerations = part('rollupConsiderations');
	if (considerations) {
		const read: NonNullable<Activity['rollupConsiderations']> = {};
		for (const name of ['requiredForSatisfied', 'requiredForNotSatisfied', 'requiredForCompleted', 'requiredForIncomplete'] as const) {
			const value = attr(considerations, name);
			if (!value) continue;
			if ((REQUIREMENTS as readonly string[]).includes(value)) read[name] = value as RollupRequirement;
			else warn('badValue', `${name}="${value}"`);
		}
		const active = booleanAttr(considerations, 'measureSatisfactionIfActive', warn);
		if (active !== undefined) read.measureSatisfactionIfActive = active;
		settings.rollupConsiderations = read;
	}

	// imsss:objectives always holds a primaryObjective; adlseq:objectives (same local name) never does
	const imsss = part('objectives', (s) => children(s, 'objectives').find((o) => child(o, 'primaryObjective')));
	const adlseq = part('objectives', (s) => children(s, 'objectives').find((o) => !child(o, 'primaryObjective')));
	const extended = extendedMaps(adlseq);
	const primary = child(imsss, 'primaryObjective');
	if (primary) {
		const objective = readObjective(primary, true, id, extended, warn);
		if (objective) settings.primaryObjective = objective;
	}
	const others = children(imsss, 'objective')
		.map((objective) => readObjective(objective, false, id, extended, warn))
		.filter((objective) => objective !== null);
	if (others.length > 0) settings.objectives = others;

	const randomization = part('randomizationControls');
	if (randomization) {
		const timing = (name: string) => {
			const value = attr(randomization, name);
			if (!value) return undefined;
			if ((TIMINGS as readonly string[]).includes(value)) return value as (typeof TIMINGS)[number];
			warn('badValue', `${name}="${value}"`);
			return undefined;
		};
		const selectionTiming = timing('selectionTiming');
		const randomizationTiming = timing('randomizationTiming');
		if (selectionTiming) controls.selectionTiming = selectionTiming;
		if (randomizationTiming) controls.randomizationTiming = randomizationTiming;
		const count = attr(randomization, 'selectCount');
		if (count) {
			const value = Number(count);
			if (Number.isInteger(value) && value >= 0) controls.selectCount = value;
			else warn('badValue', `selectCount="${count}"`);
		}
		const reorder = booleanAttr(randomization, 'reorderChildren', warn);
		if (reorder !== undefined) controls.randomizeChildren = reorder;
	}

	const delivery = part('deliveryControls');
	if (delivery) {
		settings.deliveryControls = {
			tracked: booleanAttr(delivery, 'tracked', warn) ?? true,
			completionSetByContent: booleanAttr(delivery, 'completionSetByContent', warn) ?? false,
			objectiveSetByContent: booleanAttr(delivery, 'objectiveSetByContent', warn) ?? false
		};
	}

	if (Object.keys(controls).length > 0) settings.sequencingControls = controls;
	return settings;
}

type Warn = (key: SequencingWarning['key'], detail: string) => void;

function readRules<Action extends string>(nodes: XmlNode[], actions: readonly Action[], warn: Warn): SequencingRule<Action>[] {
	const rules: SequencingRule<Action>[] = [];
	for (const node of nodes) {
		const action = attr(child(node, 'ruleAction'), 'action');
		if (!(actions as readonly string[]).includes(action)) {
			warn('unknownRuleAction', action || '(none)');
			continue;
		}
		const group = child(node, 'ruleConditions');
		const conditions: SequencingRule<Action>['conditions'] = [];
		let understood = true;
		for (const condition of children(group, 'ruleCondition')) {
			const name = attr(condition, 'condition');
			if (!(RULE_CONDITIONS as readonly string[]).includes(name)) {
				warn('unknownCondition', name || '(none)');
				understood = false;
				break;
			}
			const entry: SequencingRule<Action>['conditions'][number] = { condition: name as RuleCondition };
			if (attr(condition, 'operator') === 'not') entry.operator = 'not';
			const objective = attr(condition, 'referencedObjective');
			if (objective) entry.referencedObjective = objective;
			const threshold = attr(condition, 'measureThreshold');
			if (threshold && Number.isFinite(Number(threshold))) entry.parameters = { threshold: Number(threshold) };
			else if (name === 'objectiveMeasureGreaterThan' || name === 'objectiveMeasureLessThan') entry.parameters = { threshold: 0 };
			conditions.push(entry);
		}
		// a rule with a condition we cannot evaluate would fire (or not) for the wrong reason: left out
		if (!understood || conditions.length === 0) continue;
		rules.push({ action: action as Action, conditionCombination: attr(group, 'conditionCombination') === 'any' ? 'any' : 'all', conditions });
	}
	return rules;
}

function readRollupRule(node: XmlNode, warn: Warn): RollupRule | null {
	const action = attr(child(node, 'rollupAction'), 'action');
	if (!(ROLLUP_ACTIONS as readonly string[]).includes(action)) {
		warn('unknownRuleAction', action || '(none)');
		return null;
	}
	const set = attr(node, 'childActivitySet') || 'all';
	if (!(CONSIDERATIONS as readonly string[]).includes(set)) {
		warn('badValue', `childActivitySet="${set}"`);
		return null;
	}
	const group = child(node, 'rollupConditions');
	const conditions: RollupRule['conditions'] = [];
	for (const condition of children(group, 'rollupCondition')) {
		const name = ROLLUP_CONDITIONS[attr(condition, 'condition')];
		if (!name) {
			warn('unknownCondition', attr(condition, 'condition') || '(none)');
			return null;
		}
		conditions.push(attr(condition, 'operator') === 'not' ? { condition: name, operator: 'not' } : { condition: name });
	}
	if (conditions.length === 0) return null;
	return {
		action: action as RollupRule['action'],
		consideration: set as RollupRule['consideration'],
		minimumCount: Number(attr(node, 'minimumCount')) || 0,
		minimumPercent: Number(attr(node, 'minimumPercent')) || 0,
		// SN 3.7.1: rollup conditions combine with "any" unless the manifest says "all"
		conditionCombination: attr(group, 'conditionCombination') === 'all' ? 'all' : 'any',
		conditions
	};
}

const EXTENDED = ['CompletionStatus', 'ProgressMeasure', 'RawScore', 'MinScore', 'MaxScore'] as const;

/** adlseq:objectives (4th Edition): completion, progress and score maps, by objective then target. */
function extendedMaps(adlseq: XmlNode | undefined): Map<string, Map<string, XmlNode>> {
	const maps = new Map<string, Map<string, XmlNode>>();
	for (const objective of children(adlseq, 'objective')) {
		const byTarget = new Map<string, XmlNode>();
		for (const map of children(objective, 'mapInfo')) byTarget.set(attr(map, 'targetObjectiveID'), map);
		maps.set(attr(objective, 'objectiveID'), byTarget);
	}
	return maps;
}

function readObjective(node: XmlNode, isPrimary: boolean, item: string, extended: Map<string, Map<string, XmlNode>>, warn: Warn): Objective | null {
	const byMeasure = flag(node, 'satisfiedByMeasure', false);
	let id = attr(node, 'objectiveID');
	if (!id) {
		// SN: only the primary objective may go without an ID; it then cannot be mapped or referenced,
		// but the engine needs a name to judge it by measure
		if (!isPrimary) {
			warn('badValue', 'objectiveID=""');
			return null;
		}
		if (!byMeasure) return null;
		id = `${item}#primary`;
	}
	const objective: Objective = { objectiveID: id, isPrimary, satisfiedByMeasure: byMeasure, mapInfo: [] };
	if (byMeasure) {
		const written = text(child(node, 'minNormalizedMeasure'));
		const value = written ? Number(written) : 1;
		if (Number.isFinite(value) && value >= -1 && value <= 1) objective.minNormalizedMeasure = value;
		else {
			warn('badValue', `minNormalizedMeasure="${written}"`);
			objective.minNormalizedMeasure = 1;
		}
	}
	const ext = extended.get(id) ?? new Map<string, XmlNode>();
	const targets = new Set<string>();
	for (const map of children(node, 'mapInfo')) {
		const target = attr(map, 'targetObjectiveID');
		if (!target) {
			warn('badValue', 'targetObjectiveID=""');
			continue;
		}
		targets.add(target);
		objective.mapInfo.push(mapInfo(target, map, ext.get(target)));
	}
	for (const [target, map] of ext) if (target && !targets.has(target)) objective.mapInfo.push(mapInfo(target, undefined, map));
	return objective;
}

function mapInfo(target: string, imsss: XmlNode | undefined, adlseq: XmlNode | undefined): MapInfo {
	const info = {
		targetObjectiveID: target,
		// SN 3.10.2 defaults: read true, write false, for the attributes the element has
		readSatisfiedStatus: imsss ? flag(imsss, 'readSatisfiedStatus', true) : false,
		readNormalizedMeasure: imsss ? flag(imsss, 'readNormalizedMeasure', true) : false,
		writeSatisfiedStatus: imsss ? flag(imsss, 'writeSatisfiedStatus', false) : false,
		writeNormalizedMeasure: imsss ? flag(imsss, 'writeNormalizedMeasure', false) : false
	} as MapInfo;
	for (const name of EXTENDED) {
		info[`read${name}`] = adlseq ? flag(adlseq, `read${name}`, true) : false;
		info[`write${name}`] = adlseq ? flag(adlseq, `write${name}`, false) : false;
	}
	return info;
}

function completionThreshold(node: XmlNode | undefined): Activity['completionThreshold'] | null {
	// 3rd Edition's text form is the run-time's cmi.completion_threshold only (manifest.ts);
	// the 4th Edition attributes also tell the sequencer to judge completion by measure
	if (!node || !attr(node, 'completedByMeasure')) return null;
	const min = Number(attr(node, 'minProgressMeasure') || '1');
	const weight = Number(attr(node, 'progressWeight') || '1');
	return {
		completedByMeasure: flag(node, 'completedByMeasure', false),
		minProgressMeasure: Number.isFinite(min) ? min : 1,
		progressWeight: Number.isFinite(weight) ? weight : 1
	};
}

function hideLmsUi(item: XmlNode): HideLmsUi[] {
	const hidden = children(child(child(item, 'presentation'), 'navigationInterface'), 'hideLMSUI')
		.map((node) => text(node))
		.filter((value): value is HideLmsUi => (HIDE_LMS_UI as readonly string[]).includes(value));
	return [...new Set(hidden)];
}

function flag(node: XmlNode | undefined, name: string, fallback: boolean): boolean {
	const value = attr(node, name).toLowerCase();
	return value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : fallback;
}

function booleanAttr(node: XmlNode | undefined, name: string, warn: Warn): boolean | undefined {
	const value = attr(node, name).toLowerCase();
	if (!value) return undefined;
	if (value === 'true' || value === '1') return true;
	if (value === 'false' || value === '0') return false;
	warn('badValue', `${name}="${value}"`);
	return undefined;
}
