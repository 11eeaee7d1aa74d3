import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../manifest';
import { availability, deliver } from './delivery';
import { withEngine, type AttemptEnd, type Engine } from './engine';
import type { Activity, SequencingTree } from './tree';

function golf(name: string): SequencingTree {
	const xml = execFileSync('unzip', ['-p', `/work/shared/fixtures/scorm/${name}.zip`, 'imsmanifest.xml'], { encoding: 'utf8' });
	const result = parseManifest(xml, () => true);
	if (!result.ok || !result.sequencing) throw new Error('not a 2004 package');
	return result.sequencing;
}
const leavesOf = (a: Activity): string[] => (a.children ? a.children.flatMap(leavesOf) : [a.id]);

/** one learner, each call a request restored from the saved state; `stored` stands for the tracking rows */
function learner(tree: SequencingTree, stored: Record<string, AttemptEnd> = {}) {
	let state: string | null = null;
	const leaves = leavesOf(tree.root);
	const run = <T>(fn: (engine: Engine) => T): T => {
		const done = withEngine(tree, state, fn);
		state = done.state;
		return done.result;
	};
	return {
		run,
		stored,
		deliver: (asked: string | null) => run((e) => deliver(e, asked, leaves, (id) => stored[id] ?? {})),
		availability: (ids: readonly string[] = leaves) => run((e) => Object.fromEntries(availability(e, ids)))
	};
}

describe('deliver: the server decides what the player may open', () => {
	it('post-test rollup: refuses a later SCO until the one before is passed, with the reason; opens it once passed', () => {
		const l = learner(golf('scorm2004-sequencing-post-test-rollup'));
		expect(l.deliver(null)).toEqual({ ok: true, identifier: 'playing_item' });
		expect(l.availability()).toEqual({
			playing_item: 'current',
			etuqiette_item: 'closed',
			handicapping_item: 'closed',
			havingfun_item: 'closed',
			assessment_item: 'closed'
		});
		expect(l.deliver('assessment_item')).toEqual({ ok: false, reason: 'closed' });
		// the tab was closed on Playing after it reported passed: its attempt is ended with that
		l.stored.playing_item = { completion: 'completed', success: 'passed' };
		expect(l.deliver('etuqiette_item')).toEqual({ ok: true, identifier: 'etuqiette_item' });
		expect(l.availability()).toMatchObject({ playing_item: 'open', etuqiette_item: 'current', handicapping_item: 'closed' });
		// asking again for the SCO on screen (a reload) delivers it again
		expect(l.deliver('etuqiette_item')).toEqual({ ok: true, identifier: 'etuqiette_item' });
	});

	it('simple remediation: nothing may be chosen, the course moves in order', () => {
		const l = learner(golf('scorm2004-sequencing-simple-remediation'));
		expect(l.deliver(null)).toEqual({ ok: true, identifier: 'playing_item' });
		expect(l.deliver('test_1')).toEqual({ ok: false, reason: 'inOrder' });
		expect(l.availability()).toMatchObject({ playing_item: 'current', etuqiette_item: 'inOrder', test_4: 'inOrder' });
	});

	it('one file per SCO: with no flow, the first SCO that may be chosen is opened; every one may be', () => {
		const tree = golf('scorm2004-content-packaging-one-file-per-sco');
		const l = learner(tree);
		const first = leavesOf(tree.root)[0]!;
		expect(l.deliver(null)).toEqual({ ok: true, identifier: first });
		const shown = Object.values(l.availability());
		expect(shown.filter((a) => a === 'open')).toHaveLength(leavesOf(tree.root).length - 1);
	});

	it('the tab closed on a SCO: the next visit (nothing asked) delivers that SCO again, its attempt still open', () => {
		const l = learner(golf('scorm2004-sequencing-post-test-rollup'));
		l.deliver(null);
		l.run((e) => e.endAttempt({ completion: 'completed', success: 'passed', navRequest: 'continue' }));
		expect(l.deliver(null)).toEqual({ ok: true, identifier: 'etuqiette_item' });
		expect(l.run((e) => e.active())).toBe(true);
	});

	it('an activity a hiddenFromChoice rule covers is hidden, not closed', () => {
		const hidden: SequencingTree = {
			treeVersion: 1,
			objectivesGlobalToSystem: false,
			sharedDataGlobalToSystem: false,
			warnings: [],
			root: {
				id: 'root',
				title: 'Root',
				isVisible: true,
				sequencingControls: { choice: true, flow: true },
				children: [
					{ id: 'a', title: 'A', isVisible: true },
					{
						id: 'b',
						title: 'B',
						isVisible: true,
						sequencingRules: { preConditionRules: [{ action: 'hiddenFromChoice', conditionCombination: 'all', conditions: [{ condition: 'always' }] }] }
					}
				]
			}
		};
		const l = learner(hidden);
		expect(l.deliver(null)).toEqual({ ok: true, identifier: 'a' });
		expect(l.availability()).toEqual({ a: 'current', b: 'hidden' });
	});

	it('a suspended course resumes on the SCO it was left on', () => {
		const l = learner(golf('scorm2004-sequencing-post-test-rollup'));
		l.deliver(null);
		l.run((e) => e.endAttempt({ completion: 'completed', success: 'passed', navRequest: 'continue' }));
		l.run((e) => e.endAttempt({ completion: 'incomplete', exit: 'suspend', navRequest: 'suspendAll' }));
		expect(l.deliver(null)).toEqual({ ok: true, identifier: 'etuqiette_item' });
	});
});
