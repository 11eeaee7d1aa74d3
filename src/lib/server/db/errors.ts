// Database failures that mean "the server cannot write right now", not a bug: a read-only or
// full disk, an I/O error, or another process holding the write lock past busy_timeout. The
// user is told to try again later (HTTP 503) and pages that only read keep working.
import Database from 'better-sqlite3';

export type StorageTrouble = 'unavailable' | 'busy';

/** Seconds a client is asked to wait before trying a refused write again. */
export const STORAGE_RETRY_AFTER_SECONDS = 30;

export function storageTrouble(error: unknown): StorageTrouble | null {
	if (!(error instanceof Database.SqliteError)) return null;
	// extended codes keep their family's prefix: SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED…
	if (/^SQLITE_(READONLY|FULL|IOERR|CANTOPEN)/.test(error.code)) return 'unavailable';
	if (/^SQLITE_(BUSY|LOCKED)/.test(error.code)) return 'busy';
	return null;
}

/**
 * Runs a write that a read can do without (a launch time, a "read up to here" mark, a session's
 * last-seen hour). When the database cannot take writes the page still shows: the write is
 * skipped and `undefined` returned. Any other error is thrown as usual.
 */
export function writeIfPossible<T>(write: () => T): T | undefined {
	try {
		return write();
	} catch (error) {
		if (!storageTrouble(error)) throw error;
		return undefined;
	}
}
