// Opens a SQLite database with the pragmas the whole app relies on, and migrates it.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';

export type Db = Database.Database;

export function openDatabase(path: string): Db {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const db = new Database(path);
	// a writer waits this long for another process's write (the admin CLI, a second server)
	// before giving up; the user then gets a 503 "try again" (hooks/storage-errors.ts). Set
	// first, so switching a new file to WAL and migrating it wait too.
	db.pragma('busy_timeout = 5000');
	// WAL lets readers (and several server processes) work while one writer commits.
	db.pragma('journal_mode = WAL');
	// FULL: a write the server has acknowledged survives a power cut too, not only a crash of
	// the process (NORMAL can lose the last commits). It costs ~0.2 ms per write transaction
	// (docs/BENCHMARKS.md, "synchronous"); the decision is in docs/operations.md.
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	migrate(db);
	return db;
}
