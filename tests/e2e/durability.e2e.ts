// Durability and recovery (issue 8), against the built server; no browser. Each test has its
// own scratch database. Longer runs: `npm run bench:crash`.
import { expect, test } from '@playwright/test';
import { crashCycle, crashWorld, finalCheck } from '../../scripts/bench/durability';

test('crash safety: after SIGKILL mid-burst, every acknowledged write is stored and nothing is half-written', async () => {
	test.setTimeout(90_000);
	const world = await crashWorld(8);
	try {
		let saves = 0;
		for (let cycle = 1; cycle <= 3; cycle++) {
			const result = await crashCycle(world, cycle, 2500);
			expect(result.problems, `cycle ${cycle}, killed after ${result.killedAfterMs} ms`).toEqual([]);
			saves += result.acked.save;
		}
		expect(saves, 'the bursts wrote something before the kills').toBeGreaterThan(0);
		expect(await finalCheck(world)).toEqual([]);
	} finally {
		world.scratch.remove();
	}
});
