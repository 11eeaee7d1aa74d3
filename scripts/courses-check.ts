// `npm run courses:check [folder]`: validates every course without starting the server.
// Prints `file:line: message` for each problem and exits 1 when there is any.
import { resolve } from 'node:path';
import { loadCourses } from '$lib/server/courses/loader';
import { formatLoadError } from '$lib/server/courses/format';
import { cliLocale } from './cli/locale';

const dir = resolve(process.argv[2] ?? process.env.COURSES_DIR ?? 'courses');
if (process.argv.includes('--help') || process.argv.includes('-h')) {
	console.log('Usage: npm run courses:check [-- <courses-folder>]\nDefault folder: $COURSES_DIR or ./courses');
	process.exit(0);
}
const { courses, errors } = loadCourses(dir);
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
