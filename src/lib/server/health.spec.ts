import { describe, expect, it } from 'vitest';
import { openDatabase } from './db/open';
import { checkHealth } from './health';

describe('checkHealth', () => {
	it('reports ok with the number of loaded courses', () => {
		const db = openDatabase(':memory:');
		expect(checkHealth(() => db, () => 3)).toEqual({ status: 'ok', db: 'ok', courses: 3 });
	});

	it('reports the database as down when it cannot be opened or queried', () => {
		const failing = () => {
			throw new Error('SQLITE_CANTOPEN');
		};
		expect(checkHealth(failing, () => 1)).toEqual({ status: 'error', db: 'error', courses: 1 });
		const closed = openDatabase(':memory:');
		closed.close();
		expect(checkHealth(() => closed, () => 0).db).toBe('error');
	});
});
