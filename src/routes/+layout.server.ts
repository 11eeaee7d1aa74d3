import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => {
	const user = locals.user;
	return {
		locale: locals.locale,
		user: user && { displayName: user.displayName, role: user.role, username: user.username }
	};
}) satisfies LayoutServerLoad;
