// Durability and recovery (issue 8), against the built server; no browser. Each test has its
// own scratch database. Longer runs: `npm run bench:crash`.
import { expect, test } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkDatabase, crashCycle, crashWorld, finalCheck, servesAgain } from '../../scripts/bench/durability';
import { startServer } from '../../scripts/bench/harness';
import { runWorkload, type Logged, type WriteLog } from '../../scripts/bench/workload';

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

test('backup under load: restored into a fresh folder, the app starts and holds every write acknowledged before the backup began', async () => {
	test.setTimeout(90_000);
	const world = await crashWorld(6);
	const { scratch } = world;
	try {
		const server = await startServer(scratch);
		const log: WriteLog = { writes: [], unexpected: [] };
		let running = true;
		const work = runWorkload(server.url, world.learners, () => running, log, 'backup');
		await new Promise((r) => setTimeout(r, 1500));
		const backupStartedAt = Date.now();
		const backup = join(scratch.dir, 'backups', 'taphuan-backup.db');
		mkdirSync(dirname(backup));
		await scratch.cliAsync('admin', 'backup', '--out', backup);
		const backupEndedAt = Date.now();
		await new Promise((r) => setTimeout(r, 500));
		running = false;
		await work;
		await server.stop();
		expect(log.unexpected).toEqual([]);
		const during = log.writes.filter((w) => w.acked && w.ackedAt! >= backupStartedAt);
		expect(during.length, 'writes went on while the backup ran').toBeGreaterThan(0);
		expect(log.writes.filter((w) => w.acked && w.ackedAt! < backupStartedAt).length).toBeGreaterThan(0);

		// the restore, as docs/operations.md tells it: the backup file becomes DATABASE_PATH
		// (no -wal or -shm beside it), the server starts, /healthz and a page answer
		expect(scratch.cli('admin', 'verify', '--file', backup)).toContain('intact');
		const fresh = join(scratch.dir, 'restored');
		mkdirSync(fresh);
		copyFileSync(backup, join(fresh, 'taphuan.db'));
		const restored = { ...scratch, env: { ...scratch.env, DATABASE_PATH: join(fresh, 'taphuan.db') } };
		const again = await startServer(restored);
		try {
			expect(await servesAgain(again.url, world.learners[0]!)).toEqual([]);
		} finally {
			await again.stop();
		}
		const acknowledgedBefore = (w: Logged) => w.acked && w.ackedAt! < backupStartedAt;
		expect(checkDatabase(join(fresh, 'taphuan.db'), log.writes, acknowledgedBefore)).toEqual([]);
		console.log(`backup took ${backupEndedAt - backupStartedAt} ms; ${during.length} writes acknowledged meanwhile or after`);
	} finally {
		scratch.remove();
	}
});
