import { describe, expect, it } from 'vitest';
import { CmiError, LIMITS, readCommit12, readCommit2004, type ScoRules } from './cmi';

const RULES: ScoRules = { masteryScore: null, scaledPassingScore: null, completionThreshold: null, credit: true };

const core12 = (core: Record<string, unknown>, rest: Record<string, unknown> = {}) => ({ core, ...rest });

describe('SCORM 1.2 lesson_status mapping', () => {
	it.each([
		['passed', 'completed', 'passed'],
		['completed', 'completed', 'unknown'],
		['failed', 'completed', 'failed'],
		['incomplete', 'incomplete', 'unknown'],
		['browsed', 'incomplete', 'unknown'],
		['not attempted', 'not attempted', 'unknown']
	])('%s → completion %s, success %s', (status, completion, success) => {
		const report = readCommit12(core12({ lesson_status: status }), RULES);
		expect(report.completion).toBe(completion);
		expect(report.success).toBe(success);
	});

	it('completes a SCO that finishes without ever setting a status, and only when it finishes', () => {
		expect(readCommit12(core12({ lesson_status: 'not attempted' }), RULES, { finishing: true }).completion).toBe('completed');
		expect(readCommit12(core12({}), RULES, { finishing: true }).completion).toBe('completed');
		expect(readCommit12(core12({ lesson_status: 'not attempted' }), RULES).completion).toBe('not attempted');
		expect(readCommit12(core12({ lesson_status: 'incomplete' }), RULES, { finishing: true }).completion).toBe('incomplete');
	});

	it('lets the mastery score decide passed or failed once the SCO says it is finished', () => {
		const rules = { ...RULES, masteryScore: 80 };
		expect(readCommit12(core12({ lesson_status: 'completed', score: { raw: '85' } }), rules).success).toBe('passed');
		expect(readCommit12(core12({ lesson_status: 'passed', score: { raw: '79.5' } }), rules).success).toBe('failed');
		expect(readCommit12(core12({ lesson_status: 'failed', score: { raw: '80' } }), rules).success).toBe('passed');
		// not finished yet: not judged
		expect(readCommit12(core12({ lesson_status: 'incomplete', score: { raw: '90' } }), rules)).toMatchObject({ completion: 'incomplete', success: 'unknown' });
		// no score: the SCO's own verdict stands
		expect(readCommit12(core12({ lesson_status: 'passed' }), rules).success).toBe('passed');
		// no credit: the mastery score doesn't apply
		expect(readCommit12(core12({ lesson_status: 'completed', score: { raw: '10' } }), { ...rules, credit: false }).success).toBe('unknown');
	});

	it('reads score, location, suspend data, exit, session time, interactions and objectives', () => {
		const report = readCommit12(
			core12(
				{ lesson_status: 'incomplete', lesson_location: 'page-3', exit: 'suspend', session_time: '00:05:00', score: { raw: '50', min: '0', max: '100' } },
				{
					suspend_data: 'x'.repeat(LIMITS.suspendData),
					interactions: { '0': { id: 'q1', type: 'choice', student_response: 'b', result: 'wrong', correct_responses: { '0': { pattern: 'a' } }, weighting: '1', latency: '00:00:12', time: '10:00:00' } },
					objectives: { '0': { id: 'obj-1', status: 'passed', score: { raw: '90', min: '', max: '' } } }
				}
			),
			RULES
		);
		expect(report).toMatchObject({ scoreRaw: 50, scoreMin: 0, scoreMax: 100, location: 'page-3', exit: 'suspend', sessionTimeMs: 300_000 });
		expect(report.suspendData).toHaveLength(LIMITS.suspendData);
		expect(report.interactions).toEqual([
			{ position: 0, identifier: 'q1', type: 'choice', description: null, learnerResponse: 'b', correctResponses: ['a'], result: 'wrong', weighting: 1, latency: '00:00:12', timestamp: '10:00:00' }
		]);
		expect(report.objectives).toEqual([
			{ id: 'obj-1', success: 'passed', completion: 'completed', scoreRaw: 90, scoreMin: null, scoreMax: null, scoreScaled: null, progressMeasure: null }
		]);
	});

	it('refuses what a real SCO could not have set, naming the field', () => {
		const cases: [unknown, string][] = [
			['nope', 'cmi'],
			[core12({ lesson_status: 'done' }), 'cmi.core.lesson_status'],
			[core12({ score: { raw: '101' } }), 'cmi.core.score.raw'],
			[core12({ score: { raw: 'abc' } }), 'cmi.core.score.raw'],
			[core12({ session_time: 'PT5M' }), 'cmi.core.session_time'],
			[core12({ exit: 'later' }), 'cmi.core.exit'],
			[core12({}, { suspend_data: 'x'.repeat(LIMITS.suspendData + 1) }), 'cmi.suspend_data'],
			[core12({ lesson_location: { nested: true } }), 'cmi.core.lesson_location'],
			[core12({}, { interactions: 'x' }), 'cmi.interactions'],
			[core12({}, { interactions: { '9999': { id: 'q' } } }), 'cmi.interactions.9999']
		];
		for (const [cmi, field] of cases) {
			expect(() => readCommit12(cmi, RULES), field).toThrow(CmiError);
			try {
				readCommit12(cmi, RULES);
			} catch (err) {
				expect((err as CmiError).field).toBe(field);
			}
		}
	});
});

describe('SCORM 2004 status mapping', () => {
	it('keeps completion and success apart', () => {
		expect(readCommit2004({ completion_status: 'completed', success_status: 'failed' }, RULES)).toMatchObject({ completion: 'completed', success: 'failed' });
		expect(readCommit2004({ completion_status: 'unknown' }, RULES)).toMatchObject({ completion: 'incomplete', success: 'unknown' });
		expect(readCommit2004({}, RULES)).toMatchObject({ completion: 'incomplete', success: 'unknown' });
	});

	it('lets the scaled passing score decide success when score.scaled is set', () => {
		const rules = { ...RULES, scaledPassingScore: 0.8 };
		expect(readCommit2004({ success_status: 'failed', score: { scaled: '0.8' } }, rules).success).toBe('passed');
		expect(readCommit2004({ success_status: 'passed', score: { scaled: '0.5' } }, rules).success).toBe('failed');
		expect(readCommit2004({ success_status: 'passed' }, rules).success).toBe('passed');
	});

	it('lets the completion threshold decide completion when progress_measure is set', () => {
		const rules = { ...RULES, completionThreshold: 0.75 };
		expect(readCommit2004({ completion_status: 'incomplete', progress_measure: '0.75' }, rules).completion).toBe('completed');
		expect(readCommit2004({ completion_status: 'completed', progress_measure: '0.5' }, rules).completion).toBe('incomplete');
	});

	it('reads the 2004 names of location, session time and interactions', () => {
		const report = readCommit2004(
			{
				location: 'p2',
				session_time: 'PT1M30S',
				exit: 'suspend',
				score: { scaled: '0.9', raw: '9', min: '0', max: '10' },
				interactions: { '0': { id: 'q1', type: 'true-false', learner_response: 'true', result: 'correct', timestamp: '2026-11-29T10:00:00', description: 'Câu 1' } }
			},
			RULES
		);
		expect(report).toMatchObject({ location: 'p2', sessionTimeMs: 90_000, exit: 'suspend', scoreScaled: 0.9, scoreRaw: 9 });
		expect(report.interactions[0]).toMatchObject({ identifier: 'q1', learnerResponse: 'true', description: 'Câu 1', timestamp: '2026-11-29T10:00:00' });
	});

	it('refuses out-of-range or malformed values', () => {
		expect(() => readCommit2004({ score: { scaled: '1.5' } }, RULES)).toThrow(CmiError);
		expect(() => readCommit2004({ completion_status: 'done' }, RULES)).toThrow(CmiError);
		expect(() => readCommit2004({ session_time: '00:01:00' }, RULES)).toThrow(CmiError);
		expect(() => readCommit2004({ progress_measure: '2' }, RULES)).toThrow(CmiError);
	});
});
