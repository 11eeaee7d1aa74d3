// `npm run demo`: a demo cohort of made-up learners, to try the platform. See --help.
import { config } from '$lib/server/config';
import { openDatabase, type Db } from '$lib/server/db/open';
import { runDemo } from './cli/demo-command';
import { cliLocale } from './cli/locale';

let db: Db | undefined;
const code = await runDemo(process.argv.slice(2), {
	openDb: () => (db ??= openDatabase(config.databasePath)),
	coursesDir: config.coursesDir,
	databasePath: config.databasePath,
	locale: cliLocale(),
	print: (line) => console.log(line),
	fail: (line) => console.error(line)
});
db?.close();
process.exit(code);
