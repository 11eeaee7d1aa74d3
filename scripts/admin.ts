// `npm run admin -- <command>`: accounts, cohorts and backups from the shell. See --help.
import { config } from '$lib/server/config';
import { openDatabase, type Db } from '$lib/server/db/open';
import { runAdmin } from './cli/admin-commands';
import { cliLocale } from './cli/locale';

let db: Db | undefined;
const code = await runAdmin(process.argv.slice(2), {
	openDb: () => (db ??= openDatabase(config.databasePath)),
	coursesDir: config.coursesDir,
	scormDir: config.scormDir,
	locale: cliLocale(),
	print: (line) => console.log(line),
	fail: (line) => console.error(line)
});
db?.close();
process.exit(code);
