// `npm run bench:reports`: server time of the trainer pages on a cohort of 1,000 demo learners
// (every module, up to 3 quiz attempts each). Prints a Markdown table for docs/BENCHMARKS.md.
// Options: --learners N (default 1000), --runs N (default 30).
import { parseArgs } from 'node:util';
import { machine, scratchDatabase, signIn, startServer, timeGets } from './harness';
import { ms } from './stats';

const { values } = parseArgs({ options: { learners: { type: 'string', default: '1000' }, runs: { type: 'string', default: '30' } } });
const learners = Number(values.learners);
const runs = Number(values.runs);
const COURSE = 'phong-chong-mai-dam';
const PASSWORD = 'bench-password-2026';

const scratch = scratchDatabase();
try {
	scratch.cli('admin', 'create-user', '--username', 'bench.admin', '--name', 'Bench', '--role', 'admin', '--password', PASSWORD);
	const seeded = performance.now();
	scratch.cli('demo', '--learners', String(learners), '--cohorts', '1', '--code', 'BENCH');
	console.error(`seeded ${learners} learners in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
	const server = await startServer(scratch);
	try {
		const cookie = await signIn(server.url, 'bench.admin', PASSWORD);
		const base = `${server.url}/manage/cohorts/1/courses/${COURSE}`;
		const pages: [string, string][] = [
			['Trainer home (/manage)', `${server.url}/manage`],
			['Cohort × course report', base],
			['Learner table, first page', `${base}/learners`],
			['Learner table, sorted by a score, filtered', `${base}/learners?status=inProgress&sort=score:tinh-hinh-va-khung-phap-ly&dir=desc`],
			['Learner table CSV (all rows)', `${base}/learners/export`],
			['Item analysis, all attempts', `${base}/quiz/tinh-hinh-va-khung-phap-ly?attempts=all`],
			['Attempts CSV, one quiz', `${base}/quiz/tinh-hinh-va-khung-phap-ly/export`]
		];
		console.log(`Trainer pages, ${learners} learners in one cohort; ${runs} sequential requests each after 3 warm-up; ${machine()}; ${new Date().toISOString().slice(0, 10)}`);
		console.log('');
		console.log('| Page | p50 | p95 | max |');
		console.log('| --- | ---: | ---: | ---: |');
		for (const [name, url] of pages) {
			const timing = await timeGets(url, cookie, runs);
			console.log(`| ${name} | ${ms(timing.p50)} | ${ms(timing.p95)} | ${ms(timing.max)} |`);
		}
	} finally {
		await server.stop();
	}
} finally {
	scratch.remove();
}
