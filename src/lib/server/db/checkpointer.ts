// Checkpoints off the request thread. A checkpoint copies the write-ahead log back into the
// database file and syncs that file. SQLite runs one inside whichever COMMIT pushes the log past
// `wal_autocheckpoint` pages (1,000 by default): on the server, that is the one thread serving
// every request, stopped while the disk syncs (about 6 ms a checkpoint on the test machine, every
// few hundred commits, far longer when a shared disk stalls). ./durable.ts already keeps the log's
// own sync off that thread; this keeps the checkpoints off it too. A worker thread with its own
// connection checkpoints the log every second (PASSIVE: it never waits for readers or writers, so
// requests never wait for it), and the server's connection keeps SQLite's automatic checkpoint only
// as a backstop, at ten times the usual size, should the thread fall behind or stop.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type { Db } from './open';

/** Pages (4 KB each) the log may reach before a commit checkpoints it itself: about 40 MB. */
export const BACKSTOP_PAGES = 10_000;

export interface Checkpointer {
	/** Ends the thread and closes its connection. */
	stop(): Promise<void>;
}

// Plain CommonJS evaluated in the worker: the server's bundle has no file of its own to point a
// worker at, and this is all the thread does. The driver's path comes from the main thread, so the
// worker loads the same better-sqlite3 the server uses.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('synchronous = FULL');
const checkpoint = () => {
	try {
		db.pragma('wal_checkpoint(PASSIVE)');
	} catch {
		// another process's checkpoint or a busy disk: the next tick tries again
	}
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
	if (message !== 'stop') return;
	clearInterval(timer);
	checkpoint();
	db.close();
	parentPort.close();
});
`;

/**
 * Starts checkpointing `path` (the file `db` has open, in WAL mode) on a thread of its own every
 * `everyMs`, and makes `db`'s own automatic checkpoint a backstop. The thread does not keep the
 * process alive.
 */
export function startCheckpointer(db: Db, path: string, { everyMs = 1_000 }: { everyMs?: number } = {}): Checkpointer {
	db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, everyMs } });
	worker.unref();
	// a thread that cannot open the file only loses its help: the backstop still checkpoints
	worker.on('error', (error) => console.error('checkpoint thread stopped:', error));
	return {
		stop: () =>
			new Promise<void>((resolve) => {
				worker.once('exit', () => resolve());
				worker.postMessage('stop');
			})
	};
}
