// For load balancers and monitoring: 200 when the database answers, 503 when it does not.
import { json } from '@sveltejs/kit';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { checkHealth } from '$lib/server/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	const health = checkHealth(getDb, () => getCatalog().courses.length);
	return json(health, {
		status: health.status === 'ok' ? 200 : 503,
		headers: { 'cache-control': 'no-store' }
	});
};
