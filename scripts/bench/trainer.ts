// Scenario 4: the trainer's pages on the benchmark's database, one request at a time (the time a
// trainer waits for each page: routing, session, queries, rendering, transfer over loopback).
import { load, signIn, startServer, timeGets, watchMemory, type Timing } from './harness';
import { memoryTarget, type ScenarioReport, type Target } from './report';
import { count, ms, table } from './stats';
import { COURSE, TRAINER, type World } from './world';

/** A quiz every demo learner may have attempted: module 1's. */
const QUIZ_MODULE = 'tinh-hinh-va-khung-phap-ly';

/** The trainer pages of one cohort and course, by name. */
export function trainerPages(url: string, cohortId: number, course = COURSE): [string, string][] {
	const base = `${url}/manage/cohorts/${cohortId}/courses/${course}`;
	return [
		['Trainer home (/manage)', `${url}/manage`],
		['Cohort × course report', base],
		['Learner table, first page', `${base}/learners`],
		['Learner table, sorted by a score, filtered', `${base}/learners?status=inProgress&sort=score:${QUIZ_MODULE}&dir=desc`],
		['Learner table CSV (all rows)', `${base}/learners/export`],
		['Item analysis, all attempts', `${base}/quiz/${QUIZ_MODULE}?attempts=all`],
		['Attempts CSV, one quiz', `${base}/quiz/${QUIZ_MODULE}/export`]
	];
}

/** The three pages the issue names: report, learner table, item analysis. */
export const KEY_PAGES = ['Cohort × course report', 'Learner table, first page', 'Item analysis, all attempts'];

export async function timePages(pages: [string, string][], cookie: string, runs: number): Promise<[string, Timing][]> {
	const timings: [string, Timing][] = [];
	for (const [name, url] of pages) timings.push([name, await timeGets(url, cookie, runs)]);
	return timings;
}

export async function trainerScenario(world: World, options: { workers: number; runs: number }): Promise<ScenarioReport> {
	const server = await startServer(world.scratch, { workers: options.workers });
	const watch = watchMemory(server);
	const cohortId = world.cohortIds[0]!;
	const inCohort = world.learners.filter((l) => l.cohortId === cohortId).length;
	let timings: [string, Timing][];
	let memory;
	const loadBefore = load();
	try {
		const cookie = await signIn(server.url, TRAINER.username, TRAINER.password);
		timings = await timePages(trainerPages(server.url, cohortId), cookie, options.runs);
	} finally {
		memory = watch.stop();
		await server.stop();
	}
	const worst = Math.max(...timings.filter(([name]) => KEY_PAGES.includes(name)).map(([, t]) => t.p95));
	const peak = memoryTarget('trainer pages', memory);
	const targets: Target[] = [
		{ what: `Trainer pages p95 (report, learner table, item analysis), cohort of ${count(inCohort)}`, target: '≤ 200 ms', measured: `${ms(worst)} (slowest)`, met: worst <= 200 },
		peak.target
	];
	const markdown = [
		`The trainer who teaches the cohorts, signed in through the form, opens each page of cohort 1 (${count(inCohort)} of the ${count(world.learners.length)} learners; the database also holds the exam and the discussion burst when those scenarios ran first): ${options.runs} sequential requests each after 3 warm-up, ${options.workers} worker process(es).`,
		'',
		table(['page', 'p50', 'p95', 'max'], timings.map(([name, t]) => [name, ms(t.p50), ms(t.p95), ms(t.max)])),
		'',
		`${peak.line} Load average / CPU pressure: ${loadBefore} at the start, ${load()} at the end.`
	].join('\n');
	return { title: 'Trainer pages', markdown, targets, problems: [] };
}
