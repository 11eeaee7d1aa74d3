import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storageTrouble, writeIfPossible } from './errors';

const sqliteError = (code: string) => new Database.SqliteError('refused', code);

describe('storageTrouble', () => {
	it('names a disk that cannot take writes, and a lock held too long', () => {
		for (const code of ['SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_CANTOPEN']) {
			expect(storageTrouble(sqliteError(code))).toBe('unavailable');
		}
		expect(storageTrouble(sqliteError('SQLITE_BUSY'))).toBe('busy');
	});

	it('leaves bugs alone: constraint failures, other errors', () => {
		expect(storageTrouble(sqliteError('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
		expect(storageTrouble(new Error('SQLITE_FULL'))).toBeNull();
	});

	it('is what a query-only connection reports for a write', () => {
		const db = new Database(':memory:');
		db.exec('CREATE TABLE t (x)');
		db.pragma('query_only = ON');
		expect(writeIfPossible(() => db.prepare('INSERT INTO t VALUES (1)').run())).toBeUndefined();
		expect(() => writeIfPossible(() => db.prepare('INSERT INTO nope VALUES (1)').run())).toThrow(/no such table/);
		expect(writeIfPossible(() => db.prepare('SELECT count(*) AS n FROM t').get())).toEqual({ n: 0 });
	});
});
