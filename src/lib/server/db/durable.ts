// A write is acknowledged only once it is on disk, without stopping the server while the disk
// works. With synchronous = FULL, SQLite syncs the write-ahead log inside every COMMIT: the one
// thread that serves every request waited for the disk (1-4 ms a commit on the test machine, far
// more on a busy disk) while holding the database's write lock, so the other server processes
// waited too. The server's connection commits with synchronous = NORMAL instead (the log is
// written, not synced) and, before a response leaves, syncs the log file on libuv's thread pool
// (see hooks/durability.ts). Writes committed meanwhile share one sync. The guarantee stays
// FULL's: what the server acknowledged survives a power cut.
import { open } from 'node:fs/promises';
import type { Db } from './open';

export interface WalSync {
	/** resolves once every change this connection has committed so far is on disk */
	flushed(): Promise<void>;
}

export async function syncFile(path: string): Promise<void> {
	const file = await open(path, 'r');
	try {
		await file.datasync();
	} finally {
		await file.close();
	}
}

/**
 * For a connection with synchronous = NORMAL: `flushed()` syncs its write-ahead log when anything
 * was committed since the last sync began (SQLite's total_changes counts it), one sync at a time,
 * every caller waiting for a sync that began after its own changes.
 */
export function walSync(db: Db, walPath: string, sync: (path: string) => Promise<void> = syncFile): WalSync {
	const changes = db.prepare('SELECT total_changes()').pluck();
	let durable = changes.get() as number;
	let running: Promise<void> | null = null;
	return {
		async flushed() {
			const needed = changes.get() as number;
			while (durable < needed) {
				// a sync already under way may have begun before these changes: wait, then look again
				running ??= (async () => {
					// commits are synchronous: every change counted here is written to the log already
					const upTo = changes.get() as number;
					try {
						await sync(walPath);
						durable = Math.max(durable, upTo);
					} finally {
						running = null;
					}
				})();
				await running;
			}
		}
	};
}
