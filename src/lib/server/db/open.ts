// Opens a SQLite database with the pragmas the whole app relies on, and migrates it.
import Database, { type Statement } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';
import { waitBrieflyForWriteLock } from './write-lock';

export type Db = Database.Database;

export function openDatabase(path: string): Db {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const db = new Database(path);
	// a writer waits this long for another process's write (the admin CLI, a second server)
	// before giving up; the user then gets a 503 "try again" (hooks/storage-errors.ts). Set
	// first, so switching a new file to WAL and migrating it wait too.
	db.pragma('busy_timeout = 5000');
	// ...except for BEGIN IMMEDIATE, which retries every fraction of a millisecond instead of
	// sleeping ever longer (./write-lock.ts)
	waitBrieflyForWriteLock(db);
	// WAL lets readers (and several server processes) work while one writer commits.
	db.pragma('journal_mode = WAL');
	// FULL: a committed write survives a power cut too, not only a crash of the process (NORMAL
	// can lose the last commits); the decision is in docs/operations.md. The server's own
	// connection gets the same guarantee another way, without waiting for the disk inside each
	// commit (./index.ts, ./durable.ts).
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	migrate(db);
	reusePreparedStatements(db);
	return db;
}

/**
 * Services prepare their statements where they use them, on every call: easy to read, but
 * compiling the SQL was about a tenth of the server's time under load. Each SQL text is now
 * compiled once per connection. Output modes a caller switches on (pluck, raw, expand) stick to a
 * statement, so they are switched off again before it is handed out; nothing iterates a
 * statement, so one is never in use by two callers at once.
 */
export function reusePreparedStatements(db: Db): void {
	const prepare = db.prepare.bind(db);
	const prepared = new Map<string, Statement>();
	db.prepare = ((sql: string) => {
		let statement = prepared.get(sql);
		if (!statement) prepared.set(sql, (statement = prepare(sql)));
		else if (statement.reader) statement.raw(false).pluck(false).expand(false);
		return statement;
	}) as Db['prepare'];
}
