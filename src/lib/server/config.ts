// Settings read from the environment, with the defaults documented in README.md.
import { dirname, resolve } from 'node:path';
import type { LimiterOptions } from './http/limiter';

export const config = {
	get databasePath(): string {
		return resolve(process.env.DATABASE_PATH ?? 'data/taphuan.db');
	},
	/** unpacked SCORM packages, one folder per zip (by content hash); beside the database by
	 * default so one backup of the data folder holds both */
	get scormDir(): string {
		return resolve(process.env.SCORM_DIR ?? resolve(dirname(this.databasePath), 'scorm'));
	},
	/** certificate PDFs, generated once each (certificates/store.ts); beside the database by
	 * default, for the same reason */
	get certificatesDir(): string {
		return resolve(process.env.CERTIFICATES_DIR ?? resolve(dirname(this.databasePath), 'certificates'));
	},
	get coursesDir(): string {
		return resolve(process.env.COURSES_DIR ?? 'courses');
	},
	/** posts one account may make in a minute before being asked to slow down */
	get postsPerMinute(): number {
		const value = Number(process.env.DISCUSSION_POSTS_PER_MINUTE ?? 5);
		return Number.isFinite(value) && value >= 1 ? value : 5;
	},
	/** the request limiter (src/hooks/overload.ts); defaults in docs/operations.md */
	get requestLimits(): LimiterOptions {
		return {
			inFlight: wholeNumber(process.env.MAX_REQUESTS_IN_FLIGHT, 32, 1),
			queued: wholeNumber(process.env.MAX_REQUESTS_QUEUED, 256, 0),
			timeoutMs: wholeNumber(process.env.REQUEST_QUEUE_TIMEOUT_MS, 10_000, 1)
		};
	}
};

function wholeNumber(value: string | undefined, fallback: number, min: number): number {
	const n = Number(value ?? fallback);
	return Number.isInteger(n) && n >= min ? n : fallback;
}
