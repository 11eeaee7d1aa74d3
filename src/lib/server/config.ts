// Settings read from the environment, with the defaults documented in README.md.
import { resolve } from 'node:path';

export const config = {
	get databasePath(): string {
		return resolve(process.env.DATABASE_PATH ?? 'data/taphuan.db');
	},
	get coursesDir(): string {
		return resolve(process.env.COURSES_DIR ?? 'courses');
	},
	/** posts one account may make in a minute before being asked to slow down */
	get postsPerMinute(): number {
		const value = Number(process.env.DISCUSSION_POSTS_PER_MINUTE ?? 5);
		return Number.isFinite(value) && value >= 1 ? value : 5;
	}
};
