// The world the load benchmarks run in: a scratch database with demo cohorts seeded by the demo
// generator (as `npm run demo` does, through the real services), a trainer who teaches them, and
// a session for every learner. Sessions are made with the app's own createSession, as the
// sign-in form does once the password is checked: sign-in is argon2id by design (about 16 s per
// 1,000 people on two cores) and is not what these benchmarks measure.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SESSION_COOKIE } from '$lib/server/auth/cookie';
import { createSession } from '$lib/server/auth/session';
import { openDatabase } from '$lib/server/db/open';
import { ROOT, scratchDatabase, type Scratch } from './harness';

export const COURSE = 'phong-chong-mai-dam';
export const TRAINER = { username: 'bench.trainer', password: 'bench-trainer-2026' };

export interface Learner {
	id: number;
	username: string;
	cohortId: number;
	cookie: string;
}

export interface World {
	scratch: Scratch;
	dbPath: string;
	coursesDir: string;
	learners: Learner[];
	cohortIds: number[];
	seedSeconds: number;
}

export function seedWorld(options: { learners: number; cohorts: number; code: string }): World {
	const scratch = scratchDatabase();
	const coursesDir = join(scratch.dir, 'courses');
	cpSync(join(ROOT, 'courses'), coursesDir, { recursive: true });
	scratch.env.COURSES_DIR = coursesDir;
	scratch.cli('admin', 'create-user', '--username', TRAINER.username, '--name', 'Giảng viên thử tải', '--role', 'trainer', '--password', TRAINER.password);
	const began = performance.now();
	scratch.cli('demo', '--learners', String(options.learners), '--cohorts', String(options.cohorts), '--code', options.code, '--trainer', TRAINER.username);
	const seedSeconds = (performance.now() - began) / 1000;

	const dbPath = String(scratch.env.DATABASE_PATH);
	const db = openDatabase(dbPath);
	try {
		const rows = db
			.prepare(`SELECT u.id, u.username, m.cohort_id FROM user u JOIN cohort_member m ON m.user_id = u.id AND m.role = 'learner' ORDER BY u.id`)
			.raw()
			.all() as [number, string, number][];
		const learners = db.transaction(() =>
			rows.map(([id, username, cohortId]) => ({ id, username, cohortId, cookie: `${SESSION_COOKIE}=${createSession(db, id).token}` }))
		)();
		const cohortIds = [...new Set(learners.map((l) => l.cohortId))].sort((a, b) => a - b);
		return { scratch, dbPath, coursesDir, learners, cohortIds, seedSeconds };
	} finally {
		db.close();
	}
}

export interface Exam {
	/** the module's slug (its folder without the number) */
	module: string;
	/** questions per attempt and the size of the pool they are drawn from */
	questions: number;
	pool: number;
	minutes: number;
}

/**
 * An exam the whole hall takes together, added to the course after the demo history so that no
 * learner has an attempt yet: the course's own final assessment (its question pool, quotas per
 * module, shuffling and time limit) with one attempt each, as a module of its own. Each burst of
 * the benchmark gets its own, so every run starts from no attempts. The server records the new
 * activity when it starts, as for any course edit.
 */
export function addExam(world: World, number: number, module: string): Exam {
	const source = readFileSync(join(world.coursesDir, COURSE, '08-kiem-tra-cuoi-khoa', 'quiz.md'), 'utf8');
	const quiz = source.replace(/^maxAttempts: \d+$/m, 'maxAttempts: 1');
	const folder = join(world.coursesDir, COURSE, `${String(number).padStart(2, '0')}-${module}`);
	mkdirSync(folder, { recursive: true });
	writeFileSync(join(folder, 'lesson.md'), '---\ntitle: "Thi chung cả lớp"\nestimatedMinutes: 5\n---\n\n## Hướng dẫn\n\nCả lớp làm bài cùng lúc; bài được lưu tự động.\n');
	writeFileSync(join(folder, 'quiz.md'), quiz);
	const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(quiz)?.[1]);
	return { module, questions: field('questionsPerAttempt'), pool: (quiz.match(/^## /gm) ?? []).length, minutes: field('timeLimitMinutes') };
}
