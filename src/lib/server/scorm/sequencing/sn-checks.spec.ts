// Points of the SN book where an engine is most often wrong (design §7, "Verifying against SCORM
// Cloud behaviour"), checked on the server's engine: the random draw of a new attempt, and a
// global objective read for its measure before anyone has written one. (Collection-versus-local
// precedence is the translation's, in translate.spec; exitAll after a resume is in engine.spec.)
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../manifest';
import { withEngine, type AttemptEnd, type Engine } from './engine';
import type { SequencingTree } from './tree';

function tree(xml: string): SequencingTree {
	const result = parseManifest(xml, () => true);
	if (!result.ok || !result.sequencing) throw new Error('not a 2004 package');
	return result.sequencing;
}

const golf = (name: string) => tree(execFileSync('unzip', ['-p', `/work/shared/fixtures/scorm/${name}.zip`, 'imsmanifest.xml'], { encoding: 'utf8' }));

/** One learner's requests, each against the state the one before saved (as the server runs them). */
function learner(sequencing: SequencingTree) {
	let state: string | null = null;
	const run = <T>(fn: (engine: Engine) => T): T => {
		const done = withEngine(sequencing, state, fn);
		state = done.state;
		return done.result;
	};
	return {
		start: () => run((e) => e.navigate('start').delivered),
		end: (end: AttemptEnd) => run((e) => e.endAttempt(end).delivered),
		status: (id: string) => run((e) => e.status(id))
	};
}

describe('randomizationTiming="onEachNewAttempt" (random test: one of four tests drawn per attempt)', () => {
	const completed: AttemptEnd = { completion: 'completed', navRequest: 'continue' };
	const failed: AttemptEnd = { completion: 'completed', success: 'failed', scaled: 0.2, navRequest: 'continue' };

	it('draws again for each learner and for each new attempt on the post-test, not once per package', () => {
		const sequencing = golf('scorm2004-sequencing-random-test');
		const firsts = new Set<string>();
		let redrawn = 0;
		for (let i = 0; i < 40; i++) {
			const l = learner(sequencing);
			l.start();
			for (let content = 0; content < 3; content++) l.end(completed);
			const first = l.end(completed)!;
			const second = l.end(failed)!;
			expect(first).toMatch(/^test_[1-4]$/);
			expect(second).toMatch(/^test_[1-4]$/);
			firsts.add(first);
			if (second !== first) redrawn++;
		}
		// a draw made once and kept would give every learner, and every retry, the same test; with
		// four tests drawn fairly, 40 learners all alike (or no retry ever different) has odds below 1e-20
		expect(firsts.size).toBeGreaterThan(1);
		expect(redrawn).toBeGreaterThan(0);
	});
});

/** A course of two SCOs in flow: `a` reads the global `shared.measure` into its primary objective
 * (satisfied by a measure of at least 0.6), `b` writes its own measure there. */
const sharedMeasure = `<?xml version="1.0"?>
<manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Course</title>
    <item identifier="a" identifierref="r"><title>A</title><imsss:sequencing>
      <imsss:objectives><imsss:primaryObjective objectiveID="a_obj" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure>
        <imsss:mapInfo targetObjectiveID="shared.measure" readSatisfiedStatus="false" readNormalizedMeasure="true"/>
      </imsss:primaryObjective></imsss:objectives>
    </imsss:sequencing></item>
    <item identifier="b" identifierref="r"><title>B</title><imsss:sequencing>
      <imsss:objectives><imsss:primaryObjective objectiveID="b_obj">
        <imsss:mapInfo targetObjectiveID="shared.measure" readSatisfiedStatus="false" readNormalizedMeasure="false" writeNormalizedMeasure="true"/>
      </imsss:primaryObjective></imsss:objectives>
    </imsss:sequencing></item>
    <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
  </organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="a.html"><file href="a.html"/></resource></resources>
</manifest>`;

describe('a global objective read for its measure before any SCO has written one', () => {
	// (whether a SCO that has a measure of its own keeps it while the global has none is left open:
	// scorm-again reads the unknown global over it; see docs/scorm-sequencing.md)
	it('gives a SCO with no measure of its own no measure: its success stays unknown, never "failed at 0"', () => {
		const l = learner(tree(sharedMeasure));
		l.start();
		l.end({ completion: 'completed', navRequest: 'continue' });
		const a = l.status('a')!;
		expect(a.scaled).toBeNull();
		expect(a.success).not.toBe('failed');
	});
});
