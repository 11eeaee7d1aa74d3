import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKSTOP_PAGES, startCheckpointer, type Checkpointer } from './checkpointer';
import { openDatabase, type Db } from './open';

let dir: string;
let path: string;
let db: Db;
let checkpointer: Checkpointer | undefined;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'taphuan-checkpointer-'));
	path = join(dir, 'taphuan.db');
	db = openDatabase(path);
	db.pragma('synchronous = NORMAL');
	db.exec('CREATE TABLE page (body BLOB)');
	db.pragma('wal_checkpoint(TRUNCATE)');
});
afterEach(async () => {
	await checkpointer?.stop();
	checkpointer = undefined;
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

const fileSize = () => statSync(path).size;

/** 2,000 commits of a 4 KB row each: twice what SQLite's own automatic checkpoint lets the log reach. */
function writeEightMegabytes() {
	const insert = db.prepare('INSERT INTO page (body) VALUES (?)');
	for (let i = 0; i < 2_000; i++) insert.run(Buffer.alloc(4_000, i % 256));
}

describe('startCheckpointer', () => {
	it('leaves the commits to write the log only; stopping checkpoints once more, and a new connection reads it all', async () => {
		checkpointer = startCheckpointer(db, path, { everyMs: 3_600_000 });
		expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
		const before = fileSize();
		writeEightMegabytes();
		// no commit checkpointed (the thread's first turn is an hour away): everything is in the log
		expect(fileSize()).toBe(before);
		await checkpointer.stop();
		checkpointer = undefined;
		expect(fileSize()).toBeGreaterThan(before + 8_000_000);
		const other = openDatabase(path);
		try {
			expect(other.prepare('SELECT count(*) FROM page').pluck().get()).toBe(2_000);
		} finally {
			other.close();
		}
	});

	it('copies the log into the database on its own thread, turn after turn', async () => {
		checkpointer = startCheckpointer(db, path, { everyMs: 50 });
		const before = fileSize();
		writeEightMegabytes();
		await vi.waitFor(() => expect(fileSize()).toBeGreaterThan(before + 8_000_000), { timeout: 10_000, interval: 50 });
		expect(db.prepare('SELECT count(*) FROM page').pluck().get()).toBe(2_000);
	});
});
