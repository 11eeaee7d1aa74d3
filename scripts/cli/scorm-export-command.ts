// `npm run scorm:export -- <course>`: one Markdown course as a SCORM 1.2 .zip, as a function of
// argv so tests can run it on their own folders.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Locale } from '$lib/i18n';
import { formatLoadError } from '$lib/server/courses/format';
import { loadCourse } from '$lib/server/courses/loader';
import type { LoadError } from '$lib/server/courses/problems';
import { exportCourse } from '$lib/server/scorm/export/package';
import { cliMessage } from './messages';
import { exitCodeOf, UsageError } from './run';

export interface ScormExportContext {
	/** default folder of courses */
	coursesDir: string;
	/** relative --out and --courses are taken from here (where the user ran npm) */
	cwd: string;
	locale: Locale;
	print: (line: string) => void;
	fail: (line: string) => void;
}

const COURSE_ID = /^[a-z0-9][a-z0-9-]*$/;

function courseFolders(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'course.md')))
		.map((entry) => entry.name)
		.sort();
}

function formatSize(bytes: number, locale: Locale): string {
	const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
	return bytes < 1024 * 1024 ? `${number.format(bytes / 1024)} KB` : `${number.format(bytes / 1024 / 1024)} MB`;
}

function readArguments(argv: string[], locale: Locale) {
	try {
		return parseArgs({
			args: argv,
			allowPositionals: true,
			strict: true,
			options: { out: { type: 'string' }, courses: { type: 'string' }, help: { type: 'boolean', short: 'h' } }
		});
	} catch (error) {
		throw new UsageError(cliMessage(locale, 'badOption', { detail: (error as Error).message }));
	}
}

async function scormExport(argv: string[], ctx: ScormExportContext) {
	const say = (key: Parameters<typeof cliMessage>[1], params?: Record<string, string | number>) => cliMessage(ctx.locale, key, params);
	const { values, positionals } = readArguments(argv, ctx.locale);
	if (values.help) return ctx.print(say('scormExportHelp'));

	const coursesDir = values.courses ? path.resolve(ctx.cwd, values.courses) : ctx.coursesDir;
	const known = courseFolders(coursesDir);
	const id = positionals[0];
	if (!id) throw new UsageError(say('scormExportNoCourse', { example: known[0] ?? 'phong-chong-mai-dam' }));
	if (positionals.length > 1) throw new UsageError(say('badOption', { detail: positionals.slice(1).join(' ') }));
	if (!COURSE_ID.test(id) || !known.includes(id)) {
		throw new UsageError(say('scormExportUnknownCourse', { name: id, dir: coursesDir, known: known.join(', ') || '—' }));
	}

	const errors: LoadError[] = [];
	const course = loadCourse(coursesDir, id, errors);
	if (!course) {
		for (const error of errors) ctx.fail(formatLoadError(error, ctx.locale));
		throw new UsageError(say('scormExportBroken', { name: id, count: errors.length }));
	}
	const result = await exportCourse(course);
	const out = path.resolve(ctx.cwd, values.out ?? `${id}-scorm12.zip`);
	await mkdir(path.dirname(out), { recursive: true });
	await writeFile(out, result.zip);
	ctx.print(
		say('scormExportDone', {
			title: course.title,
			scos: result.scoCount,
			files: result.files.length,
			size: formatSize(result.zip.length, ctx.locale),
			path: out
		})
	);
}

/** Runs the export; returns the process exit code (0 ok, 2 bad input, 1 unexpected failure). */
export async function runScormExport(argv: string[], ctx: ScormExportContext): Promise<number> {
	return exitCodeOf(() => scormExport(argv, ctx), ctx.fail);
}
