import { describe, expect, it } from 'vitest';
import type { Tracking } from '../../tracking/service';
import type { Sco } from '../sco';
import { entryFor, launchData } from './launch';

const sco: Sco = {
	identifier: 'item_1',
	title: 'Bài 1',
	scormType: 'sco',
	launchUrl: 'index.html',
	dataFromLms: 'mode=practice',
	maxTimeAllowed: null,
	timeLimitAction: null,
	rules: { masteryScore: 80, scaledPassingScore: 0.8, completionThreshold: 0.9 },
	deliveryControls: { tracked: true, completionSetByContent: false, objectiveSetByContent: false },
	objectiveIds: []
};
const tracking = (over: Partial<Tracking>): Tracking =>
	({ completionStatus: 'incomplete', successStatus: 'unknown', scoreRaw: 55, scoreMin: 0, scoreMax: 100, scoreScaled: 0.55, totalTimeMs: 3_723_500, location: 'p4', suspendData: 'xyz', ...over }) as Tracking;
const learner = { id: 12, name: 'Nguyễn Thị Lan' };

describe('entryFor', () => {
	it('is ab-initio the first time, resume after a suspended session, empty otherwise', () => {
		expect(entryFor(null, null)).toBe('ab-initio');
		expect(entryFor(tracking({ completionStatus: 'not attempted' }), null)).toBe('ab-initio');
		expect(entryFor(tracking({}), { exit: 'suspend', progressMeasure: null, objectives: [] })).toBe('resume');
		expect(entryFor(tracking({}), { exit: '', progressMeasure: null, objectives: [] })).toBe('');
		expect(entryFor(tracking({}), { exit: 'logout', progressMeasure: null, objectives: [] })).toBe('');
	});
});

describe('launchData', () => {
	it('gives a SCORM 1.2 SCO its learner, bookmark, suspend data, total time and mastery score', () => {
		const data = launchData({ version: '1.2', sco, learner, tracking: tracking({}), state: { exit: 'suspend', progressMeasure: null, objectives: [] } });
		expect(data).toMatchObject({
			core: {
				student_id: '12',
				student_name: 'Nguyễn Thị Lan',
				lesson_location: 'p4',
				credit: 'credit',
				lesson_status: 'incomplete',
				entry: 'resume',
				total_time: '0001:02:03.50',
				lesson_mode: 'normal',
				score: { raw: '55', min: '0', max: '100' }
			},
			suspend_data: 'xyz',
			launch_data: 'mode=practice',
			student_data: { mastery_score: '80' }
		});
		// 1.2 has one status: a result, when there is one
		expect((launchData({ version: '1.2', sco, learner, tracking: tracking({ completionStatus: 'completed', successStatus: 'passed' }), state: null }).core as { lesson_status: string }).lesson_status).toBe('passed');
	});

	it('gives a SCORM 2004 SCO its own names, formats and thresholds, leaving unknown values unset', () => {
		const data = launchData({ version: '2004', sco, learner, tracking: null, state: null });
		expect(data).toMatchObject({
			learner_id: '12',
			learner_name: 'Nguyễn Thị Lan',
			entry: 'ab-initio',
			// RTE 4.2.4: a new attempt's completion is 'unknown' until the content says otherwise
			completion_status: 'unknown',
			success_status: 'unknown',
			total_time: 'PT0H0M0S',
			scaled_passing_score: '0.8',
			completion_threshold: '0.9',
			mode: 'normal',
			credit: 'credit'
		});
		expect(JSON.parse(JSON.stringify(data)).score).toEqual({});
		expect(JSON.parse(JSON.stringify(data)).progress_measure).toBeUndefined();
	});

	it('restores objectives in the shape each version reads', () => {
		const objectives = [{ id: 'o1', success: 'passed' as const, completion: 'completed' as const, scoreRaw: 9, scoreMin: null, scoreMax: 10, scoreScaled: 0.9, progressMeasure: null }];
		expect(launchData({ version: '1.2', sco, learner, tracking: null, state: { exit: '', progressMeasure: null, objectives } }).objectives).toMatchObject({ '0': { id: 'o1', status: 'passed', score: { raw: '9', max: '10' } } });
		expect(launchData({ version: '2004', sco, learner, tracking: null, state: { exit: '', progressMeasure: 0.5, objectives } })).toMatchObject({
			progress_measure: '0.5',
			objectives: { '0': { id: 'o1', success_status: 'passed', completion_status: 'completed', score: { scaled: '0.9', raw: '9' } } }
		});
	});

	it('starts a new SCORM 2004 attempt unknown, keeping only completed and passed; a resume keeps what it had', () => {
		const status = (over: Partial<Tracking>, exit = '') => {
			const data = launchData({ version: '2004', sco, learner, tracking: tracking(over), state: { exit, progressMeasure: null, objectives: [] } });
			return [data.completion_status, data.success_status];
		};
		expect(status({ completionStatus: 'incomplete', successStatus: 'failed' })).toEqual(['unknown', 'unknown']);
		expect(status({ completionStatus: 'completed', successStatus: 'passed' })).toEqual(['completed', 'passed']);
		expect(status({ completionStatus: 'incomplete', successStatus: 'failed' }, 'suspend')).toEqual(['incomplete', 'failed']);
	});

	it('starts cmi.objectives with the objectives the manifest declares, after those the SCO stored (RTE 4.2.17)', () => {
		const stored = [{ id: 'obj_b', success: 'passed' as const, completion: 'completed' as const, scoreRaw: null, scoreMin: null, scoreMax: null, scoreScaled: 0.9, progressMeasure: null }];
		const declared = { ...sco, objectiveIds: ['obj_primary', 'obj_b', 'obj_c'] };
		expect(launchData({ version: '2004', sco: declared, learner, tracking: null, state: null }).objectives).toEqual({
			'0': { id: 'obj_primary', success_status: 'unknown', completion_status: 'unknown', score: {} },
			'1': { id: 'obj_b', success_status: 'unknown', completion_status: 'unknown', score: {} },
			'2': { id: 'obj_c', success_status: 'unknown', completion_status: 'unknown', score: {} }
		});
		const data = JSON.parse(JSON.stringify(launchData({ version: '2004', sco: declared, learner, tracking: null, state: { exit: '', progressMeasure: null, objectives: stored } })));
		expect(Object.values(data.objectives).map((objective) => (objective as { id: string }).id)).toEqual(['obj_b', 'obj_primary', 'obj_c']);
		expect(data.objectives['0']).toMatchObject({ success_status: 'passed', score: { scaled: '0.9' } });
	});
});
