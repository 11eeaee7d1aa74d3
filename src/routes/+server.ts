// The front door: setup on an empty database, else sign-in, else the right home for the role.
import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { hasAdmin } from '$lib/server/users/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => {
	if (!hasAdmin(getDb())) redirect(303, '/setup');
	if (!locals.user) redirect(303, '/login');
	redirect(303, locals.user.role === 'learner' ? '/courses' : '/manage');
};
