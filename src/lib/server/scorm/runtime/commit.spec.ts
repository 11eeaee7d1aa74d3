import { beforeEach, describe, expect, it } from 'vitest';
import { syncCatalog } from '../../courses/catalog';
import { lessonModule, testCourse } from '../../courses/test-courses';
import { openDatabase, type Db } from '../../db/open';
import { getTracking } from '../../tracking/service';
import { insertUser } from '../../users/service';
import { CmiError } from './cmi';
import { getScoState, recordCommit, SessionMismatch, type CommitInput, type ScoTarget } from './commit';

const T0 = Date.UTC(2026, 10, 29, 2);
const MIN = 60_000;

let db: Db;
let userId: number;
let otherId: number;
let target: ScoTarget;

beforeEach(() => {
	db = openDatabase(':memory:');
	syncCatalog(db, [testCourse([lessonModule('mot', 1)])], T0);
	const activity = db
		.prepare(`INSERT INTO activity (course_id, module_slug, kind, item, title, content_hash) VALUES ('khoa-thu', 'mot', 'scorm', '1/sco', 'SCO', 'h')`)
		.run();
	const pkg = db
		.prepare(`INSERT INTO scorm_package (hash, version, title, manifest, zip_bytes, imported_at) VALUES ('h', '1.2', 'P', '{}', 1, 0)`)
		.run();
	userId = insertUser(db, { username: 'lan', displayName: 'Lan', password: 'x', role: 'learner' }, 'x', T0).id;
	otherId = insertUser(db, { username: 'minh', displayName: 'Minh', password: 'x', role: 'learner' }, 'x', T0).id;
	target = {
		activityId: Number(activity.lastInsertRowid),
		packageId: Number(pkg.lastInsertRowid),
		version: '1.2',
		scormType: 'sco',
		rules: { masteryScore: null, scaledPassingScore: null, completionThreshold: null },
		deliveryControls: { tracked: true, completionSetByContent: false, objectiveSetByContent: false }
	};
});

const launch = (session = 's1', who = () => userId): CommitInput => ({ userId: who(), session, kind: 'launch', sequence: 0, terminate: false, cmi: null });
const commit = (sequence: number, core: Record<string, unknown>, extra: Partial<CommitInput> = {}, rest: Record<string, unknown> = {}): CommitInput => ({
	userId,
	session: 's1',
	kind: 'commit',
	sequence,
	terminate: false,
	cmi: { core, ...rest },
	...extra
});

function events(verb: string) {
	return db.prepare('SELECT result FROM learning_event WHERE user_id = ? AND verb = ? ORDER BY id').all(userId, verb) as { result: string | null }[];
}

describe('recordCommit', () => {
	it('opens a session on launch: the learner has started, the attempt is counted, once', () => {
		expect(recordCommit(db, target, launch(), T0)).toBe('launched');
		expect(recordCommit(db, target, launch(), T0 + 5)).toBe('stale');
		expect(getTracking(db, userId, target.activityId)).toMatchObject({ completionStatus: 'incomplete', attempts: 1, firstAccessedAt: T0 });
		recordCommit(db, target, launch('s2'), T0 + MIN);
		expect(getTracking(db, userId, target.activityId)).toMatchObject({ attempts: 2, firstAccessedAt: T0, lastAccessedAt: T0 + MIN });
		expect(events('launched')).toHaveLength(2);
	});

	it('marks an asset completed as soon as it is opened', () => {
		recordCommit(db, { ...target, scormType: 'asset' }, launch(), T0);
		expect(getTracking(db, userId, target.activityId)).toMatchObject({ completionStatus: 'completed', completedAt: T0 });
	});

	it('stores status, score, bookmark and suspend data, and ignores a repeated or older commit', () => {
		recordCommit(db, target, launch(), T0);
		expect(recordCommit(db, target, commit(1, { lesson_status: 'incomplete', lesson_location: 'p2' }, {}, { suspend_data: 'a' }), T0 + MIN)).toBe('stored');
		expect(recordCommit(db, target, commit(3, { lesson_status: 'passed', lesson_location: 'p9', score: { raw: '90', min: '0', max: '100' } }, {}, { suspend_data: 'c' }), T0 + 3 * MIN)).toBe('stored');
		// a slower request with an older sequence arrives late: ignored
		expect(recordCommit(db, target, commit(2, { lesson_status: 'incomplete', lesson_location: 'p5' }, {}, { suspend_data: 'b' }), T0 + 4 * MIN)).toBe('stale');
		// the same commit sent twice: ignored the second time
		expect(recordCommit(db, target, commit(3, { lesson_status: 'passed', lesson_location: 'p9' }), T0 + 4 * MIN)).toBe('stale');
		expect(getTracking(db, userId, target.activityId)).toMatchObject({
			completionStatus: 'completed',
			successStatus: 'passed',
			scoreRaw: 90,
			scoreMax: 100,
			location: 'p9',
			suspendData: 'c',
			completedAt: T0 + 3 * MIN
		});
		expect(events('completed')).toHaveLength(1);
		expect(events('passed')).toHaveLength(1);
	});

	it('adds each session’s session_time to the total exactly once, however often it is committed', () => {
		recordCommit(db, target, launch(), T0);
		recordCommit(db, target, commit(1, { session_time: '00:02:00' }), T0 + 2 * MIN);
		recordCommit(db, target, commit(2, { session_time: '00:05:00' }), T0 + 5 * MIN);
		recordCommit(db, target, commit(3, { session_time: '00:05:00' }, { terminate: true }), T0 + 5 * MIN);
		// after the terminate commit, the session takes nothing more
		recordCommit(db, target, commit(4, { session_time: '00:09:00' }), T0 + 9 * MIN);
		expect(getTracking(db, userId, target.activityId)!.totalTimeMs).toBe(5 * MIN);
		// a second session adds its own time
		recordCommit(db, target, launch('s2'), T0 + 60 * MIN);
		recordCommit(db, target, commit(1, { session_time: '00:03:00' }, { session: 's2', terminate: true }), T0 + 63 * MIN);
		expect(getTracking(db, userId, target.activityId)!.totalTimeMs).toBe(8 * MIN);
	});

	it('never trusts a client total, nor a session time longer than the session has been open', () => {
		recordCommit(db, target, launch(), T0);
		recordCommit(db, target, commit(1, { session_time: '0100:00:00', total_time: '9999:00:00' }), T0 + 10 * MIN);
		// 10 minutes open plus one minute of slack
		expect(getTracking(db, userId, target.activityId)!.totalTimeMs).toBe(11 * MIN);
	});

	it('never undoes an achievement: completed stays completed, passed keeps its score', () => {
		recordCommit(db, target, launch(), T0);
		recordCommit(db, target, commit(1, { lesson_status: 'passed', score: { raw: '95' } }, { terminate: true }), T0 + MIN);
		recordCommit(db, target, launch('s2'), T0 + 2 * MIN);
		recordCommit(db, target, commit(1, { lesson_status: 'failed', score: { raw: '20' } }, { session: 's2' }), T0 + 3 * MIN);
		expect(getTracking(db, userId, target.activityId)).toMatchObject({ completionStatus: 'completed', successStatus: 'passed', scoreRaw: 95 });
	});

	it('applies the manifest’s mastery score', () => {
		recordCommit(db, { ...target, rules: { ...target.rules, masteryScore: 80 } }, launch(), T0);
		recordCommit(db, { ...target, rules: { ...target.rules, masteryScore: 80 } }, commit(1, { lesson_status: 'completed', score: { raw: '70' } }), T0 + MIN);
		expect(getTracking(db, userId, target.activityId)).toMatchObject({ completionStatus: 'completed', successStatus: 'failed', scoreRaw: 70 });
	});

	it('journals interactions: new and changed ones appended, repeated ones skipped, each an event', () => {
		recordCommit(db, target, launch(), T0);
		const q1 = { id: 'q1', type: 'choice', student_response: 'a', result: 'wrong' };
		const q2 = { id: 'q2', type: 'true-false', student_response: 't', result: 'correct' };
		recordCommit(db, target, commit(1, {}, {}, { interactions: { '0': q1 } }), T0 + MIN);
		recordCommit(db, target, commit(2, {}, {}, { interactions: { '0': q1, '1': q2 } }), T0 + 2 * MIN);
		recordCommit(db, target, commit(3, {}, {}, { interactions: { '0': { ...q1, student_response: 'b', result: 'correct' }, '1': q2 } }), T0 + 3 * MIN);
		const rows = db.prepare('SELECT position, identifier, learner_response, result FROM scorm_interaction ORDER BY id').all();
		expect(rows).toEqual([
			{ position: 0, identifier: 'q1', learner_response: 'a', result: 'wrong' },
			{ position: 1, identifier: 'q2', learner_response: 't', result: 'correct' },
			{ position: 0, identifier: 'q1', learner_response: 'b', result: 'correct' }
		]);
		expect(events('interacted').map((e) => JSON.parse(e.result!).id)).toEqual(['q1', 'q2', 'q1']);
		expect(() => db.prepare('DELETE FROM scorm_interaction').run()).toThrow(/append-only/);
	});

	it('keeps the exit and objectives for the next launch', () => {
		recordCommit(db, target, launch(), T0);
		recordCommit(db, target, commit(1, { exit: 'suspend' }, {}, { objectives: { '0': { id: 'o1', status: 'passed' } } }), T0 + MIN);
		const state = db.prepare('SELECT exit, objectives FROM scorm_state').get() as { exit: string; objectives: string };
		expect(state.exit).toBe('suspend');
		expect(JSON.parse(state.objectives)[0]).toMatchObject({ id: 'o1', success: 'passed' });
		// written to the event log when they change, not on every commit
		recordCommit(db, target, commit(2, { exit: 'suspend' }, {}, { objectives: { '0': { id: 'o1', status: 'passed' } } }), T0 + 2 * MIN);
		recordCommit(db, target, commit(3, { exit: 'suspend' }, {}, { objectives: { '0': { id: 'o1', status: 'failed' } } }), T0 + 3 * MIN);
		expect(events('objectives').map((e) => JSON.parse(e.result!)[0].success)).toEqual(['passed', 'failed']);
	});

	it('refuses a session that belongs to another learner, and stores nothing from a malformed commit', () => {
		recordCommit(db, target, launch(), T0);
		expect(() => recordCommit(db, target, { ...commit(1, { lesson_status: 'passed' }), userId: otherId }, T0 + MIN)).toThrow(SessionMismatch);
		expect(() => recordCommit(db, target, commit(1, { lesson_status: 'passed', score: { raw: 'lots' } }), T0 + MIN)).toThrow(CmiError);
		expect(getTracking(db, userId, target.activityId)).toMatchObject({ completionStatus: 'incomplete', successStatus: 'unknown', scoreRaw: null });
		expect(getTracking(db, otherId, target.activityId)).toBeNull();
		// the refused commit did not use up its sequence number
		expect(recordCommit(db, target, commit(1, { lesson_status: 'passed' }), T0 + MIN)).toBe('stored');
	});

	it('starts a session on its first commit when the launch message was lost', () => {
		expect(recordCommit(db, target, commit(1, { lesson_status: 'incomplete', session_time: '00:00:30' }), T0)).toBe('stored');
		expect(getTracking(db, userId, target.activityId)).toMatchObject({ completionStatus: 'incomplete', attempts: 1, totalTimeMs: 30_000 });
	});
});

describe('recordCommit, SCORM 2004 attempts (End Attempt defaults, wall-clock time)', () => {
	let sco2004: ScoTarget;
	let secondId: number;
	beforeEach(() => {
		secondId = Number(
			db.prepare(`INSERT INTO activity (course_id, module_slug, kind, item, title, content_hash) VALUES ('khoa-thu', 'mot', 'scorm', '1/sco2', 'SCO 2', 'h')`).run()
				.lastInsertRowid
		);
		sco2004 = { ...target, version: '2004' };
	});
	const commit2004 = (sequence: number, cmi: Record<string, unknown>, extra: Partial<CommitInput> = {}): CommitInput => ({
		userId,
		session: 's1',
		kind: 'commit',
		sequence,
		terminate: false,
		cmi,
		...extra
	});
	const exit = (sequence: number, visibleMs: number | null, session = 's1'): CommitInput => ({ userId, session, kind: 'exit', sequence, terminate: true, cmi: null, visibleMs });

	it('completes and satisfies a SCO that never calls the API when the learner leaves it, credited the time it was on screen', () => {
		expect(recordCommit(db, sco2004, launch(), T0)).toBe('launched');
		expect(getTracking(db, userId, target.activityId)).toMatchObject({ completionStatus: 'incomplete', attempts: 1 });
		expect(recordCommit(db, sco2004, exit(1, 4 * MIN), T0 + 5 * MIN)).toBe('stored');
		expect(getTracking(db, userId, target.activityId)).toMatchObject({ completionStatus: 'completed', successStatus: 'passed', totalTimeMs: 4 * MIN });
		// the session is over: a second exit (a repeated request) changes nothing
		expect(recordCommit(db, sco2004, exit(2, 9 * MIN), T0 + 9 * MIN)).toBe('stale');
		expect(getTracking(db, userId, target.activityId)!.totalTimeMs).toBe(4 * MIN);
	});

	it('never credits more than the server saw the session open, whatever the player says', () => {
		recordCommit(db, sco2004, launch(), T0);
		recordCommit(db, sco2004, exit(1, 600 * MIN), T0 + 3 * MIN);
		expect(getTracking(db, userId, target.activityId)!.totalTimeMs).toBe(3 * MIN);
	});

	it('leaves a SCO that never calls the API incomplete when the manifest says the content sets completion', () => {
		const byContent = { ...sco2004, deliveryControls: { tracked: true, completionSetByContent: true, objectiveSetByContent: true } };
		recordCommit(db, byContent, launch(), T0);
		recordCommit(db, byContent, exit(1, MIN), T0 + MIN);
		expect(getTracking(db, userId, target.activityId)).toMatchObject({ completionStatus: 'incomplete', successStatus: 'unknown', totalTimeMs: MIN });
	});

	it('applies the defaults when a SCO terminates without a status, but not to a suspended or a reported one', () => {
		recordCommit(db, sco2004, launch(), T0);
		recordCommit(db, sco2004, commit2004(1, { completion_status: 'unknown', success_status: 'unknown', exit: 'suspend' }, { terminate: true }), T0 + MIN);
		expect(getTracking(db, userId, target.activityId)).toMatchObject({ completionStatus: 'incomplete', successStatus: 'unknown' });
		recordCommit(db, sco2004, launch('s2'), T0 + 2 * MIN);
		recordCommit(db, sco2004, commit2004(1, { completion_status: 'completed', success_status: 'failed' }, { session: 's2', terminate: true }), T0 + 3 * MIN);
		expect(getTracking(db, userId, target.activityId)).toMatchObject({ completionStatus: 'completed', successStatus: 'failed' });
		recordCommit(db, sco2004, launch('s3'), T0 + 4 * MIN);
		recordCommit(db, sco2004, commit2004(1, { completion_status: 'unknown', success_status: 'unknown' }, { session: 's3', terminate: true }), T0 + 5 * MIN);
		expect(getTracking(db, userId, target.activityId)).toMatchObject({ completionStatus: 'completed', successStatus: 'passed' });
	});

	it('keeps what the latest session itself reported of its attempt, for the sequencing engine: a new attempt starts with nothing, a resume keeps it', () => {
		recordCommit(db, sco2004, launch(), T0);
		recordCommit(db, sco2004, commit2004(1, { completion_status: 'completed', success_status: 'passed', score: { scaled: '0.9' } }, { terminate: true }), T0 + MIN);
		expect(getScoState(db, userId, target.activityId)?.lastReport).toEqual({ completion: 'completed', success: 'passed', scaled: 0.9 });
		// a retake that does worse: the tracking row keeps the best, the last report is the retake's
		recordCommit(db, sco2004, launch('s2'), T0 + 2 * MIN);
		expect(getScoState(db, userId, target.activityId)?.lastReport).toEqual({});
		recordCommit(db, sco2004, commit2004(1, { completion_status: 'incomplete', success_status: 'failed', score: { scaled: '0.2' }, exit: 'suspend' }, { session: 's2', terminate: true }), T0 + 3 * MIN);
		expect(getTracking(db, userId, target.activityId)).toMatchObject({ successStatus: 'passed', scoreScaled: 0.9 });
		expect(getScoState(db, userId, target.activityId)?.lastReport).toEqual({ completion: 'incomplete', success: 'failed', scaled: 0.2 });
		// resumed: the same attempt goes on, with what it had reported
		recordCommit(db, sco2004, launch('s3'), T0 + 4 * MIN);
		expect(getScoState(db, userId, target.activityId)?.lastReport).toEqual({ completion: 'incomplete', success: 'failed', scaled: 0.2 });
		// SCORM 1.2 has no sequencing: nothing kept
		recordCommit(db, { ...target, activityId: secondId }, launch('s4'), T0 + 5 * MIN);
		recordCommit(db, { ...target, activityId: secondId }, commit(1, { lesson_status: 'passed' }, { session: 's4', terminate: true }), T0 + 6 * MIN);
		expect(getScoState(db, userId, secondId)?.lastReport).toBeNull();
	});

	it('credits the wall-clock time of a SCO that terminates without session_time, once', () => {
		recordCommit(db, sco2004, launch(), T0);
		recordCommit(db, sco2004, commit2004(1, { completion_status: 'incomplete' }), T0 + MIN);
		expect(getTracking(db, userId, target.activityId)!.totalTimeMs).toBe(0);
		recordCommit(db, sco2004, commit2004(2, { completion_status: 'incomplete' }, { terminate: true, visibleMs: 6 * MIN }), T0 + 7 * MIN);
		expect(getTracking(db, userId, target.activityId)!.totalTimeMs).toBe(6 * MIN);
	});

	it('SCORM 1.2 has no such defaults: a SCO that never calls the API is credited its time, not completed', () => {
		recordCommit(db, target, launch(), T0);
		recordCommit(db, target, exit(1, 2 * MIN), T0 + 2 * MIN);
		expect(getTracking(db, userId, target.activityId)).toMatchObject({ completionStatus: 'incomplete', successStatus: 'unknown', totalTimeMs: 2 * MIN });
	});

	it('ends, on the next launch in the package, a silent session whose exit never arrived (no time credited)', () => {
		const siblings = new Map([
			[target.activityId, sco2004.deliveryControls],
			[secondId, sco2004.deliveryControls]
		]);
		recordCommit(db, { ...sco2004, siblings }, launch(), T0);
		// a session that reported something is the SCO's own business
		recordCommit(db, { ...sco2004, activityId: secondId, siblings }, launch('s2'), T0 + MIN);
		recordCommit(db, { ...sco2004, activityId: secondId, siblings }, commit2004(1, { completion_status: 'incomplete' }, { session: 's2' }), T0 + 2 * MIN);
		recordCommit(db, { ...sco2004, activityId: secondId, siblings }, launch('s3'), T0 + 60 * MIN);
		expect(getTracking(db, userId, target.activityId)).toMatchObject({ completionStatus: 'completed', successStatus: 'passed', totalTimeMs: 0 });
		expect(getTracking(db, userId, secondId)).toMatchObject({ completionStatus: 'incomplete', successStatus: 'unknown' });
		expect(events('abandoned')).toHaveLength(1);
	});
});
