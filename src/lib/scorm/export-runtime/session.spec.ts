import { describe, expect, it } from 'vitest';
import { fakeApi } from './fake-api';
import { connectLms } from './lms';
import { ScoSession } from './session';

function start(initial: Record<string, string> = {}) {
	const lms = fakeApi(initial);
	const session = new ScoSession(connectLms({ API: lms.api }), 1_000);
	return { ...lms, session };
}

const sets = (calls: string[]) => calls.filter((call) => call.startsWith('set '));

describe('ScoSession reports a visit in the SCORM 1.2 data model', () => {
	it('marks a first visit incomplete and has nothing to resume', () => {
		const { session, store } = start({ 'cmi.core.lesson_status': 'not attempted', 'cmi.core.entry': 'ab-initio' });
		expect(store['cmi.core.lesson_status']).toBe('incomplete');
		expect(session.resumeLocation).toBeNull();
	});

	it('never takes back a status an earlier visit earned', () => {
		for (const status of ['completed', 'passed', 'failed']) {
			const { calls, store } = start({ 'cmi.core.lesson_status': status });
			expect(store['cmi.core.lesson_status']).toBe(status);
			expect(sets(calls)).toEqual([]);
		}
	});

	it('resumes at the bookmark only when the LMS says the visit resumes', () => {
		const saved = { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.lesson_location': 'duong-chuyen-gui' };
		expect(start({ ...saved, 'cmi.core.entry': 'resume' }).session.resumeLocation).toBe('duong-chuyen-gui');
		expect(start({ ...saved, 'cmi.core.entry': '' }).session.resumeLocation).toBeNull();
	});

	it('saves the section being read when it changes', () => {
		const { session, calls } = start();
		session.read('mo-dau');
		session.read('mo-dau');
		session.read(null);
		session.read('ket-luan');
		expect(sets(calls).filter((call) => call.includes('lesson_location'))).toEqual([
			'set cmi.core.lesson_location=mo-dau',
			'set cmi.core.lesson_location=ket-luan'
		]);
	});

	it('completes a lesson read to the end, once, and commits', () => {
		const { session, calls, store } = start();
		session.completeReading();
		session.completeReading();
		expect(store['cmi.core.lesson_status']).toBe('completed');
		expect(calls.filter((call) => call === 'set cmi.core.lesson_status=completed')).toHaveLength(1);
		expect(calls.at(-1)).toBe('LMSCommit');
	});

	it('reports a quiz as score 0–100 and passed or failed', () => {
		const { session, store } = start();
		session.recordQuiz(55, false, '{"attempts":[55]}');
		expect(store).toMatchObject({
			'cmi.core.score.raw': '55',
			'cmi.core.score.min': '0',
			'cmi.core.score.max': '100',
			'cmi.core.lesson_status': 'failed',
			'cmi.suspend_data': '{"attempts":[55]}'
		});
		session.recordQuiz(80, true, '{"attempts":[55,80]}');
		expect(store['cmi.core.lesson_status']).toBe('passed');
		// a passed quiz is not "completed" afterwards by reading to the end
		session.completeReading();
		expect(store['cmi.core.lesson_status']).toBe('passed');
	});

	it('takes the mastery score from the LMS when it has one', () => {
		expect(start({ 'cmi.student_data.mastery_score': '80' }).session.masteryScore(70)).toBe(80);
		expect(start({ 'cmi.student_data.mastery_score': '' }).session.masteryScore(70)).toBe(70);
		expect(start({ 'cmi.student_data.mastery_score': 'abc' }).session.masteryScore(70)).toBe(70);
	});

	it('leaves an unfinished module suspended, with the session time, then finishes once', () => {
		const { session, calls, store } = start();
		session.end(1_000 + 83_450);
		session.end(1_000 + 99_000);
		expect(store['cmi.core.session_time']).toBe('0000:01:23.45');
		expect(store['cmi.core.exit']).toBe('suspend');
		expect(calls.slice(-4)).toEqual(['set cmi.core.session_time=0000:01:23.45', 'set cmi.core.exit=suspend', 'LMSCommit', 'LMSFinish']);
		expect(calls.filter((call) => call === 'LMSFinish')).toHaveLength(1);
	});

	it('leaves a finished module without suspending it', () => {
		const { session, store } = start();
		session.completeReading();
		session.end(2_000);
		expect(store['cmi.core.exit']).toBe('');
	});

	it('saves time and exit mode at a checkpoint without finishing', () => {
		const { session, calls } = start();
		session.checkpoint(4_000);
		expect(calls.slice(-3)).toEqual(['set cmi.core.session_time=0000:00:03.00', 'set cmi.core.exit=suspend', 'LMSCommit']);
		expect(calls).not.toContain('LMSFinish');
	});
});
