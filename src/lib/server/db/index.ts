// The process-wide database handle used by routes. Services never import this:
// they take the handle as a parameter, so tests can give each its own database.
import cluster from 'node:cluster';
import { config } from '../config';
import { startCheckpointer } from './checkpointer';
import { walSync, type WalSync } from './durable';
import { openDatabase, type Db } from './open';

let handle: Db | undefined;
let wal: WalSync | undefined;

export function getDb(): Db {
	if (!handle) {
		handle = openDatabase(config.databasePath);
		// commits write the log without syncing it; hooks/durability.ts syncs it, off the request
		// thread, before any response leaves (./durable.ts)
		handle.pragma('synchronous = NORMAL');
		wal = walSync(handle, `${config.databasePath}-wal`);
		// and no commit waits for a checkpoint's copy and sync either (./checkpointer.ts): one
		// process has a core to spare for that thread. Not in the cluster's workers: they already
		// fill the cores, and a thread each made the server 15-20 MB larger for no gain measured
		// (docs/BENCHMARKS.md, "Exam day, fifth part"), so their commits checkpoint as SQLite does.
		if (!cluster.isWorker && config.databasePath !== ':memory:') startCheckpointer(handle, config.databasePath);
	}
	return handle;
}

/** Resolves once every write this process has committed is on disk. */
export function writesOnDisk(): Promise<void> {
	getDb();
	return wal!.flushed();
}

export type { Db };
