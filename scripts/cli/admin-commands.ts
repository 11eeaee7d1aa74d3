// The admin CLI's commands, as a function of argv so tests can run them on a scratch database.
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkPasswordStrength, generateTemporaryPassword } from '$lib/server/auth/password';
import { buildCatalog } from '$lib/server/courses/catalog';
import {
	createCohort,
	ENROL_CODE_PATTERN,
	EnrolCodeTakenError
} from '$lib/server/cohorts/service';
import type { Db } from '$lib/server/db/open';
import {
	createUser,
	findUserByUsername,
	normaliseUsername,
	resetPassword,
	ROLES,
	USERNAME_PATTERN,
	type Role
} from '$lib/server/users/service';
import type { Locale } from '$lib/i18n';
import { nfcDeep } from '$lib/server/text/nfc';
import { cliMessage } from './messages';
import { exitCodeOf, UsageError } from './run';
import { scormCommands } from './scorm-commands';

export interface CliContext {
	openDb: () => Db;
	coursesDir: string;
	/** where SCORM packages are unpacked; config.scormDir when absent */
	scormDir?: string;
	locale: Locale;
	print: (line: string) => void;
	fail: (line: string) => void;
}


export type Values = Record<string, string | string[] | boolean | undefined>;

/** File names, passed to the file system exactly as typed: a name on disk may be NFD. */
const PATH_OPTIONS = new Set(['file', 'out']);

/** Options as text in NFC, like everything typed on the web (src/lib/server/text/nfc.ts), so a
 * name or an organisation typed in a terminal that sends NFD is stored the same way. */
function parse(args: string[], options: Record<string, { multiple?: boolean }>, ctx: CliContext) {
	const spec = Object.fromEntries(
		Object.entries(options).map(([name, o]) => [name, { type: 'string' as const, multiple: o.multiple ?? false }])
	);
	let values: Values;
	try {
		values = parseArgs({ args, options: { ...spec, help: { type: 'boolean', short: 'h' } }, strict: true }).values as Values;
	} catch (error) {
		throw new UsageError(cliMessage(ctx.locale, 'badOption', { detail: (error as Error).message }));
	}
	return Object.fromEntries(
		Object.entries(values).map(([name, value]) => [name, PATH_OPTIONS.has(name) ? value : (nfcDeep(value) as Values[string])])
	);
}

function required(values: Values, name: string, ctx: CliContext): string {
	const value = values[name];
	if (typeof value !== 'string' || !value.trim()) {
		throw new UsageError(cliMessage(ctx.locale, 'missingOption', { name }));
	}
	return value.trim();
}

async function createUserCommand(args: string[], ctx: CliContext) {
	const values = parse(args, { username: {}, name: {}, role: {}, password: {}, organisation: {}, commune: {}, province: {} }, ctx);
	if (values.help) return ctx.print(cliMessage(ctx.locale, 'createUserHelp'));
	const username = normaliseUsername(required(values, 'username', ctx));
	const displayName = required(values, 'name', ctx);
	const role = required(values, 'role', ctx) as Role;
	if (!ROLES.includes(role)) throw new UsageError(cliMessage(ctx.locale, 'badRole'));
	if (!USERNAME_PATTERN.test(username)) throw new UsageError(cliMessage(ctx.locale, 'badUsername'));
	const given = typeof values.password === 'string' ? values.password : undefined;
	if (given !== undefined && checkPasswordStrength(given, username)) {
		throw new UsageError(cliMessage(ctx.locale, 'weakPassword'));
	}
	const db = ctx.openDb();
	if (findUserByUsername(db, username)) {
		throw new UsageError(cliMessage(ctx.locale, 'usernameTaken', { name: username }));
	}
	const password = given ?? generateTemporaryPassword();
	await createUser(db, {
		username,
		displayName,
		role,
		password,
		organisation: typeof values.organisation === 'string' ? values.organisation : '',
		commune: typeof values.commune === 'string' ? values.commune : '',
		province: typeof values.province === 'string' ? values.province : '',
		mustChangePassword: given === undefined
	});
	ctx.print(cliMessage(ctx.locale, 'userCreated', { role, name: username }));
	if (given === undefined) ctx.print(cliMessage(ctx.locale, 'temporaryPassword', { password }));
}

async function resetPasswordCommand(args: string[], ctx: CliContext) {
	const values = parse(args, { username: {} }, ctx);
	if (values.help) return ctx.print(cliMessage(ctx.locale, 'resetPasswordHelp'));
	const username = required(values, 'username', ctx);
	const db = ctx.openDb();
	const user = findUserByUsername(db, username);
	if (!user) throw new UsageError(cliMessage(ctx.locale, 'noSuchUser', { name: username }));
	const password = await resetPassword(db, user.id);
	ctx.print(cliMessage(ctx.locale, 'passwordReset', { name: user.username }));
	ctx.print(cliMessage(ctx.locale, 'temporaryPassword', { password }));
}

function createCohortCommand(args: string[], ctx: CliContext) {
	const values = parse(args, { name: {}, code: {}, course: { multiple: true }, trainer: { multiple: true } }, ctx);
	if (values.help) return ctx.print(cliMessage(ctx.locale, 'createCohortHelp'));
	const name = required(values, 'name', ctx);
	const code = required(values, 'code', ctx);
	if (!ENROL_CODE_PATTERN.test(code)) throw new UsageError(cliMessage(ctx.locale, 'badCode'));
	const courseSlugs = (values.course as string[] | undefined) ?? [];
	if (courseSlugs.length === 0) throw new UsageError(cliMessage(ctx.locale, 'missingOption', { name: 'course' }));
	const db = ctx.openDb();
	// course rows must exist for the cohort to point at them
	const catalog = buildCatalog(db, ctx.coursesDir);
	const known = catalog.courses.map((c) => c.slug);
	for (const slug of courseSlugs) {
		if (!known.includes(slug)) {
			throw new UsageError(cliMessage(ctx.locale, 'noSuchCourse', { name: slug, known: known.join(', ') || '—' }));
		}
	}
	const trainerIds = ((values.trainer as string[] | undefined) ?? []).map((username) => {
		const user = findUserByUsername(db, username);
		if (!user) throw new UsageError(cliMessage(ctx.locale, 'noSuchUser', { name: username }));
		if (user.role !== 'trainer') throw new UsageError(cliMessage(ctx.locale, 'notTrainer', { name: username }));
		return user.id;
	});
	try {
		const cohort = createCohort(db, { name, enrolCode: code, courseIds: courseSlugs, trainerIds, createdBy: null });
		ctx.print(cliMessage(ctx.locale, 'cohortCreated', { name: cohort.name, code: cohort.enrolCode }));
	} catch (error) {
		if (error instanceof EnrolCodeTakenError) {
			throw new UsageError(cliMessage(ctx.locale, 'codeTaken', { code: code.toUpperCase() }));
		}
		throw error;
	}
}

async function backupCommand(args: string[], ctx: CliContext) {
	const values = parse(args, { out: {} }, ctx);
	if (values.help) return ctx.print(cliMessage(ctx.locale, 'backupHelp'));
	const out = required(values, 'out', ctx);
	if (existsSync(out)) throw new UsageError(cliMessage(ctx.locale, 'backupExists', { path: out }));
	// All pages in one step, inside one read transaction: a consistent copy that the server's
	// writes cannot restart (page by page, any write in between starts the copy over, and under
	// steady writes it might never finish). In WAL mode the server keeps writing meanwhile.
	const { totalPages } = await ctx.openDb().backup(out, { progress: () => ALL_PAGES });
	// the copy stands alone: no -wal or -shm file appears beside it when it is opened to be checked
	// or copied elsewhere; the server turns WAL back on when it opens a restored copy
	const copy = new Database(out);
	copy.pragma('journal_mode = DELETE');
	copy.close();
	ctx.print(cliMessage(ctx.locale, 'backupDone', { pages: totalPages, path: out }));
}

const ALL_PAGES = 0x7fffffff;

/** The tables `verify` reads: a file without them is not a taphuan database, whatever SQLite says. */
const VERIFIED_TABLES = ['user', 'quiz_attempt', 'post', 'learning_event'];

/** Checks a backup (or any database file) without changing it: integrity, foreign keys, contents. */
async function verifyCommand(args: string[], ctx: CliContext) {
	const values = parse(args, { file: {} }, ctx);
	if (values.help) return ctx.print(cliMessage(ctx.locale, 'verifyHelp'));
	const file = required(values, 'file', ctx);
	if (!existsSync(file)) throw new UsageError(cliMessage(ctx.locale, 'verifyMissing', { path: file }));
	const broken = (detail: string) => new UsageError(cliMessage(ctx.locale, 'verifyBroken', { path: file, detail }));
	// a backup killed right after creating its file leaves it empty, and SQLite opens an empty
	// file as an empty database whose integrity_check says "ok"
	if (statSync(file).size === 0) throw broken(cliMessage(ctx.locale, 'verifyEmpty'));
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		let summary: { users: number; attempts: number; posts: number; newest: number | null };
		try {
			const integrity = String(db.pragma('integrity_check', { simple: true }));
			if (integrity !== 'ok') throw broken(integrity);
			const orphans = (db.pragma('foreign_key_check') as unknown[]).length;
			if (orphans) throw broken(`foreign_key_check: ${orphans}`);
			const tables = new Set(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[]);
			const missing = VERIFIED_TABLES.filter((table) => !tables.has(table));
			if (missing.length) throw broken(cliMessage(ctx.locale, 'verifyNotOurs', { tables: missing.join(', ') }));
			const count = (table: string) => (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) ?? 0;
			summary = {
				users: count('user'),
				attempts: count('quiz_attempt'),
				posts: count('post'),
				newest: db.prepare('SELECT max(created_at) FROM learning_event').pluck().get() as number | null
			};
		} catch (error) {
			// not a database at all, or damaged past what integrity_check can describe: whatever
			// SQLite cannot read is a damaged backup, never a crash with a stack trace
			if (error instanceof Database.SqliteError) throw broken(error.message);
			throw error;
		}
		ctx.print(
			cliMessage(ctx.locale, 'verifyDone', {
				path: file,
				...summary,
				newest: summary.newest === null ? '—' : new Date(summary.newest).toISOString()
			})
		);
	} finally {
		db.close();
	}
}

const COMMANDS: Record<string, (args: string[], ctx: CliContext) => void | Promise<void>> = {
	'create-user': createUserCommand,
	'reset-password': resetPasswordCommand,
	'create-cohort': createCohortCommand,
	backup: backupCommand,
	verify: verifyCommand,
	...scormCommands(parse, required)
};

/** Runs one command; returns the process exit code (0 ok, 2 bad input, 1 unexpected failure). */
export async function runAdmin(argv: string[], ctx: CliContext): Promise<number> {
	const [command, ...args] = argv;
	if (!command || command === '--help' || command === '-h' || command === 'help') {
		ctx.print(cliMessage(ctx.locale, 'usage'));
		return command ? 0 : 2;
	}
	const run = COMMANDS[command];
	if (!run) {
		ctx.fail(cliMessage(ctx.locale, 'unknownCommand', { name: command }));
		ctx.fail(cliMessage(ctx.locale, 'usage'));
		return 2;
	}
	return exitCodeOf(() => run(args, ctx), ctx.fail);
}


