// Settings read from the environment, with the defaults documented in README.md.
import { resolve } from 'node:path';

export const config = {
	get databasePath(): string {
		return resolve(process.env.DATABASE_PATH ?? 'data/taphuan.db');
	},
	get coursesDir(): string {
		return resolve(process.env.COURSES_DIR ?? 'courses');
	}
};
