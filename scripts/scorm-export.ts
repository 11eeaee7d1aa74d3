// `npm run scorm:export -- <course>`: packs a Markdown course as a SCORM 1.2 .zip. See --help.
import { config } from '$lib/server/config';
import { cliLocale } from './cli/locale';
import { runScormExport } from './cli/scorm-export-command';

const code = await runScormExport(process.argv.slice(2), {
	coursesDir: config.coursesDir,
	// npm runs scripts from the project folder; paths the user typed are relative to where they were
	cwd: process.env.INIT_CWD ?? process.cwd(),
	locale: cliLocale(),
	print: (line) => console.log(line),
	fail: (line) => console.error(line)
});
process.exit(code);
