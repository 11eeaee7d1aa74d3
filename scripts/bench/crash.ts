// `npm run bench:crash`: the crash-safety cycles of durability.ts, many times over (default 20),
// and a Markdown summary for docs/BENCHMARKS.md. Options: --cycles N, --learners N (default 12),
// --max-kill-ms N (the kill comes 150 ms to N ms into the burst; default 3000).
import { parseArgs } from 'node:util';
import { crashCycle, crashWorld, finalCheck } from './durability';
import { machine } from './harness';

const { values } = parseArgs({ options: { cycles: { type: 'string', default: '20' }, learners: { type: 'string', default: '12' }, 'max-kill-ms': { type: 'string', default: '3000' } } });
const cycles = Number(values.cycles);
const learners = Number(values.learners);
const maxKillMs = Number(values['max-kill-ms']);

const world = await crashWorld(learners);
let failed = 0;
const totals = { start: 0, save: 0, submit: 0, thread: 0, reply: 0, inFlight: 0 };
const began = performance.now();
try {
	console.log(`Crash safety: ${cycles} SIGKILL cycles, ${learners} learners writing at once; ${machine()}; ${new Date().toISOString().slice(0, 10)}`);
	console.log('');
	console.log('| cycle | killed after | starts | autosaves | submits | threads | replies | in flight | problems |');
	console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
	for (let cycle = 1; cycle <= cycles; cycle++) {
		const result = await crashCycle(world, cycle, maxKillMs);
		const a = result.acked;
		for (const kind of ['start', 'save', 'submit', 'thread', 'reply'] as const) totals[kind] += a[kind];
		totals.inFlight += result.inFlight;
		if (result.problems.length) failed++;
		const problems = result.problems.length ? result.problems.slice(0, 3).join('; ') : 'none';
		console.log(`| ${cycle} | ${result.killedAfterMs} ms | ${a.start} | ${a.save} | ${a.submit} | ${a.thread} | ${a.reply} | ${result.inFlight} | ${problems} |`);
	}
	const last = await finalCheck(world);
	if (last.length) failed++;
	console.log('');
	console.log(
		`Acknowledged and found after the kill: ${totals.start} starts, ${totals.save} autosaves, ${totals.submit} submissions, ` +
			`${totals.thread} threads, ${totals.reply} replies; ${totals.inFlight} requests were in flight at a kill. ` +
			`Cycles with a problem: ${failed}. Serves after the last restart: ${last.length ? last.join('; ') : 'yes'}. ` +
			`${((performance.now() - began) / 1000).toFixed(0)} s.`
	);
} finally {
	world.scratch.remove();
}
process.exit(failed ? 1 : 0);
