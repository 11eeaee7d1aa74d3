// `npm run demo`: demo cohorts of made-up learners, as a function of argv so tests can run it
// on a scratch database.
import { parseArgs } from 'node:util';
import { checkPasswordStrength, hashPassword } from '$lib/server/auth/password';
import { issueCertificatesOnCompletion } from '$lib/server/certificates/listener';
import { buildCatalog, findCourse } from '$lib/server/courses/catalog';
import { ENROL_CODE_PATTERN } from '$lib/server/cohorts/service';
import { demoCohortCodes, demoConflicts, demoUsername, generateDemo, type DemoSummary } from '$lib/server/demo/generate';
import { findUserByUsername, hasAdmin, USERNAME_PATTERN } from '$lib/server/users/service';
import type { CliContext } from './admin-commands';
import { cliMessage, type CliMessage } from './messages';
import { exitCodeOf, UsageError } from './run';

export interface DemoContext extends CliContext {
	/** shown in the summary, so a wrong DATABASE_PATH is noticed */
	databasePath: string;
	now?: () => number;
}

export const DEMO_DEFAULTS = {
	learners: 300,
	cohorts: 1,
	code: 'DEMO',
	days: 28,
	seed: '1',
	password: 'hoc-thu-taphuan',
	course: 'phong-chong-mai-dam'
};

/** The whole plan is held in memory: 10,000 learners take about 600 MB. */
const MAX_LEARNERS = 20_000;


function wholeNumber(ctx: CliContext, name: string, value: string | undefined, fallback: number, min: number, max: number) {
	if (value === undefined) return fallback;
	const n = Number(value);
	if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
		throw new UsageError(cliMessage(ctx.locale, 'badNumber', { name, min, max }));
	}
	return n;
}

const list = (items: string[], max = 5) => items.slice(0, max).join(', ') + (items.length > max ? ', …' : '');

function summaryLines(ctx: DemoContext, summary: DemoSummary, seconds: number, seed: string, password: string): string[] {
	const number = new Intl.NumberFormat(ctx.locale === 'en' ? 'en-GB' : 'vi-VN');
	const states: [keyof DemoSummary['examples'], CliMessage][] = [
		['completed', 'demoStateCompleted'],
		['inProgress', 'demoStateInProgress'],
		['failing', 'demoStateFailing'],
		['notStarted', 'demoStateNotStarted']
	];
	const examples = states
		.filter(([state]) => summary.examples[state])
		.map(([state, key]) =>
			cliMessage(ctx.locale, 'demoExample', { username: summary.examples[state]!, state: cliMessage(ctx.locale, key) })
		);
	return [
		cliMessage(ctx.locale, 'demoDone', {
			seconds: new Intl.NumberFormat(ctx.locale === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 }).format(seconds),
			seed,
			cohorts: summary.cohorts.map((c) => `${c.code} (${c.name})`).join(', '),
			learners: number.format(summary.learners),
			notStarted: number.format(summary.byState.notStarted),
			inProgress: number.format(summary.byState.inProgress),
			completed: number.format(summary.byState.completed),
			failing: number.format(summary.failing),
			attempts: number.format(summary.attempts),
			open: number.format(summary.openAttempts),
			threads: number.format(summary.threads),
			posts: number.format(summary.posts),
			events: number.format(summary.events),
			certificates: number.format(summary.certificates),
			directory: number.format(summary.directoryEntries),
			password,
			examples: examples.join(', ')
		})
	];
}

async function demo(argv: string[], ctx: DemoContext) {
	let values: Record<string, string | boolean | undefined>;
	try {
		values = parseArgs({
			args: argv,
			strict: true,
			options: {
				learners: { type: 'string' },
				cohorts: { type: 'string' },
				code: { type: 'string' },
				days: { type: 'string' },
				seed: { type: 'string' },
				password: { type: 'string' },
				trainer: { type: 'string' },
				course: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
		}).values;
	} catch (error) {
		throw new UsageError(cliMessage(ctx.locale, 'badOption', { detail: (error as Error).message }));
	}
	const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string).trim() : undefined);
	if (values.help) {
		ctx.print(cliMessage(ctx.locale, 'demoHelp', { password: DEMO_DEFAULTS.password, course: DEMO_DEFAULTS.course }));
		return;
	}

	const learners = wholeNumber(ctx, 'learners', text('learners'), DEMO_DEFAULTS.learners, 1, MAX_LEARNERS);
	const cohorts = wholeNumber(ctx, 'cohorts', text('cohorts'), DEMO_DEFAULTS.cohorts, 1, Math.min(99, learners));
	const days = wholeNumber(ctx, 'days', text('days'), DEMO_DEFAULTS.days, 1, 365);
	const seed = text('seed') || DEMO_DEFAULTS.seed;
	const code = text('code') || DEMO_DEFAULTS.code;
	// the codes and usernames made from it must be valid too: DEMO-12, demo.01234
	const codeRoom = Math.min(
		32 - (cohorts > 1 ? String(cohorts).length + 1 : 0),
		32 - 1 - Math.max(4, String(learners).length)
	);
	if (
		!ENROL_CODE_PATTERN.test(code) ||
		code.length > codeRoom ||
		!demoCohortCodes(code, cohorts).every((c) => ENROL_CODE_PATTERN.test(c)) ||
		!USERNAME_PATTERN.test(demoUsername(code, learners, learners))
	) {
		throw new UsageError(cliMessage(ctx.locale, 'demoBadCode', { max: codeRoom }));
	}
	const password = typeof values.password === 'string' ? values.password : DEMO_DEFAULTS.password;
	if (checkPasswordStrength(password)) throw new UsageError(cliMessage(ctx.locale, 'weakPassword'));
	const courseSlug = text('course') || DEMO_DEFAULTS.course;

	const began = performance.now();
	const db = ctx.openDb();
	const catalog = buildCatalog(db, ctx.coursesDir);
	const course = findCourse(catalog, courseSlug);
	if (!course) {
		const known = catalog.courses.map((c) => c.slug).join(', ') || '—';
		throw new UsageError(cliMessage(ctx.locale, 'demoNoCourse', { name: courseSlug, known }));
	}
	let trainerId: number | null = null;
	const trainerName = text('trainer');
	if (trainerName) {
		const trainer = findUserByUsername(db, trainerName);
		if (!trainer) throw new UsageError(cliMessage(ctx.locale, 'noSuchUser', { name: trainerName }));
		if (trainer.role !== 'trainer') throw new UsageError(cliMessage(ctx.locale, 'notTrainer', { name: trainerName }));
		trainerId = trainer.id;
	}
	const conflicts = demoConflicts(db, { codePrefix: code, cohorts, learners });
	if (conflicts.codes.length > 0) {
		throw new UsageError(cliMessage(ctx.locale, 'demoCodeTaken', { codes: list(conflicts.codes) }));
	}
	if (conflicts.usernames.length > 0) {
		throw new UsageError(cliMessage(ctx.locale, 'demoUsernamesTaken', { names: list(conflicts.usernames) }));
	}

	ctx.print(cliMessage(ctx.locale, 'demoWorking', { learners, cohorts, days }));
	// one argon2 hash for everyone: hashing each learner's would take minutes
	const passwordHash = await hashPassword(password);
	// learners who complete the course get their (demo) certificate, as on the server
	issueCertificatesOnCompletion();
	const summary = generateDemo(db, catalog, course, {
		learners,
		cohorts,
		codePrefix: code,
		days,
		seed,
		now: (ctx.now ?? Date.now)(),
		passwordHash,
		trainerId
	});
	const seconds = (performance.now() - began) / 1000;
	summaryLines(ctx, summary, seconds, seed, password).forEach((line) => ctx.print(line));
	ctx.print(cliMessage(ctx.locale, hasAdmin(db) ? 'demoSeeDashboards' : 'demoNoAdmin'));
	ctx.print(cliMessage(ctx.locale, 'demoDatabase', { path: ctx.databasePath }));
}

/** Runs the demo generator; returns the process exit code (0 ok, 2 bad input, 1 unexpected failure). */
export async function runDemo(argv: string[], ctx: DemoContext): Promise<number> {
	return exitCodeOf(() => demo(argv, ctx), ctx.fail);
}
