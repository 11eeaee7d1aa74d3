// Small SCORM 2004 4th Edition packages for tests of what no fixture package uses: shared data
// (adlcp:data) and global objectives shared between packages (objectivesGlobalToSystem).
import { buildZip } from './test-zip';

/**
 * A SCO page that initialises the API and lists what it sees of adl.data (each bucket's id and
 * store, or the error its store gives), so a test reads what the SCO was given. It never ends
 * itself: the player's buttons or the test do.
 */
export const SHARED_DATA_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>SCO</title></head><body><main><ul id="buckets"></ul></main>
<script src="sco.js"></script></body></html>`;

export const SHARED_DATA_SCRIPT = `var api = window.parent.API_1484_11;
api.Initialize('');
var count = Number(api.GetValue('adl.data._count'));
var list = document.getElementById('buckets');
for (var i = 0; i < count; i++) {
  var id = api.GetValue('adl.data.' + i + '.id');
  var store = api.GetValue('adl.data.' + i + '.store');
  var error = api.GetLastError();
  var li = document.createElement('li');
  li.textContent = id + ': ' + (error === '0' ? store : 'error ' + error);
  list.appendChild(li);
}`;

function manifest4th(organization: string, items: string, resources: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org"><organization identifier="org" ${organization}><title>Course</title>${items}
    <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
  </organization></organizations>
  <resources>${resources}</resources>
</manifest>`;
}

/**
 * Two SCOs sharing the bucket `notes`: the first may read and write it, the second only read it,
 * and write the bucket `drafts`, which it may not read. `globalToSystem` is the organization's
 * adlcp:sharedDataGlobalToSystem (left out: the CAM default, true).
 */
export function sharedDataManifest(globalToSystem?: boolean): string {
	const sco = (id: string, title: string, maps: string) =>
		`<item identifier="${id}" identifierref="r_${id}"><title>${title}</title><adlcp:data>${maps}</adlcp:data></item>`;
	return manifest4th(
		globalToSystem === undefined ? '' : `adlcp:sharedDataGlobalToSystem="${globalToSystem}"`,
		sco('writer', 'Viết ghi chú', '<adlcp:map targetID="notes" readSharedData="true" writeSharedData="true"/>') +
			sco(
				'reader',
				'Đọc ghi chú',
				'<adlcp:map targetID="notes" readSharedData="true" writeSharedData="false"/><adlcp:map targetID="drafts" readSharedData="false" writeSharedData="true"/>'
			),
		['writer', 'reader']
			.map((id) => `<resource identifier="r_${id}" type="webcontent" adlcp:scormType="sco" href="${id}.html"><file href="${id}.html"/><file href="sco.js"/></resource>`)
			.join('')
	);
}

export function sharedDataZip(globalToSystem?: boolean): Buffer {
	return buildZip([
		{ name: 'imsmanifest.xml', data: sharedDataManifest(globalToSystem) },
		{ name: 'writer.html', data: SHARED_DATA_PAGE },
		{ name: 'reader.html', data: SHARED_DATA_PAGE },
		{ name: 'sco.js', data: SHARED_DATA_SCRIPT }
	]);
}

/** A SCO page that only initialises the API: the test plays the SCO through the player's API. */
const PLAIN_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>SCO</title></head><body><main><p>SCO</p></main>
<script src="sco.js"></script></body></html>`;
const PLAIN_SCRIPT = `window.parent.API_1484_11.Initialize('');`;

const CONTENT_SETS = '<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>';

function sco(id: string, title: string, sequencing: string): string {
	return `<item identifier="${id}" identifierref="r_${id}"><title>${title}</title><imsss:sequencing>${sequencing}</imsss:sequencing></item>`;
}

function resources(ids: string[]): string {
	return ids.map((id) => `<resource identifier="r_${id}" type="webcontent" adlcp:scormType="sco" href="${id}.html"><file href="${id}.html"/><file href="sco.js"/></resource>`).join('');
}

const organization = (globalToSystem?: boolean) => (globalToSystem === undefined ? '' : `adlseq:objectivesGlobalToSystem="${globalToSystem}"`);

/**
 * A package whose one SCO, "Bài học gốc", writes its satisfaction to the global objective
 * `g.lesson` when its attempt ends.
 */
export function objectiveWriterManifest(globalToSystem?: boolean): string {
	return manifest4th(
		organization(globalToSystem),
		sco(
			'lesson',
			'Bài học gốc',
			`<imsss:objectives><imsss:primaryObjective objectiveID="lesson_obj"><imsss:mapInfo targetObjectiveID="g.lesson" readSatisfiedStatus="false" writeSatisfiedStatus="true"/></imsss:primaryObjective></imsss:objectives>${CONTENT_SETS}`
		),
		resources(['lesson'])
	);
}

/**
 * A package whose first SCO, "Ôn bài", reads `g.lesson` and is skipped once it is satisfied, so
 * the flow starts at the second, "Kiểm tra".
 */
export function objectiveReaderManifest(globalToSystem?: boolean): string {
	return manifest4th(
		organization(globalToSystem),
		sco(
			'review',
			'Ôn bài',
			`<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="satisfied"/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule></imsss:sequencingRules>` +
				`<imsss:objectives><imsss:primaryObjective objectiveID="review_obj"><imsss:mapInfo targetObjectiveID="g.lesson" readSatisfiedStatus="true" writeSatisfiedStatus="false"/></imsss:primaryObjective></imsss:objectives>${CONTENT_SETS}`
		) + sco('check', 'Kiểm tra', CONTENT_SETS),
		resources(['review', 'check'])
	);
}

export function objectivesZip(role: 'writer' | 'reader' | 'remediation', globalToSystem?: boolean): Buffer {
	const ids = role === 'writer' ? ['lesson'] : role === 'reader' ? ['review', 'check'] : ['lesson', 'review', 'check'];
	const manifests = { writer: objectiveWriterManifest, reader: objectiveReaderManifest, remediation: remediationManifest };
	return buildZip([
		{ name: 'imsmanifest.xml', data: manifests[role](globalToSystem) },
		...ids.map((id) => ({ name: `${id}.html`, data: PLAIN_PAGE })),
		{ name: 'sco.js', data: PLAIN_SCRIPT }
	]);
}

/**
 * One package that writes and reads its own global objective: "Bài học" writes `g.lesson`; "Ôn
 * tập" reads it and is skipped once it is satisfied; "Kiểm tra" is disabled until it is, and a
 * failed check retries the whole course (retryAll), a new attempt on the activity tree.
 */
export function remediationManifest(globalToSystem?: boolean): string {
	const reads = (id: string, primary: boolean) =>
		`<imsss:${primary ? 'primaryObjective' : 'objective'} objectiveID="${id}"><imsss:mapInfo targetObjectiveID="g.lesson" readSatisfiedStatus="true" writeSatisfiedStatus="false"/></imsss:${primary ? 'primaryObjective' : 'objective'}>`;
	return manifest4th(
		organization(globalToSystem),
		sco(
			'lesson',
			'Bài học',
			`<imsss:objectives><imsss:primaryObjective objectiveID="lesson_obj"><imsss:mapInfo targetObjectiveID="g.lesson" readSatisfiedStatus="false" writeSatisfiedStatus="true"/></imsss:primaryObjective></imsss:objectives>${CONTENT_SETS}`
		) +
			sco(
				'review',
				'Ôn tập',
				`<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="satisfied"/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule></imsss:sequencingRules>` +
					`<imsss:objectives>${reads('review_obj', true)}</imsss:objectives>${CONTENT_SETS}`
			) +
			sco(
				'check',
				'Kiểm tra',
				// unknown counts as not satisfied only when said so (SN's rule conditions are three-valued)
				`<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions conditionCombination="any"><imsss:ruleCondition referencedObjective="gate" operator="not" condition="satisfied"/><imsss:ruleCondition referencedObjective="gate" operator="not" condition="objectiveStatusKnown"/></imsss:ruleConditions><imsss:ruleAction action="disabled"/></imsss:preConditionRule>` +
					`<imsss:postConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="satisfied" operator="not"/></imsss:ruleConditions><imsss:ruleAction action="retryAll"/></imsss:postConditionRule></imsss:sequencingRules>` +
					`<imsss:objectives><imsss:primaryObjective objectiveID="check_obj"/>${reads('gate', false)}</imsss:objectives>${CONTENT_SETS}`
			),
		resources(['lesson', 'review', 'check'])
	);
}
