// For load balancers and monitoring: is the database answering, how many courses are loaded.
import { json } from '@sveltejs/kit';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	let dbOk = false;
	try {
		dbOk = getDb().prepare('SELECT 1 AS ok').get() !== undefined;
	} catch {
		dbOk = false;
	}
	const courses = getCatalog().courses.length;
	return json(
		{ status: dbOk ? 'ok' : 'error', db: dbOk ? 'ok' : 'error', courses },
		{ status: dbOk ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
