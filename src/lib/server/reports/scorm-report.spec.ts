import path from 'node:path';
import os from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../courses/catalog';
import { addMember, createCohort } from '../cohorts/service';
import { openDatabase } from '../db/open';
import { readPackage } from '../scorm/import';
import { placePackage } from '../scorm/place';
import { recordCommit } from '../scorm/runtime/commit';
import { insertUser } from '../users/service';
import { scormReport, summariseInteractions } from './scorm-report';

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
