// The golf examples played through the server's engine as SCORM Cloud plays them. Every step is a
// separate request: the engine is rebuilt from the saved state each time, as the server does.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../manifest';
import { withEngine, type AttemptEnd, type Engine, type NavigationRequest, type Outcome } from './engine';
import type { SequencingTree } from './tree';

function golf(name: string): SequencingTree {
	const xml = execFileSync('unzip', ['-p', `/work/shared/fixtures/scorm/${name}.zip`, 'imsmanifest.xml'], { encoding: 'utf8' });
	const result = parseManifest(xml, () => true);
	if (!result.ok || !result.sequencing) throw new Error('not a 2004 package');
	return result.sequencing;
}

/** A learner's visits: each call is one request against the saved state. */
function learner(tree: SequencingTree) {
	let state: string | null = null;
	const run = <T>(fn: (engine: Engine) => T): T => {
		const done = withEngine(tree, state, fn);
		state = done.state;
		return done.result;
	};
	return {
		run,
		navigate: (request: NavigationRequest, target?: string) => run((e) => shown(e.navigate(request, target))),
		end: (end: AttemptEnd) => run((e) => shown(e.endAttempt(end))),
		choosable: () => run((e) => [...e.choosable()].sort()),
		status: (id: string) => run((e) => e.status(id))
	};
}

/** what the learner sees next: the activity delivered, 'ended' (the course closes), null (nothing
 * new: the contents wait for a choice), false (refused) */
function shown(outcome: Outcome): string | null | false {
	if (outcome.ended) return 'ended';
	return outcome.accepted ? outcome.delivered : false;
}

const passed: AttemptEnd = { completion: 'completed', success: 'passed' };

describe('post-test rollup (forced sequential content, only the test counts)', () => {
	it('delivers the content in order, refuses a SCO whose predecessor is not satisfied, and rolls up the test alone', () => {
		const l = learner(golf('scorm2004-sequencing-post-test-rollup'));
		// before anything is delivered, the contents offer the first SCO only
		expect(l.choosable()).toContain('playing_item');
		expect(l.choosable()).not.toContain('etuqiette_item');
		expect(l.navigate('start')).toBe('playing_item');
		expect(l.choosable()).toContain('playing_item');
		expect(l.choosable()).not.toContain('etuqiette_item');
		expect(l.run((e) => [e.canContinue(), e.canPrevious()])).toEqual([true, false]);
		// SCORM Cloud: the later SCOs are greyed out until the one before is passed
		expect(l.navigate('choice', 'handicapping_item')).toBe(false);
		expect(l.navigate('choice', 'assessment_item')).toBe(false);
		expect(l.end({ ...passed, navRequest: 'continue' })).toBe('etuqiette_item');
		expect(l.navigate('choice', 'havingfun_item')).toBe(false);
		expect(l.end({ ...passed, navRequest: 'continue' })).toBe('handicapping_item');
		expect(l.end({ ...passed, navRequest: 'continue' })).toBe('havingfun_item');
		expect(l.end({ ...passed, navRequest: 'continue' })).toBe('assessment_item');
		// content passed, nothing about the course yet: only the test rolls up
		expect(l.status('golf_sample_default_org')).toMatchObject({ success: 'unknown' });
		expect(l.end({ completion: 'completed', success: 'failed', scaled: 0.4, navRequest: '{target=assessment_item}choice' })).toBe('assessment_item');
		expect(l.status('golf_sample_default_org')).toMatchObject({ completion: 'completed', success: 'failed' });
		// no navigation request: nothing new is delivered, the contents wait for the learner
		expect(l.end({ completion: 'completed', success: 'passed', scaled: 0.9 })).toBeNull();
		expect(l.status('golf_sample_default_org')).toMatchObject({ completion: 'completed', success: 'passed' });
	});
});

describe('suspend and resume (closing the course mid-way)', () => {
	it('a SCO’s suspendAll ends the session; the next visit resumes where the learner was, with what was passed', () => {
		const l = learner(golf('scorm2004-sequencing-post-test-rollup'));
		l.navigate('start');
		expect(l.end({ ...passed, navRequest: 'continue' })).toBe('etuqiette_item');
		expect(l.end({ completion: 'incomplete', exit: 'suspend', navRequest: 'suspendAll' })).toBe('ended');
		expect(l.run((e) => [e.suspended(), e.current()])).toEqual([true, 'etuqiette_item']);
		expect(l.navigate('resumeAll')).toBe('etuqiette_item');
		expect(l.run((e) => e.suspended())).toBe(false);
		expect(l.end({ ...passed, navRequest: 'continue' })).toBe('handicapping_item');
	});

	it('exitAll after a resume ends the session with nothing suspended; the next visit starts a new attempt on the course', () => {
		const l = learner(golf('scorm2004-sequencing-post-test-rollup'));
		l.navigate('start');
		expect(l.end({ completion: 'incomplete', exit: 'suspend', navRequest: 'suspendAll' })).toBe('ended');
		expect(l.navigate('resumeAll')).toBe('playing_item');
		expect(l.end({ ...passed, navRequest: 'exitAll' })).toBe('ended');
		expect(l.run((e) => [e.suspended(), e.active()])).toEqual([false, false]);
		expect(l.navigate('start')).toBe('playing_item');
	});

	it('previous goes back in flow; the SCO’s own previous request too', () => {
		const l = learner(golf('scorm2004-sequencing-post-test-rollup'));
		l.navigate('start');
		expect(l.end({ ...passed, navRequest: 'continue' })).toBe('etuqiette_item');
		expect(l.run((e) => e.canPrevious())).toBe(true);
		expect(l.end({ completion: 'incomplete', navRequest: 'previous' })).toBe('playing_item');
		expect(l.navigate('continue')).toBe('etuqiette_item');
		expect(l.navigate('previous')).toBe('playing_item');
	});
});

const ROOT = 'golf_sample_default_org';
const completed: AttemptEnd = { completion: 'completed', navRequest: 'continue' };
const failed = (scaled: number): AttemptEnd => ({ completion: 'completed', success: 'failed', scaled, navRequest: 'continue' });
const pass = (scaled: number): AttemptEnd => ({ completion: 'completed', success: 'passed', scaled, navRequest: 'continue' });

describe('simple remediation (flow only; a failed test sends the learner back to what it covers)', () => {
	it('plays content then tests, then only what was failed, until every test is passed', () => {
		const l = learner(golf('scorm2004-sequencing-simple-remediation'));
		expect(l.navigate('start')).toBe('playing_item');
		// choice="false": the contents offer nothing to open
		expect(l.choosable()).toEqual([]);
		expect(l.navigate('choice', 'test_1')).toBe(false);
		expect(l.end(completed)).toBe('etuqiette_item');
		expect(l.end(completed)).toBe('handicapping_item');
		expect(l.end(completed)).toBe('havingfun_item');
		expect(l.end(completed)).toBe('test_1');
		expect(l.end(pass(0.9))).toBe('test_2');
		expect(l.end(failed(0.2))).toBe('test_3');
		expect(l.end(pass(0.9))).toBe('test_4');
		// test 4 exits the wrapper, which is not satisfied (test 2 failed): retried; what is
		// satisfied is skipped, so the learner reads Etiquette again, then takes test 2 again
		expect(l.end(pass(0.9))).toBe('etuqiette_item');
		expect(l.end(completed)).toBe('test_2');
		// test 4 has its own rules in place of the shared skip rule: it is delivered again, and its
		// exit ends the course now that every test is passed
		expect(l.end(pass(0.8))).toBe('test_4');
		expect(l.end(pass(0.9))).toBe('ended');
		expect(l.status(ROOT)).toMatchObject({ completion: 'completed', success: 'passed' });
	});
});

describe('pre- or post-test rollup', () => {
	it('passing the pre-test completes and passes the course; both tests are then closed, the content stays open', () => {
		const l = learner(golf('scorm2004-sequencing-pre-or-post-test-rollup'));
		expect(l.navigate('start')).toBe('pretest_item');
		expect(l.choosable()).not.toContain('posttest_item');
		expect(l.end(pass(0.9))).toBe('playing_item');
		expect(l.status(ROOT)).toMatchObject({ completion: 'completed', success: 'passed' });
		expect(l.status(ROOT)!.scaled).toBeCloseTo(0.9);
		expect(l.choosable()).toEqual(expect.arrayContaining(['playing_item', 'etuqiette_item', 'handicapping_item', 'havingfun_item']));
		expect(l.choosable()).not.toContain('pretest_item');
		expect(l.choosable()).not.toContain('posttest_item');
	});

	it('a failed pre-test is not offered again; the post-test opens once the content is completed', () => {
		const l = learner(golf('scorm2004-sequencing-pre-or-post-test-rollup'));
		expect(l.navigate('start')).toBe('pretest_item');
		expect(l.end(failed(0.2))).toBe('playing_item');
		expect(l.choosable()).not.toContain('pretest_item');
		expect(l.choosable()).not.toContain('posttest_item');
		expect(l.navigate('choice', 'posttest_item')).toBe(false);
		expect(l.status(ROOT)).toMatchObject({ success: 'failed' });
		expect(l.end(completed)).toBe('etuqiette_item');
		expect(l.end(completed)).toBe('handicapping_item');
		expect(l.end(completed)).toBe('havingfun_item');
		expect(l.end(completed)).toBe('posttest_item');
		expect(l.choosable()).toContain('posttest_item');
		// continue from the last activity: nothing more to deliver
		expect(l.end(pass(0.9))).toBe('ended');
		expect(l.status(ROOT)).toMatchObject({ completion: 'completed', success: 'passed' });
		expect(l.status(ROOT)!.scaled).toBeCloseTo(0.9);
		expect(l.choosable()).not.toContain('posttest_item');
	});
});

describe('random test (two attempts at a post-test drawn in random order)', () => {
	const tests = ['test_1', 'test_2', 'test_3', 'test_4'];

	it('opens the post-test after the content; two failures end the course completed and failed', () => {
		const l = learner(golf('scorm2004-sequencing-random-test'));
		expect(l.navigate('start')).toBe('playing_item');
		expect(l.choosable()).not.toContain('posttest_item');
		expect(l.end(completed)).toBe('etuqiette_item');
		expect(l.end(completed)).toBe('handicapping_item');
		expect(l.end(completed)).toBe('havingfun_item');
		const first = l.end(completed);
		expect(tests).toContain(first);
		// the tests themselves are never offered: only the post-test as a whole
		expect(l.choosable()).toContain('posttest_item');
		for (const test of tests) expect(l.choosable()).not.toContain(test);
		// a failed test exits to the post-test, which is retried with a new draw
		const second = l.end(failed(0.2));
		expect(tests).toContain(second);
		expect(l.end(failed(0.3))).toBe('ended');
		expect(l.status(ROOT)).toMatchObject({ completion: 'completed', success: 'failed' });
		expect(l.choosable()).not.toContain('posttest_item');
	});

	it('the last content SCO ends without a request: the Post Test, chosen in the contents, delivers a drawn test', () => {
		const l = learner(golf('scorm2004-sequencing-random-test'));
		l.navigate('start');
		for (let i = 0; i < 3; i++) l.end(completed);
		expect(l.choosable()).not.toContain('posttest_item');
		// Having Fun terminates without asking for anything: the learner picks from the contents
		expect(l.end({ completion: 'completed' })).toBe(null);
		expect(l.choosable()).toContain('posttest_item');
		// scorm-again alone refused it (NB.2.1-11): the content wrapper's "content completed" was
		// not yet in its global
		expect(tests).toContain(l.navigate('choice', 'posttest_item'));
	});

	it('the SCO’s own choice of the Post Test, made as it ends, delivers a drawn test too', () => {
		const l = learner(golf('scorm2004-sequencing-random-test'));
		l.navigate('start');
		for (let i = 0; i < 3; i++) l.end(completed);
		expect(tests).toContain(l.end({ completion: 'completed', navRequest: '{target=posttest_item}choice' }));
	});

	it('a choice the contents do not offer is refused, and the SCO on screen stays open', () => {
		const l = learner(golf('scorm2004-sequencing-random-test'));
		l.navigate('start');
		l.end(completed);
		expect(l.end({ completion: 'completed' })).toBe(null);
		expect(l.navigate('choice', 'posttest_item')).toBe(false);
		expect(l.run((e) => [e.current(), e.active()])).toEqual(['etuqiette_item', true]);
	});

	it('a passed test ends the course completed and passed, with its score', () => {
		const l = learner(golf('scorm2004-sequencing-random-test'));
		l.navigate('start');
		for (let i = 0; i < 4; i++) l.end(completed);
		expect(l.end(pass(0.8))).toBe('ended');
		expect(l.status(ROOT)).toMatchObject({ completion: 'completed', success: 'passed' });
		expect(l.status(ROOT)!.scaled).toBeCloseTo(0.8);
	});
});

describe('one file per SCO (no sequencing: choice only, no flow)', () => {
	it('starts nowhere, offers every part, and has no Continue or Previous', () => {
		const l = learner(golf('scorm2004-content-packaging-one-file-per-sco'));
		// SN: start flows into the first part only where flow is allowed; the player then opens
		// the first part the learner may choose
		expect(l.navigate('start')).toBe(false);
		expect(l.choosable()).toEqual(expect.arrayContaining(['playing_playing_item', 'etiquette_course_item', 'etiquette_distracting_item']));
		expect(l.choosable()).toHaveLength(23);
		// choosing a part that has parts delivers its first one
		expect(l.navigate('choice', 'etiquette_item')).toBe('etiquette_course_item');
		expect(l.run((e) => [e.canContinue(), e.canPrevious()])).toEqual([false, false]);
		expect(l.navigate('continue')).toBe(false);
		// the page never calls the API: End Attempt's defaults complete and satisfy it
		expect(l.end({ navRequest: '{target=playing_par_item}choice' })).toBe('playing_par_item');
		expect(l.status('etiquette_course_item')).toMatchObject({ completion: 'completed', success: 'passed' });
	});
});

describe('jump (SN SB.2.13, DB.1.1): no control mode limits it, the Delivery Request Process does', () => {
	it('post-test rollup: a jump to a disabled part is refused and changes nothing; a SCO that passes may jump to what its pass opened', () => {
		const lan = learner(golf('scorm2004-sequencing-post-test-rollup'));
		expect(lan.navigate('start')).toBe('playing_item');
		expect(lan.run((e) => [...e.jumpable()])).toEqual(['playing_item']);
		// the quiz is disabled until the content is passed (scorm-again 3.4.3 alone delivers it)
		expect(lan.navigate('jump', 'assessment_item')).toBe(false);
		expect(lan.run((e) => [e.current(), e.active()])).toEqual(['playing_item', true]);
		// the end, then the jump (scorm-again alone would sequence the jump before the pass counts)
		expect(lan.end({ ...passed, navRequest: '{target=etuqiette_item}jump' })).toBe('etuqiette_item');
		expect(lan.run((e) => [...e.jumpable()].sort())).toEqual(['etuqiette_item', 'playing_item']);
		expect(lan.end({ completion: 'completed', success: 'failed', navRequest: '{target=handicapping_item}jump' })).toBe(false);
	});

	it('simple remediation: nothing may be chosen, yet a SCO may jump to any part (not to a cluster)', () => {
		const lan = learner(golf('scorm2004-sequencing-simple-remediation'));
		expect(lan.navigate('start')).toBe('playing_item');
		expect(lan.choosable()).toEqual([]);
		const jumpable = lan.run((e) => [...e.jumpable()]);
		expect(jumpable).toEqual(expect.arrayContaining(['etuqiette_item', 'test_1', 'test_4']));
		expect(jumpable).not.toContain('content_wrapper');
		expect(lan.end({ completion: 'completed', navRequest: '{target=test_1}jump' })).toBe('test_1');
	});
});
