// `npm run bench:reports`: server time of the trainer pages on a cohort of 1,000 demo learners
// (every module, up to 3 quiz attempts each). Prints a Markdown table for docs/BENCHMARKS.md.
// Options: --learners N (default 1000), --runs N (default 30).
import { parseArgs } from 'node:util';
import { machine, scratchDatabase, signIn, startServer } from './harness';
import { ms } from './stats';
import { timePages, trainerPages } from './trainer';

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
		console.log(`Trainer pages, ${learners} learners in one cohort; ${runs} sequential requests each after 3 warm-up; ${machine()}; ${new Date().toISOString().slice(0, 10)}`);
		console.log('');
		console.log('| Page | p50 | p95 | max |');
		console.log('| --- | ---: | ---: | ---: |');
		for (const [name, timing] of await timePages(trainerPages(server.url, 1, COURSE), cookie, runs)) {
			console.log(`| ${name} | ${ms(timing.p50)} | ${ms(timing.p95)} | ${ms(timing.max)} |`);
		}
	} finally {
		await server.stop();
	}
} finally {
	scratch.remove();
}
