// `npm run bench`: the load benchmarks of issue 8 on the production build, served with every core
// (scripts/cluster.js). Prints docs/BENCHMARKS.md's sections, then the targets with the measured
// figure beside each; exits 1 when a scenario found errors, lost writes or wrong counts.
//   --only lesson,quiz,discussion,trainer,growth   run some scenarios (default: all)
//   --quick                                        small sizes and short runs, to try it out
//   --learners N --cohorts N --sizes 100,1000,10000 --seconds N --workers N
//   --connections 10,50,200                        the lesson page's runs
//   --bursts 60,10,3                               exam day: seconds over which everyone starts
//   --modes single,cluster                         exam day on `npm start`, on `npm run start:cluster`, or both
//   --save-seconds 60                              exam day: seconds over which each learner's autosaves are spread
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { load, machine } from './harness';
import { discussionScenario } from './discussion';
import { growthScenario } from './growth';
import { lessonScenario } from './lesson';
import { quizScenario } from './quiz';
import { trainerScenario } from './trainer';
import type { ScenarioReport } from './report';
import { table } from './stats';
import { seedWorld } from './world';

const SCENARIOS = ['lesson', 'quiz', 'discussion', 'trainer', 'growth'] as const;
type Scenario = (typeof SCENARIOS)[number];

const { values } = parseArgs({
	options: {
		only: { type: 'string' },
		quick: { type: 'boolean', default: false },
		learners: { type: 'string' },
		cohorts: { type: 'string', default: '3' },
		sizes: { type: 'string' },
		seconds: { type: 'string' },
		connections: { type: 'string' },
		workers: { type: 'string' },
		bursts: { type: 'string' },
		modes: { type: 'string' },
		'save-seconds': { type: 'string' }
	}
});
const quick = values.quick;
const only = new Set((values.only ?? SCENARIOS.join(',')).split(',').map((s) => s.trim()) as Scenario[]);
for (const name of only) if (!SCENARIOS.includes(name)) throw new Error(`--only: no scenario "${name}" (${SCENARIOS.join(', ')})`);
const learners = Number(values.learners ?? (quick ? 200 : 1000));
const cohorts = Number(values.cohorts);
const seconds = Number(values.seconds ?? (quick ? 4 : 10));
const workers = Number(values.workers ?? availableParallelism());
/** the exam's start bursts, seconds: a minute (issue 16), then 10 s and 3 s (issue 21) */
const bursts = (values.bursts ?? (quick ? '20,3' : '60,10,3')).split(',').map(Number);
/** exam day is run on one process (`npm start`) and on the cluster (`npm run start:cluster`) */
const modes = (values.modes ?? 'single,cluster').split(',').map((m) => m.trim());
for (const mode of modes) if (mode !== 'single' && mode !== 'cluster') throw new Error(`--modes: "${mode}" is neither single nor cluster`);

const started = new Date();
const loadAtStart = load();
const reports: ScenarioReport[] = [];
const needsWorld = [...only].some((s) => s !== 'growth');
if (needsWorld) {
	console.error(`seeding ${learners} learners in ${cohorts} cohorts…`);
	const world = seedWorld({ learners, cohorts, code: 'BENCH' });
	console.error(`seeded in ${world.seedSeconds.toFixed(0)} s`);
	try {
		const connections = values.connections?.split(',').map(Number) ?? (quick ? [10, 50] : [10, 50, 200]);
		if (only.has('lesson')) reports.push(await lessonScenario(world, { connections, seconds, workers }));
		// quick: the same shape over a third of the time
		const span = quick ? 1 / 3 : 1;
		if (only.has('quiz')) {
			// exam day: the whole hall starts within each burst, on an exam of its own (issues 16, 21)
			let exam = 20;
			for (const burst of bursts) {
				for (const mode of modes) {
					const options = { workers: mode === 'single' ? 0 : workers, startMs: burst * 1000, saveMs: values['save-seconds'] ? Number(values['save-seconds']) * 1000 : 60_000 * span, submitMs: 3_000, saves: 10 };
					reports.push(await quizScenario(world, { ...options, examNumber: exam, examModule: `thi-chung-${exam++}` }));
				}
			}
		}
		if (only.has('discussion')) {
			reports.push(await discussionScenario(world, { workers, windowMs: 60_000 * span, writerShare: 0.3, postsPerWriter: 3, visitsPerReader: 6 }));
		}
		if (only.has('trainer')) reports.push(await trainerScenario(world, { workers, runs: quick ? 10 : 30 }));
	} finally {
		world.scratch.remove();
	}
}

if (only.has('growth')) {
	const sizes = values.sizes?.split(',').map(Number) ?? (quick ? [100, 300] : [100, 1000, 10_000]);
	reports.push(await growthScenario({ sizes, workers, seconds, connections: 50, runs: quick ? 10 : 20 }));
}

console.log(`# Load benchmarks — ${started.toISOString().slice(0, 10)}`);
console.log('');
console.log(
	`Command: \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`; ${machine()}; \`nproc\` ${availableParallelism()}; ` +
		`load average / CPU pressure (share of the last minute some task waited for a CPU) at the start ${loadAtStart}, at the end ${load()}; ` +
		`${workers} server worker(s); ${learners} learners in ${cohorts} cohorts; ${Math.round((Date.now() - started.getTime()) / 1000)} s in all.`
);
for (const report of reports) {
	console.log('');
	console.log(`## ${report.title}`);
	console.log('');
	console.log(report.markdown);
}
console.log('');
console.log('## Targets');
console.log('');
console.log(table(['what', 'target', 'measured', 'met'], reports.flatMap((r) => r.targets).map((t) => [t.what, t.target, t.measured, t.met ? 'yes' : '**no**']), 9));
const problems = reports.flatMap((r) => r.problems);
if (problems.length) {
	console.log('');
	console.log(`Problems: ${problems.length}`);
	for (const problem of problems.slice(0, 50)) console.log(`- ${problem}`);
}
process.exit(problems.length ? 1 : 0);
