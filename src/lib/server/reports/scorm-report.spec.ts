import path from 'node:path';
import os from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCatalog, moduleAttachments } from '../courses/catalog';
import { addMember, createCohort } from '../cohorts/service';
import { openDatabase } from '../db/open';
import { readPackage } from '../scorm/import';
import { placePackage } from '../scorm/place';
import { recordCommit } from '../scorm/runtime/commit';
import { insertUser } from '../users/service';
import { endForLearner, openForLearner, sequencedPackage } from '../scorm/sequencing/navigation';
import { activityRecords } from './learner-detail';
import { scormReport, summariseInteractions } from './scorm-report';
import { mean } from './stats';

const T0 = Date.UTC(2026, 10, 29, 2);
const storage = mkdtempSync(path.join(os.tmpdir(), 'taphuan-scorm-report-'));
afterAll(() => rmSync(storage, { recursive: true, force: true }));

describe('summariseInteractions', () => {
	it('counts answers, the share judged correct and the most frequent responses', () => {
		const answer = (identifier: string, learner_response: string, result: string) => ({ identifier, description: null, type: 'choice', learner_response, result });
		expect(summariseInteractions([answer('q1', 'a', 'correct'), answer('q1', 'b', 'wrong'), answer('q1', 'a', 'correct'), answer('q2', 'x', 'neutral')])).toEqual([
			{ identifier: 'q1', description: null, type: 'choice', answered: 3, correctPercent: 67, topResponses: [{ response: 'a', count: 2 }, { response: 'b', count: 1 }] },
			{ identifier: 'q2', description: null, type: 'choice', answered: 1, correctPercent: null, topResponses: [{ response: 'x', count: 1 }] }
		]);
	});
});

describe('scormReport', () => {
	it('summarises each SCO and each interaction for the cohort’s learners only', async () => {
		const db = openDatabase(':memory:');
		const catalog0 = buildCatalog(db, 'courses', T0);
		const course = catalog0.courses[0]!;
		const imported = await readPackage('/work/shared/fixtures/scorm/scorm12-runtime-basic-calls.zip', storage);
		if (!imported.ok) throw new Error('import');
		const attachment = placePackage(db, imported, 1, { kind: 'attach', courseSlug: course.slug, moduleSlug: course.modules[1]!.slug, title: 'Golf' }, null, T0);
		const sco = attachment.scos[0]!;
		const cohort = createCohort(db, { name: 'Lớp', enrolCode: 'LOP-1', courseIds: [course.slug], trainerIds: [], createdBy: null }, T0);
		const target = { activityId: sco.activityId, packageId: attachment.package.id, version: '1.2' as const, scormType: 'sco' as const, rules: sco.rules, deliveryControls: sco.deliveryControls };
		const learners = ['an', 'binh', 'chi'].map((name) => insertUser(db, { username: name, displayName: name, password: 'x', role: 'learner' }, 'x', T0).id);
		const outsider = insertUser(db, { username: 'ngoai', displayName: 'Ngoài', password: 'x', role: 'learner' }, 'x', T0).id;
		for (const id of learners) addMember(db, cohort.id, id, 'learner', T0);
		const commit = (userId: number, session: string, status: string, raw: string, response: string, result: string) => {
			recordCommit(db, target, { userId, session, kind: 'launch', sequence: 0, terminate: false, cmi: null }, T0);
			recordCommit(db, target, { userId, session, kind: 'commit', sequence: 1, terminate: true, cmi: { core: { lesson_status: status, score: { raw }, session_time: '00:10:00' }, interactions: { '0': { id: 'q1', type: 'choice', student_response: response, result } } } }, T0 + 20 * 60_000);
		};
		commit(learners[0]!, 'session-a1', 'passed', '90', 'b', 'correct');
		commit(learners[1]!, 'session-b1', 'failed', '40', 'c', 'wrong');
		commit(outsider, 'session-x1', 'passed', '100', 'b', 'correct');

		const [summary] = scormReport(db, buildCatalog(db, 'courses', T0), cohort.id, course);
		expect(summary).toMatchObject({ title: 'Golf', learners: 3 });
		expect(summary!.scos).toEqual([
			{ activityId: sco.activityId, title: 'Golf Explained', started: 2, completed: 2, passed: 1, failed: 1, averageScore: 65, medianMinutes: 10 }
		]);
		expect(summary!.interactions).toEqual([
			{ identifier: 'q1', description: null, type: 'choice', answered: 2, correctPercent: 50, topResponses: [{ response: 'b', count: 1 }, { response: 'c', count: 1 }] }
		]);
	});
});

describe('scormReport: a SCORM 2004 package’s own line', () => {
	it('counts the package’s rollup for the cohort as each learner’s page shows it, beside its SCOs', async () => {
		const db = openDatabase(':memory:');
		const course = buildCatalog(db, 'courses', T0).courses[0]!;
		const imported = await readPackage('/work/shared/fixtures/scorm/scorm2004-sequencing-pre-or-post-test-rollup.zip', storage);
		if (!imported.ok) throw new Error('import');
		const placed = placePackage(db, imported, 1, { kind: 'attach', courseSlug: course.slug, moduleSlug: course.modules[1]!.slug, title: 'Kiểm tra trước' }, null, T0);
		const catalog = buildCatalog(db, 'courses', T0);
		const attachment = moduleAttachments(catalog, course, course.modules[1]!).find((a) => a.id === placed.id)!;
		const pkg = sequencedPackage(db, attachment)!;
		const cohort = createCohort(db, { name: 'Lớp', enrolCode: 'LOP-2', courseIds: [course.slug], trainerIds: [], createdBy: null }, T0);
		const [an, binh, chi, dung] = ['an', 'binh', 'chi', 'dung'].map((name) => insertUser(db, { username: name, displayName: name, password: 'x', role: 'learner' }, 'x', T0).id);
		const outsider = insertUser(db, { username: 'ngoai', displayName: 'Ngoài', password: 'x', role: 'learner' }, 'x', T0).id;
		for (const id of [an!, binh!, chi!, dung!]) addMember(db, cohort.id, id, 'learner', T0);
		const pretest = (userId: number, success: 'passed' | 'failed', scoreScaled: number) => {
			expect(openForLearner(db, userId, attachment, pkg, null).delivery).toEqual({ ok: true, identifier: 'pretest_item' });
			const report = { completion: 'completed', completionKnown: true, success, scoreScaled, progressMeasure: null, exit: '' } as const;
			endForLearner(db, userId, attachment, pkg, 'pretest_item', report, 'continue');
		};
		pretest(an!, 'passed', 0.9);
		pretest(binh!, 'passed', 0.8);
		pretest(chi!, 'failed', 0.3);
		pretest(outsider, 'passed', 1);
		// dung never opens it

		const [summary] = scormReport(db, catalog, cohort.id, course);
		// the engine's rollup: a failed pre-test fails the package (still incomplete) with its score
		expect(summary!.rollup).toEqual({ activityId: attachment.packageActivityId, started: 3, completed: 2, passed: 2, failed: 1, averagePercent: 67 });
		// its SCOs are still listed, each on its own (their rows come from their commits, not made here)
		expect(summary!.scos.map((s) => s.title)).toContain('Pre Test');

		// every figure is the sum of what the learners' pages show on their package line
		const lines = [an!, binh!, chi!, dung!]
			.map((id) => activityRecords(db, catalog, course, id).find((r) => r.activityId === attachment.packageActivityId)!)
			.map((r) => r.tracking)
			.filter((t) => t !== null && t.completionStatus !== 'not attempted');
		expect(summary!.rollup).toMatchObject({
			started: lines.length,
			completed: lines.filter((t) => t!.completionStatus === 'completed').length,
			passed: lines.filter((t) => t!.successStatus === 'passed').length,
			failed: lines.filter((t) => t!.successStatus === 'failed').length,
			averagePercent: Math.round(mean(lines.flatMap((t) => (t!.scoreScaled === null ? [] : [t!.scoreScaled * 100])))!)
		});
	});

	it('has no package line for SCORM 1.2 (the module counts each SCO)', async () => {
		const db = openDatabase(':memory:');
		const course = buildCatalog(db, 'courses', T0).courses[0]!;
		const imported = await readPackage('/work/shared/fixtures/scorm/scorm12-runtime-basic-calls.zip', storage);
		if (!imported.ok) throw new Error('import');
		placePackage(db, imported, 1, { kind: 'attach', courseSlug: course.slug, moduleSlug: course.modules[1]!.slug, title: 'Golf' }, null, T0);
		const cohort = createCohort(db, { name: 'Lớp', enrolCode: 'LOP-3', courseIds: [course.slug], trainerIds: [], createdBy: null }, T0);
		expect(scormReport(db, buildCatalog(db, 'courses', T0), cohort.id, course)[0]!.rollup).toBeNull();
	});
});
