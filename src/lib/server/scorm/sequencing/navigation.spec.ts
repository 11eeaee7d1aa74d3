import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { applyResult } from '../../tracking/record';
import { getTracking } from '../../tracking/service';
import { insertUser } from '../../users/service';
import { readPackage } from '../import';
import { placePackage } from '../place';
import { getScoState, recordCommit } from '../runtime/commit';
import { endForLearner, navigateForLearner, openForLearner, parseRequest, sequencedPackage } from './navigation';
import { loadState, runSequencing } from './state';

const T0 = Date.UTC(2026, 11, 6, 4);
let storage: string;
beforeAll(() => {
	storage = mkdtempSync(path.join(os.tmpdir(), 'taphuan-seqnav-'));
});
afterAll(() => rmSync(storage, { recursive: true, force: true }));

async function golf(name: string) {
	const db = openDatabase(':memory:');
	const lan = insertUser(db, { username: 'lan', displayName: 'Lan', password: 'x', role: 'learner' }, 'x', T0).id;
	db.prepare(`INSERT INTO course (id, title, loaded_at) VALUES ('golf', 'Golf', ?)`).run(T0);
	const imported = await readPackage(path.join('/work/shared/fixtures/scorm', `${name}.zip`), storage);
	if (!imported.ok) throw new Error('refused');
	const attachment = placePackage(db, imported, 1, { kind: 'attach', courseSlug: 'golf', moduleSlug: 'm1', title: '' }, null, T0);
	const activity = (identifier: string) => attachment.scos.find((s) => s.identifier === identifier)!.activityId;
	return { db, lan, attachment, pkg: sequencedPackage(db, attachment)!, activity };
}

describe('navigation requests as the player and SCOs write them', () => {
	it('reads plain and targeted requests, and nothing else', () => {
		expect(parseRequest('continue')).toEqual({ request: 'continue' });
		expect(parseRequest('{target=test_2}choice')).toEqual({ request: 'choice', target: 'test_2' });
		expect(parseRequest('{target=a}jump')).toEqual({ request: 'jump', target: 'a' });
		expect(parseRequest('choice')).toBeNull();
		expect(parseRequest('_none_')).toBeNull();
		expect(parseRequest('drop table')).toBeNull();
	});
});

describe('the player’s questions to the engine (post-test rollup)', () => {
	it('opens the first SCO, refuses a later one, and shows the contents and the flow buttons', async () => {
		const { db, lan, attachment, pkg } = await golf('scorm2004-sequencing-post-test-rollup');
		const first = openForLearner(db, lan, attachment, pkg, null);
		expect(first.delivery).toEqual({ ok: true, identifier: 'playing_item' });
		expect(first.view).toMatchObject({ canContinue: true, canPrevious: false, hide: [] });
		expect(first.view.availability).toMatchObject({ playing_item: 'current', etuqiette_item: 'closed', assessment_item: 'closed' });
		// what the SCO's adl.nav.request_valid.choice answers: only the parts a choice would deliver
		expect(first.view.choosable).toEqual(['playing_item']);
		// a refused launch changes nothing (the engine ends the attempt on screen before it tries the choice)
		const before = loadState(db, lan, pkg);
		expect(openForLearner(db, lan, attachment, pkg, 'assessment_item').delivery).toEqual({ ok: false, reason: 'closed' });
		expect(loadState(db, lan, pkg)).toBe(before);
		expect(runSequencing(db, lan, pkg, (e) => [e.current(), e.active()])).toEqual(['playing_item', true]);
		const report = { completion: 'completed', completionKnown: true, success: 'passed', scoreScaled: null, progressMeasure: null, exit: '' } as const;
		expect(endForLearner(db, lan, attachment, pkg, 'playing_item', report, 'continue')).toEqual({ accepted: true, deliver: 'etuqiette_item', ended: false });
	});

	it('a SCO’s end with a request runs it with that last report; without one the attempt waits for the learner', async () => {
		const { db, lan, attachment, pkg, activity } = await golf('scorm2004-sequencing-post-test-rollup');
		openForLearner(db, lan, attachment, pkg, null);
		const report = { completion: 'completed', completionKnown: true, success: 'passed', scoreScaled: null, progressMeasure: null, exit: '' } as const;
		// an end for a SCO that is not the one delivered changes nothing
		expect(endForLearner(db, lan, attachment, pkg, 'etuqiette_item', report, 'continue')).toBeNull();
		expect(endForLearner(db, lan, attachment, pkg, 'playing_item', report, 'continue')).toEqual({ accepted: true, deliver: 'etuqiette_item', ended: false });
		// Etiquette ends itself without a request (stored passed); the learner's Continue then ends
		// its attempt with what was stored, and moves on
		applyResult(db, lan, activity('etuqiette_item'), { completion: 'completed', success: 'passed' }, T0);
		expect(navigateForLearner(db, lan, attachment, pkg, 'continue', 'etuqiette_item')).toEqual({ accepted: true, deliver: 'handicapping_item', ended: false });
		expect(navigateForLearner(db, lan, attachment, pkg, 'previous', 'handicapping_item')).toEqual({ accepted: true, deliver: 'etuqiette_item', ended: false });
		expect(navigateForLearner(db, lan, attachment, pkg, 'nonsense', 'etuqiette_item')).toEqual({ accepted: false, deliver: null, ended: false });
	});

	it('a retake that did worse counts as it went when the learner’s request replays its end (not the best result ever stored)', async () => {
		const { db, lan, attachment, pkg, activity } = await golf('scorm2004-sequencing-post-test-rollup');
		const sco = attachment.scos.find((s) => s.identifier === 'playing_item')!;
		const target = { activityId: sco.activityId, packageId: attachment.package.id, version: '2004' as const, scormType: 'sco' as const, rules: sco.rules, deliveryControls: sco.deliveryControls };
		const session = (id: string, success: string, scaled: string, at: number) => {
			recordCommit(db, target, { userId: lan, session: id, kind: 'launch', sequence: 0, terminate: false, cmi: null }, at);
			const cmi = { completion_status: 'completed', success_status: success, score: { scaled }, session_time: 'PT1M' };
			recordCommit(db, target, { userId: lan, session: id, kind: 'commit', sequence: 1, terminate: true, cmi }, at + 60_000);
		};
		const report = (success: 'passed' | 'failed', scoreScaled: number) => ({ completion: 'completed', completionKnown: true, success, scoreScaled, progressMeasure: null, exit: '' }) as const;
		openForLearner(db, lan, attachment, pkg, null);
		session('first', 'passed', '0.9', T0);
		expect(endForLearner(db, lan, attachment, pkg, 'playing_item', report('passed', 0.9), 'continue')).toMatchObject({ deliver: 'etuqiette_item' });
		expect(navigateForLearner(db, lan, attachment, pkg, '{target=playing_item}choice', 'etuqiette_item')).toMatchObject({ deliver: 'playing_item' });
		// the retake fails and ends itself without a request; the learner then presses Continue
		session('second', 'failed', '0.2', T0 + 600_000);
		expect(endForLearner(db, lan, attachment, pkg, 'playing_item', report('failed', 0.2), null)).toBeNull();
		expect(getScoState(db, lan, activity('playing_item'))?.lastReport).toEqual({ completion: 'completed', success: 'failed', scaled: 0.2 });
		// Etiquette needs Playing passed: the Continue that replays the failed retake delivers nothing
		expect(navigateForLearner(db, lan, attachment, pkg, 'continue', 'playing_item')).toEqual({ accepted: true, deliver: null, ended: false });
		// the tracking row keeps the best ever; the engine counts the last attempt
		expect(getTracking(db, lan, activity('playing_item'))).toMatchObject({ successStatus: 'passed', scoreScaled: 0.9 });
		expect(runSequencing(db, lan, pkg, (e) => e.status('playing_item'))).toMatchObject({ success: 'failed' });
	});

	it('the package’s result is its tree’s rollup, stored through the tracking door: only the test counts', async () => {
		const { db, lan, attachment, pkg } = await golf('scorm2004-sequencing-post-test-rollup');
		const id = attachment.packageActivityId!;
		expect(id).toBeGreaterThan(0);
		openForLearner(db, lan, attachment, pkg, null);
		expect(getTracking(db, lan, id)).toMatchObject({ completionStatus: 'incomplete', successStatus: 'unknown', attempts: 1 });
		const passed = { completion: 'completed', completionKnown: true, success: 'passed', scoreScaled: null, progressMeasure: null, exit: '' } as const;
		for (const sco of ['playing_item', 'etuqiette_item', 'handicapping_item', 'havingfun_item']) endForLearner(db, lan, attachment, pkg, sco, passed, 'continue');
		// the content passed: the package is still not completed, the test alone decides
		expect(getTracking(db, lan, id)).toMatchObject({ completionStatus: 'incomplete', successStatus: 'unknown' });
		// the test ends without a request (the learner has not moved on yet): the rollup is stored already
		expect(endForLearner(db, lan, attachment, pkg, 'assessment_item', { ...passed, success: 'failed', scoreScaled: 0.4 }, null)).toBeNull();
		expect(getTracking(db, lan, id)).toMatchObject({ completionStatus: 'completed', successStatus: 'failed', scoreScaled: 0.4 });
	});
});
