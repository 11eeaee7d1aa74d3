// What /healthz reports: whether the database answers and how many courses are loaded.
import type { Db } from './db/open';

export interface Health {
	status: 'ok' | 'error';
	db: 'ok' | 'error';
	courses: number;
}

export function checkHealth(openDb: () => Db, courseCount: () => number): Health {
	let dbOk = false;
	try {
		dbOk = openDb().prepare('SELECT 1 AS ok').get() !== undefined;
	} catch {
		dbOk = false;
	}
	let courses = 0;
	try {
		courses = courseCount();
	} catch {
		courses = 0;
	}
	return { status: dbOk ? 'ok' : 'error', db: dbOk ? 'ok' : 'error', courses };
}
