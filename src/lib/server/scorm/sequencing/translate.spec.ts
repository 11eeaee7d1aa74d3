import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../manifest';
import type { Activity, SequencingTree } from './tree';

/** A 2004 manifest: `items` inside the organization, `after` after it (a sequencingCollection). */
function manifest(items: string, options: { organization?: string; after?: string } = {}): string {
	return `<?xml version="1.0"?>
<manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 3rd Edition</schemaversion></metadata>
  <organizations default="org"><organization identifier="org" ${options.organization ?? ''}><title>Course</title>${items}</organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="a.html"><file href="a.html"/></resource></resources>
  ${options.after ?? ''}
</manifest>`;
}

function tree(xml: string): SequencingTree {
	const result = parseManifest(xml, () => true);
	if (!result.ok) throw new Error(JSON.stringify(result.problem));
	if (!result.sequencing) throw new Error('no tree');
	return result.sequencing;
}

/** The tree of one item `a` with the given <imsss:sequencing> content. */
function item(sequencing: string, extra = ''): Activity {
	return tree(manifest(`<item identifier="a" identifierref="r"><title>A</title>${extra}<imsss:sequencing>${sequencing}</imsss:sequencing></item>`)).root.children![0]!;
}

const readOnly = {
	readCompletionStatus: false,
	writeCompletionStatus: false,
	readProgressMeasure: false,
	writeProgressMeasure: false,
	readRawScore: false,
	writeRawScore: false,
	readMinScore: false,
	writeMinScore: false,
	readMaxScore: false,
	writeMaxScore: false
};

describe('translate: the organization and items', () => {
	it('makes the organization the root and each item an activity, keeping isvisible', () => {
		const t = tree(
			manifest(`<item identifier="w" isvisible="false"><title>Wrapper</title><item identifier="a" identifierref="r"><title>A</title></item></item>`, {
				organization: 'adlseq:objectivesGlobalToSystem="false"'
			})
		);
		expect(t.treeVersion).toBe(1);
		expect(t.objectivesGlobalToSystem).toBe(false);
		expect(t.sharedDataGlobalToSystem).toBe(true);
		// flow is false unless written (SN); scorm-again would take true, so every cluster says it
		expect(t.root).toEqual({
			id: 'org',
			title: 'Course',
			isVisible: true,
			sequencingControls: { flow: false },
			children: [{ id: 'w', title: 'Wrapper', isVisible: false, sequencingControls: { flow: false }, children: [{ id: 'a', title: 'A', isVisible: true }] }]
		});
		expect(t.warnings).toEqual([]);
	});

	it('gives SCORM 1.2 packages no tree', () => {
		const xml = manifest('<item identifier="a" identifierref="r"><title>A</title></item>').replace('2004 3rd Edition', '1.2');
		const result = parseManifest(xml, () => true);
		expect(result.ok && result.sequencing).toBeNull();
	});

	it('reads the organization’s own sequencing', () => {
		const t = tree(manifest(`<item identifier="a" identifierref="r"><title>A</title></item><imsss:sequencing><imsss:controlMode choice="false" flow="true"/></imsss:sequencing>`));
		expect(t.root.sequencingControls).toEqual({ choice: false, flow: true });
	});
});

describe('translate: constructs', () => {
	it('controlMode: choice, choiceExit, flow, forwardOnly and the current-attempt flags, only those written', () => {
		expect(item(`<imsss:controlMode choice="false" choiceExit="false" flow="true" forwardOnly="true" useCurrentAttemptObjectiveInfo="false" useCurrentAttemptProgressInfo="true"/>`).sequencingControls).toEqual({
			choice: false,
			choiceExit: false,
			flow: true,
			forwardOnly: true,
			useCurrentAttemptObjectiveInfo: false,
			useCurrentAttemptProgressInfo: true
		});
		expect(item(`<imsss:controlMode flow="true"/>`).sequencingControls).toEqual({ flow: true });
	});

	it('preConditionRule: disabled when any of two negated conditions on a referenced objective holds', () => {
		const activity = item(`<imsss:sequencingRules><imsss:preConditionRule>
			<imsss:ruleConditions conditionCombination="any">
				<imsss:ruleCondition referencedObjective="prev" operator="not" condition="satisfied"/>
				<imsss:ruleCondition referencedObjective="prev" operator="not" condition="objectiveStatusKnown"/>
			</imsss:ruleConditions><imsss:ruleAction action="disabled"/></imsss:preConditionRule></imsss:sequencingRules>`);
		expect(activity.sequencingRules).toEqual({
			preConditionRules: [
				{
					action: 'disabled',
					conditionCombination: 'any',
					conditions: [
						{ condition: 'satisfied', operator: 'not', referencedObjective: 'prev' },
						{ condition: 'objectiveStatusKnown', operator: 'not', referencedObjective: 'prev' }
					]
				}
			]
		});
	});

	it('preConditionRule actions skip, hiddenFromChoice, stopForwardTraversal; conditions combine with "all" by default; noOp is no operator', () => {
		const rule = (action: string) =>
			`<imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition operator="noOp" condition="attempted"/></imsss:ruleConditions><imsss:ruleAction action="${action}"/></imsss:preConditionRule>`;
		const activity = item(`<imsss:sequencingRules>${rule('skip')}${rule('hiddenFromChoice')}${rule('stopForwardTraversal')}</imsss:sequencingRules>`);
		expect(activity.sequencingRules!.preConditionRules!.map((r) => r.action)).toEqual(['skip', 'hiddenFromChoice', 'stopForwardTraversal']);
		expect(activity.sequencingRules!.preConditionRules![0]).toEqual({ action: 'skip', conditionCombination: 'all', conditions: [{ condition: 'attempted' }] });
	});

	it('measure conditions carry their threshold', () => {
		const activity = item(
			`<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="objectiveMeasureGreaterThan" measureThreshold="0.5"/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule></imsss:sequencingRules>`
		);
		expect(activity.sequencingRules!.preConditionRules![0]!.conditions).toEqual([{ condition: 'objectiveMeasureGreaterThan', parameters: { threshold: 0.5 } }]);
	});

	it('postConditionRule: exitParent, exitAll, retry, retryAll, continue, previous', () => {
		const rules = ['exitParent', 'exitAll', 'retry', 'retryAll', 'continue', 'previous']
			.map(
				(action) =>
					`<imsss:postConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="always"/></imsss:ruleConditions><imsss:ruleAction action="${action}"/></imsss:postConditionRule>`
			)
			.join('');
		const post = item(`<imsss:sequencingRules>${rules}</imsss:sequencingRules>`).sequencingRules!.postConditionRules!;
		expect(post.map((r) => r.action)).toEqual(['exitParent', 'exitAll', 'retry', 'retryAll', 'continue', 'previous']);
		expect(post[0]).toEqual({ action: 'exitParent', conditionCombination: 'all', conditions: [{ condition: 'always' }] });
	});

	it('exitConditionRule: exit', () => {
		const activity = item(
			`<imsss:sequencingRules><imsss:exitConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="completed"/></imsss:ruleConditions><imsss:ruleAction action="exit"/></imsss:exitConditionRule></imsss:sequencingRules>`
		);
		expect(activity.sequencingRules).toEqual({ exitConditionRules: [{ action: 'exit', conditionCombination: 'all', conditions: [{ condition: 'completed' }] }] });
	});

	it('leaves out, with a warning, a rule whose action does not belong to its kind or whose condition is unknown', () => {
		const t = tree(
			manifest(`<item identifier="a" identifierref="r"><title>A</title><imsss:sequencing><imsss:sequencingRules>
				<imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="always"/></imsss:ruleConditions><imsss:ruleAction action="exitAll"/></imsss:preConditionRule>
				<imsss:postConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="sunny"/></imsss:ruleConditions><imsss:ruleAction action="retry"/></imsss:postConditionRule>
			</imsss:sequencingRules></imsss:sequencing></item>`)
		);
		expect(t.root.children![0]!.sequencingRules).toEqual({});
		expect(t.warnings).toEqual([
			{ key: 'unknownRuleAction', item: 'a', detail: 'exitAll' },
			{ key: 'unknownCondition', item: 'a', detail: 'sunny' }
		]);
	});

	it('limitConditions: attemptLimit (0 is no limit) and attemptAbsoluteDurationLimit', () => {
		expect(item(`<imsss:limitConditions attemptLimit="2" attemptAbsoluteDurationLimit="PT1H"/>`)).toMatchObject({ attemptLimit: 2, attemptAbsoluteDurationLimit: 'PT1H' });
		expect(item(`<imsss:limitConditions attemptLimit="0"/>`).attemptLimit).toBeUndefined();
	});

	it('rollupRules: the three controls, and rules with every child activity set', () => {
		const rule = (set: string, extra = '') =>
			`<imsss:rollupRule childActivitySet="${set}" ${extra}><imsss:rollupConditions><imsss:rollupCondition condition="completed"/></imsss:rollupConditions><imsss:rollupAction action="satisfied"/></imsss:rollupRule>`;
		const activity = item(
			`<imsss:rollupRules rollupObjectiveSatisfied="false" rollupProgressCompletion="false" objectiveMeasureWeight="0.5">${rule('all')}${rule('any')}${rule('none')}${rule('atLeastCount', 'minimumCount="2"')}${rule('atLeastPercent', 'minimumPercent="0.75"')}</imsss:rollupRules>`
		);
		expect(activity.sequencingControls).toEqual({ rollupObjectiveSatisfied: false, rollupProgressCompletion: false, objectiveMeasureWeight: 0.5 });
		expect(activity.rollupRules!.rules.map((r) => [r.consideration, r.minimumCount, r.minimumPercent])).toEqual([
			['all', 0, 0],
			['any', 0, 0],
			['none', 0, 0],
			['atLeastCount', 2, 0],
			['atLeastPercent', 0, 0.75]
		]);
	});

	it('rollup conditions combine with "any" by default; not; activityProgressKnown is the engine’s progressKnown; each rollup action', () => {
		const activity = item(`<imsss:rollupRules>
			<imsss:rollupRule childActivitySet="any"><imsss:rollupConditions><imsss:rollupCondition operator="not" condition="satisfied"/><imsss:rollupCondition condition="activityProgressKnown"/></imsss:rollupConditions><imsss:rollupAction action="notSatisfied"/></imsss:rollupRule>
			<imsss:rollupRule><imsss:rollupConditions conditionCombination="all"><imsss:rollupCondition condition="attemptLimitExceeded"/></imsss:rollupConditions><imsss:rollupAction action="incomplete"/></imsss:rollupRule>
			<imsss:rollupRule><imsss:rollupConditions><imsss:rollupCondition condition="completed"/></imsss:rollupConditions><imsss:rollupAction action="completed"/></imsss:rollupRule>
		</imsss:rollupRules>`);
		expect(activity.rollupRules!.rules).toEqual([
			{
				action: 'notSatisfied',
				consideration: 'any',
				minimumCount: 0,
				minimumPercent: 0,
				conditionCombination: 'any',
				conditions: [{ condition: 'satisfied', operator: 'not' }, { condition: 'progressKnown' }]
			},
			{ action: 'incomplete', consideration: 'all', minimumCount: 0, minimumPercent: 0, conditionCombination: 'all', conditions: [{ condition: 'attemptLimitExceeded' }] },
			{ action: 'completed', consideration: 'all', minimumCount: 0, minimumPercent: 0, conditionCombination: 'any', conditions: [{ condition: 'completed' }] }
		]);
	});

	it('adlseq:rollupConsiderations', () => {
		expect(item(`<adlseq:rollupConsiderations requiredForCompleted="ifNotSkipped" requiredForSatisfied="ifAttempted" measureSatisfactionIfActive="false"/>`).rollupConsiderations).toEqual({
			requiredForSatisfied: 'ifAttempted',
			requiredForCompleted: 'ifNotSkipped',
			measureSatisfactionIfActive: false
		});
	});

	it('objectives: primary and others, satisfiedByMeasure with minNormalizedMeasure (1.0 when absent), mapInfo with the SN defaults', () => {
		const activity = item(`<imsss:objectives>
			<imsss:primaryObjective objectiveID="p" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure>
				<imsss:mapInfo targetObjectiveID="g.p" writeSatisfiedStatus="true" writeNormalizedMeasure="true" readSatisfiedStatus="false"/></imsss:primaryObjective>
			<imsss:objective objectiveID="o" satisfiedByMeasure="true"><imsss:mapInfo targetObjectiveID="g.o"/></imsss:objective>
			<imsss:objective objectiveID="plain"><imsss:minNormalizedMeasure>0.3</imsss:minNormalizedMeasure></imsss:objective>
		</imsss:objectives>`);
		expect(activity.primaryObjective).toEqual({
			objectiveID: 'p',
			isPrimary: true,
			satisfiedByMeasure: true,
			minNormalizedMeasure: 0.6,
			mapInfo: [{ targetObjectiveID: 'g.p', readSatisfiedStatus: false, readNormalizedMeasure: true, writeSatisfiedStatus: true, writeNormalizedMeasure: true, ...readOnly }]
		});
		expect(activity.objectives).toEqual([
			{
				objectiveID: 'o',
				isPrimary: false,
				satisfiedByMeasure: true,
				minNormalizedMeasure: 1,
				mapInfo: [{ targetObjectiveID: 'g.o', readSatisfiedStatus: true, readNormalizedMeasure: true, writeSatisfiedStatus: false, writeNormalizedMeasure: false, ...readOnly }]
			},
			// not satisfied by measure: no minNormalizedMeasure, or the engine would make it the passing score
			{ objectiveID: 'plain', isPrimary: false, satisfiedByMeasure: false, mapInfo: [] }
		]);
	});

	it('a primary objective without an ID is kept only when it is satisfied by measure', () => {
		expect(item(`<imsss:objectives><imsss:primaryObjective/></imsss:objectives>`).primaryObjective).toBeUndefined();
		expect(item(`<imsss:objectives><imsss:primaryObjective satisfiedByMeasure="true"/></imsss:objectives>`).primaryObjective).toEqual({
			objectiveID: 'a#primary',
			isPrimary: true,
			satisfiedByMeasure: true,
			minNormalizedMeasure: 1,
			mapInfo: []
		});
	});

	it('adlseq:objectives (4th Edition) add completion, progress and score maps to the same mapInfo', () => {
		const activity = item(`<imsss:objectives><imsss:primaryObjective objectiveID="p"><imsss:mapInfo targetObjectiveID="g"/></imsss:primaryObjective></imsss:objectives>
			<adlseq:objectives><adlseq:objective objectiveID="p"><adlseq:mapInfo targetObjectiveID="g" writeCompletionStatus="true" writeRawScore="true"/>
				<adlseq:mapInfo targetObjectiveID="g2" readProgressMeasure="false"/></adlseq:objective></adlseq:objectives>`);
		expect(activity.primaryObjective!.mapInfo).toEqual([
			{
				targetObjectiveID: 'g',
				readSatisfiedStatus: true,
				readNormalizedMeasure: true,
				writeSatisfiedStatus: false,
				writeNormalizedMeasure: false,
				readCompletionStatus: true,
				writeCompletionStatus: true,
				readProgressMeasure: true,
				writeProgressMeasure: false,
				readRawScore: true,
				writeRawScore: true,
				readMinScore: true,
				writeMinScore: false,
				readMaxScore: true,
				writeMaxScore: false
			},
			{
				targetObjectiveID: 'g2',
				readSatisfiedStatus: false,
				readNormalizedMeasure: false,
				writeSatisfiedStatus: false,
				writeNormalizedMeasure: false,
				readCompletionStatus: true,
				writeCompletionStatus: false,
				readProgressMeasure: false,
				writeProgressMeasure: false,
				readRawScore: true,
				writeRawScore: false,
				readMinScore: true,
				writeMinScore: false,
				readMaxScore: true,
				writeMaxScore: false
			}
		]);
	});

	it('randomizationControls: selection and randomisation timing, selectCount, reorderChildren', () => {
		expect(item(`<imsss:randomizationControls randomizationTiming="onEachNewAttempt" reorderChildren="true" selectCount="2" selectionTiming="once"/>`).sequencingControls).toEqual({
			randomizationTiming: 'onEachNewAttempt',
			randomizeChildren: true,
			selectCount: 2,
			selectionTiming: 'once'
		});
	});

	it('deliveryControls, with the SN defaults for what is not written', () => {
		expect(item(`<imsss:deliveryControls completionSetByContent="true"/>`).deliveryControls).toEqual({ tracked: true, completionSetByContent: true, objectiveSetByContent: false });
		expect(item(`<imsss:deliveryControls tracked="false"/>`).deliveryControls).toEqual({ tracked: false, completionSetByContent: false, objectiveSetByContent: false });
	});

	it('adlseq:constrainedChoiceConsiderations', () => {
		expect(item(`<adlseq:constrainedChoiceConsiderations preventActivation="true" constrainChoice="true"/>`).sequencingControls).toEqual({ preventActivation: true, constrainChoice: true });
	});

	it('adlcp:completionThreshold: the 4th Edition attributes; the 3rd Edition text is left to the run-time', () => {
		expect(item('', `<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.8" progressWeight="0.5"/>`).completionThreshold).toEqual({
			completedByMeasure: true,
			minProgressMeasure: 0.8,
			progressWeight: 0.5
		});
		expect(item('', `<adlcp:completionThreshold>0.8</adlcp:completionThreshold>`).completionThreshold).toBeUndefined();
	});

	it('adlnav:presentation hideLMSUI, unknown words dropped', () => {
		const activity = item(
			'',
			`<adlnav:presentation><adlnav:navigationInterface><adlnav:hideLMSUI>suspendAll</adlnav:hideLMSUI><adlnav:hideLMSUI>continue</adlnav:hideLMSUI><adlnav:hideLMSUI>fly</adlnav:hideLMSUI></adlnav:navigationInterface></adlnav:presentation>`
		);
		expect(activity.hideLmsUi).toEqual(['suspendAll', 'continue']);
	});

	it('adlcp:data maps (4th Edition shared data), read and write true by default', () => {
		const activity = item('', `<adlcp:data><adlcp:map targetID="notes" writeSharedData="false"/><adlcp:map targetID="log"/></adlcp:data>`);
		expect(activity.sharedDataMaps).toEqual([
			{ targetID: 'notes', readSharedData: true, writeSharedData: false },
			{ targetID: 'log', readSharedData: true, writeSharedData: true }
		]);
	});

	it('warns about elements it does not read, and bad values', () => {
		const t = tree(
			manifest(
				`<item identifier="a" identifierref="r"><title>A</title><imsss:sequencing><imsss:auxiliaryResources/><imsss:controlMode flow="maybe"/><imsss:limitConditions attemptLimit="-1"/></imsss:sequencing></item>`
			)
		);
		expect(t.warnings).toEqual([
			{ key: 'unsupportedElement', item: 'a', detail: 'auxiliaryResources' },
			{ key: 'badValue', item: 'a', detail: 'flow="maybe"' },
			{ key: 'badValue', item: 'a', detail: 'attemptLimit="-1"' }
		]);
	});
});

describe('translate: sequencingCollection and IDRef', () => {
	const collection = `<imsss:sequencingCollection><imsss:sequencing ID="shared">
		<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="satisfied"/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule></imsss:sequencingRules>
		<imsss:rollupRules rollupObjectiveSatisfied="false" objectiveMeasureWeight="0"/>
		<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
		<imsss:objectives><imsss:primaryObjective objectiveID="shared_p"/></imsss:objectives>
	</imsss:sequencing></imsss:sequencingCollection>`;

	it('takes the shared set’s elements where the item has none', () => {
		const t = tree(manifest(`<item identifier="a" identifierref="r"><title>A</title><imsss:sequencing IDRef="shared"></imsss:sequencing></item>`, { after: collection }));
		const a = t.root.children![0]!;
		expect(a.sequencingRules!.preConditionRules![0]!.action).toBe('skip');
		expect(a.sequencingControls).toEqual({ rollupObjectiveSatisfied: false, objectiveMeasureWeight: 0 });
		expect(a.deliveryControls).toEqual({ tracked: true, completionSetByContent: true, objectiveSetByContent: true });
		expect(a.primaryObjective!.objectiveID).toBe('shared_p');
	});

	it('the item’s own element replaces the shared one, element by element (not appended, as scorm-again would)', () => {
		const t = tree(
			manifest(
				`<item identifier="a" identifierref="r"><title>A</title><imsss:sequencing IDRef="shared">
					<imsss:sequencingRules><imsss:postConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="always"/></imsss:ruleConditions><imsss:ruleAction action="exitParent"/></imsss:postConditionRule></imsss:sequencingRules>
					<imsss:objectives><imsss:primaryObjective objectiveID="own"/></imsss:objectives>
				</imsss:sequencing></item>`,
				{ after: collection }
			)
		);
		const a = t.root.children![0]!;
		expect(a.sequencingRules).toEqual({ postConditionRules: [{ action: 'exitParent', conditionCombination: 'all', conditions: [{ condition: 'always' }] }] });
		expect(a.primaryObjective!.objectiveID).toBe('own');
		expect(a.objectives).toBeUndefined();
		// what the item does not say still comes from the set
		expect(a.deliveryControls!.completionSetByContent).toBe(true);
	});

	it('warns about an IDRef that names no shared set', () => {
		const t = tree(manifest(`<item identifier="a" identifierref="r"><title>A</title><imsss:sequencing IDRef="nowhere"/></item>`));
		expect(t.warnings).toEqual([{ key: 'badValue', item: 'a', detail: 'IDRef="nowhere"' }]);
	});
});

const FIXTURES = '/work/shared/fixtures/scorm';
function fixtureTree(name: string): SequencingTree {
	const xml = execFileSync('unzip', ['-p', `${FIXTURES}/${name}.zip`, 'imsmanifest.xml'], { encoding: 'utf8' });
	return tree(xml);
}
function find(activity: Activity, id: string): Activity {
	if (activity.id === id) return activity;
	for (const c of activity.children ?? []) {
		try {
			return find(c, id);
		} catch {
			// keep looking
		}
	}
	throw new Error(`no ${id}`);
}

describe('translate: the golf examples, without a warning', () => {
	it('post-test rollup: content SCOs do not count, each is disabled until the previous one is satisfied', () => {
		const t = fixtureTree('scorm2004-sequencing-post-test-rollup');
		expect(t.warnings).toEqual([]);
		expect(t.objectivesGlobalToSystem).toBe(false);
		expect(t.root.sequencingControls).toEqual({ choice: true, flow: true });
		expect(find(t.root, 'playing_item').sequencingControls).toEqual({ rollupObjectiveSatisfied: false, rollupProgressCompletion: false, objectiveMeasureWeight: 0 });
		expect(find(t.root, 'etuqiette_item').sequencingRules!.preConditionRules![0]!.action).toBe('disabled');
		expect(find(t.root, 'etuqiette_item').objectives![0]!.mapInfo[0]).toMatchObject({
			targetObjectiveID: 'com.scorm.golfsamples.sequencing.forcedsequential.playing_satisfied',
			readSatisfiedStatus: true,
			writeSatisfiedStatus: false
		});
		expect(find(t.root, 'assessment_item').sequencingControls).toEqual({ rollupObjectiveSatisfied: true, rollupProgressCompletion: true, objectiveMeasureWeight: 1 });
	});

	it('pre- or post-test rollup: the pre-test may be attempted once; the wrapper reads the test global', () => {
		const t = fixtureTree('scorm2004-sequencing-pre-or-post-test-rollup');
		expect(t.warnings).toEqual([]);
		expect(find(t.root, 'pretest_item').attemptLimit).toBe(1);
		expect(find(t.root, 'dummy_item').isVisible).toBe(false);
		expect(find(t.root, 'dummy_item').rollupRules!.rules.map((r) => `${r.consideration} ${r.action}`)).toEqual(['any incomplete', 'all completed']);
		expect(find(t.root, 'posttest_item').sequencingRules!.preConditionRules).toHaveLength(2);
	});

	it('random test: reordered on each new attempt, two attempts, tests exit to their parent, suspendAll hidden', () => {
		const t = fixtureTree('scorm2004-sequencing-random-test');
		expect(t.warnings).toEqual([]);
		const post = find(t.root, 'posttest_item');
		expect(post.sequencingControls).toEqual({ choice: false, flow: true, randomizationTiming: 'onEachNewAttempt', randomizeChildren: true });
		expect(post.attemptLimit).toBe(2);
		expect(post.sequencingRules!.postConditionRules!.map((r) => r.action)).toEqual(['retry', 'retry', 'exitAll']);
		const test = find(t.root, 'test_3');
		expect(test.isVisible).toBe(false);
		expect(test.hideLmsUi).toEqual(['suspendAll']);
		expect(test.sequencingRules!.postConditionRules![0]!.action).toBe('exitParent');
	});

	it('simple remediation: flow only; the last test keeps its own exitParent rule in place of the shared skip rule', () => {
		const t = fixtureTree('scorm2004-sequencing-simple-remediation');
		expect(t.warnings).toEqual([]);
		expect(t.root.sequencingControls).toEqual({ choice: false, flow: true });
		expect(find(t.root, 'content_wrapper').sequencingControls).toEqual({ choice: false, choiceExit: false, flow: true });
		expect(find(t.root, 'test_1').rollupConsiderations).toEqual({ requiredForCompleted: 'ifNotSkipped' });
		expect(find(t.root, 'test_1').sequencingRules!.preConditionRules![0]!.action).toBe('skip');
		expect(find(t.root, 'test_4').sequencingRules).toEqual({
			postConditionRules: [{ action: 'exitParent', conditionCombination: 'all', conditions: [{ condition: 'always' }] }]
		});
	});

	it('one file per SCO: no sequencing at all; 22 items, 18 of them leaves', () => {
		const t = fixtureTree('scorm2004-content-packaging-one-file-per-sco');
		expect(t.warnings).toEqual([]);
		const all = (a: Activity): Activity[] => (a.children ?? []).flatMap((c) => [c, ...all(c)]);
		expect(all(t.root)).toHaveLength(22);
		expect(all(t.root).filter((a) => !a.children)).toHaveLength(18);
		expect(all(t.root).some((a) => a.sequencingRules || a.rollupRules || a.primaryObjective)).toBe(false);
		// choice only: no cluster lets the learner flow
		expect([t.root, ...all(t.root)].filter((a) => a.children).every((a) => a.sequencingControls?.flow === false)).toBe(true);
	});
});
