// `npm run courses:check [folder]`: validates every course without starting the server.
// Prints `file:line: message` for each problem and exits 1 when there is any.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readPackage } from '$lib/server/scorm/import';
import { loadCourses } from '$lib/server/courses/loader';
import { formatLoadError } from '$lib/server/courses/format';
import { answerKey } from './cli/answer-key';
import { cliLocale } from './cli/locale';

const args = process.argv.slice(2);
const dir = resolve(args.find((a) => !a.startsWith('-')) ?? process.env.COURSES_DIR ?? 'courses');
if (args.includes('--help') || args.includes('-h')) {
	console.log(
		'Usage: npm run courses:check [-- [--answers] <courses-folder>]\n' +
			'Default folder: $COURSES_DIR or ./courses\n' +
			'--answers: print the answer key of every quiz as JSON instead (for proof-reading and tests)'
	);
	process.exit(0);
}
const { courses, errors } = loadCourses(dir);
if (args.includes('--answers')) {
	console.log(JSON.stringify(Object.fromEntries(courses.map((c) => [c.slug, answerKey(c)])), null, 1));
	process.exit(errors.length ? 1 : 0);
}
// SCORM packages declared in course.md are checked the way the server will import them.
const scratch = mkdtempSync(join(tmpdir(), 'taphuan-courses-check-'));
try {
	for (const course of courses) {
		for (const entry of course.scorm) {
			const result = await readPackage(entry.path, scratch);
			if (!result.ok) errors.push({ file: `${course.slug}/${entry.file}`, line: 0, key: result.problem.key, params: result.problem.params });
		}
	}
} finally {
	rmSync(scratch, { recursive: true, force: true });
}
for (const course of courses) {
	const sections = course.modules.reduce((n, m) => n + m.lesson.sections.length, 0);
	const quizzes = course.modules.filter((m) => m.quiz);
	const questions = quizzes.reduce((n, m) => n + m.quiz!.questions.length, 0);
	console.log(
		`✓ ${course.slug}: ${course.modules.length} module(s), ${sections} section(s), ` +
			`${quizzes.length} quiz(zes) with ${questions} question(s)`
	);
}
for (const error of errors) console.error(formatLoadError(error, cliLocale()));
if (errors.length) {
	console.error(`\n${errors.length} error(s) in ${dir}`);
	process.exit(1);
}
console.log(`All courses in ${dir} are valid.`);
