import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncFile, walSync } from './durable';
import { openDatabase, type Db } from './open';

let dir: string;
let db: Db;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'taphuan-durable-'));
	db = openDatabase(join(dir, 'taphuan.db'));
	db.pragma('synchronous = NORMAL');
	db.exec('CREATE TABLE note (text TEXT)');
});
afterEach(() => {
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

const write = (text = 'ghi') => db.prepare('INSERT INTO note (text) VALUES (?)').run(text);

/** A stand-in for the disk: each sync waits until the test lets it finish (or fail). */
function disk() {
	const syncs: { finish: () => void; fail: (error: Error) => void }[] = [];
	const sync = () => new Promise<void>((finish, fail) => syncs.push({ finish, fail }));
	return { syncs, sync };
}

const settled = async (promise: Promise<unknown>) => {
	let done = false;
	void promise.then(() => (done = true), () => (done = true));
	for (let i = 0; i < 5; i++) await Promise.resolve();
	return done;
};

describe('walSync', () => {
	it('syncs nothing when nothing was written', async () => {
		const { syncs, sync } = disk();
		await walSync(db, 'wal', sync).flushed();
		expect(syncs).toHaveLength(0);
	});

	it('answers only once a sync that began after the write has finished', async () => {
		const { syncs, sync } = disk();
		const wal = walSync(db, 'wal', sync);
		write();
		const flushed = wal.flushed();
		expect(syncs).toHaveLength(1);
		expect(await settled(flushed)).toBe(false);
		syncs[0]!.finish();
		await flushed;
		// written and synced: nothing more to do
		await wal.flushed();
		expect(syncs).toHaveLength(1);
	});

	it('lets writes made together share one sync', async () => {
		const { syncs, sync } = disk();
		const wal = walSync(db, 'wal', sync);
		write('một');
		const first = wal.flushed();
		write('hai');
		// the running sync began before 'hai': the second caller needs another one after it
		const second = wal.flushed();
		write('ba');
		const third = wal.flushed();
		expect(syncs).toHaveLength(1);
		syncs[0]!.finish();
		await first;
		expect(await settled(second)).toBe(false);
		await Promise.resolve();
		expect(syncs).toHaveLength(2);
		syncs[1]!.finish();
		await Promise.all([second, third]);
		expect(syncs).toHaveLength(2);
	});

	it('refuses when the disk fails, and tries again on the next call', async () => {
		const { syncs, sync } = disk();
		const wal = walSync(db, 'wal', sync);
		write();
		const failed = wal.flushed();
		syncs[0]!.fail(new Error('EIO'));
		await expect(failed).rejects.toThrow('EIO');
		const retried = wal.flushed();
		expect(syncs).toHaveLength(2);
		syncs[1]!.finish();
		await retried;
	});

	it('syncs the real log file of a WAL database', async () => {
		write();
		await walSync(db, join(dir, 'taphuan.db-wal')).flushed();
		await expect(syncFile(join(dir, 'nothing-here'))).rejects.toThrow();
	});
});
