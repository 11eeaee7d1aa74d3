import { describe, expect, it } from 'vitest';
import type { CompletionRule } from '../courses/loader';
import { evaluateCompletion, type CompletionFacts } from './completion-rule';

const RULE: CompletionRule = { modules: ['mo-dau', 'phap-luat'], finalAssessment: 'kiem-tra', sessions: 2, minStudyMinutes: 60 };
const NOTHING: CompletionFacts = { completedModules: new Set(), finalAssessmentPassed: false, sessionsAttended: 0, studyMinutes: 0 };
const EVERYTHING: CompletionFacts = { completedModules: new Set(['mo-dau', 'phap-luat']), finalAssessmentPassed: true, sessionsAttended: 2, studyMinutes: 60 };

describe('evaluateCompletion', () => {
	it('with modules only (the old all-modules): complete once every required module is', () => {
		const rule: CompletionRule = { modules: ['mo-dau', 'phap-luat'], finalAssessment: null, sessions: 0, minStudyMinutes: 0 };
		expect(evaluateCompletion(rule, NOTHING)).toMatchObject({ complete: false, left: [{ kind: 'module', slug: 'mo-dau' }, { kind: 'module', slug: 'phap-luat' }] });
		expect(evaluateCompletion(rule, { ...NOTHING, completedModules: new Set(['phap-luat']) }).left).toEqual([{ kind: 'module', slug: 'mo-dau', done: false }]);
		// a module outside the rule is not needed; sessions and time do not matter when the rule asks none
		expect(evaluateCompletion(rule, { ...NOTHING, completedModules: new Set(['mo-dau', 'phap-luat']) })).toEqual({
			complete: true,
			items: [
				{ kind: 'module', slug: 'mo-dau', done: true },
				{ kind: 'module', slug: 'phap-luat', done: true }
			],
			left: []
		});
	});

	it('with every condition: complete only when all are met; each one missing alone keeps it incomplete', () => {
		expect(evaluateCompletion(RULE, EVERYTHING)).toMatchObject({ complete: true, left: [] });
		expect(evaluateCompletion(RULE, NOTHING).left.map((i) => i.kind)).toEqual(['module', 'module', 'finalAssessment', 'sessions', 'studyTime']);
		const missingOne: [Partial<CompletionFacts>, string][] = [
			[{ completedModules: new Set(['mo-dau']) }, 'module'],
			[{ finalAssessmentPassed: false }, 'finalAssessment'],
			[{ sessionsAttended: 1 }, 'sessions'],
			[{ studyMinutes: 59 }, 'studyTime']
		];
		for (const [change, kind] of missingOne) {
			const result = evaluateCompletion(RULE, { ...EVERYTHING, ...change });
			expect(result.complete).toBe(false);
			expect(result.left.map((i) => i.kind)).toEqual([kind]);
		}
	});

	it('every combination of the four conditions: complete exactly when each is met', () => {
		for (let mask = 0; mask < 16; mask++) {
			const facts: CompletionFacts = {
				completedModules: mask & 1 ? new Set(['mo-dau', 'phap-luat']) : new Set(['mo-dau']),
				finalAssessmentPassed: Boolean(mask & 2),
				sessionsAttended: mask & 4 ? 3 : 1,
				studyMinutes: mask & 8 ? 120 : 10
			};
			const result = evaluateCompletion(RULE, facts);
			expect(result.complete).toBe(mask === 15);
			expect(result.left).toHaveLength(4 - [1, 2, 4, 8].filter((bit) => mask & bit).length);
		}
	});

	it('counts what is left: sessions attended and minutes studied so far', () => {
		const result = evaluateCompletion(RULE, { ...EVERYTHING, sessionsAttended: 1, studyMinutes: 45 });
		expect(result.left).toEqual([
			{ kind: 'sessions', required: 2, attended: 1, done: false },
			{ kind: 'studyTime', requiredMinutes: 60, minutes: 45, done: false }
		]);
	});

	it('with only a final assessment and no required module, or only sessions', () => {
		const finalOnly: CompletionRule = { modules: [], finalAssessment: 'kiem-tra', sessions: 0, minStudyMinutes: 0 };
		expect(evaluateCompletion(finalOnly, NOTHING).complete).toBe(false);
		expect(evaluateCompletion(finalOnly, { ...NOTHING, finalAssessmentPassed: true }).complete).toBe(true);
		const sessionsOnly: CompletionRule = { modules: [], finalAssessment: null, sessions: 1, minStudyMinutes: 0 };
		expect(evaluateCompletion(sessionsOnly, NOTHING).left).toEqual([{ kind: 'sessions', required: 1, attended: 0, done: false }]);
		expect(evaluateCompletion(sessionsOnly, { ...NOTHING, sessionsAttended: 1 }).complete).toBe(true);
	});
});
