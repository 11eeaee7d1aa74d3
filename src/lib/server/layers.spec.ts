// The layering docs/architecture.md promises, checked: services know no HTTP (SvelteKit is
// imported only by the guards, the http/ helpers and the session cookie), and nothing a browser
// loads imports server code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
	});
}

const rel = (path: string) => relative(ROOT, path).split(sep).join('/');
const imports = (path: string, what: RegExp) => what.test(readFileSync(path, 'utf8'));

describe('layers', () => {
	it('services import SvelteKit only in guards (access.ts, guard.ts), http/ and the session cookie', () => {
		const allowed = /^src\/lib\/server\/(.+\/(access|guard)\.ts|http\/.+|auth\/cookie\.ts)$/;
		const offenders = sourceFiles(join(ROOT, 'src/lib/server'))
			.filter((path) => imports(path, /from '@sveltejs\/kit'/))
			.map(rel)
			.filter((path) => !allowed.test(path));
		expect(offenders).toEqual([]);
	});

	it('browser code and shared rules in src/lib never import src/lib/server', () => {
		const offenders = sourceFiles(join(ROOT, 'src/lib'))
			.map(rel)
			.filter((path) => !path.startsWith('src/lib/server/'))
			.flatMap((path) =>
				[...readFileSync(join(ROOT, path), 'utf8').matchAll(/from '((?:\$lib\/|(?:\.\.\/)+)server\/[^']+)'/g)].map((m) => `${path} -> ${m[1]}`)
			)
			// the one exception: the exported SCORM package grades in the page with the server's own
			// pure grading modules, bundled into the package only (never into the site's pages)
			.filter((line) => !/^src\/lib\/scorm\/export-runtime\/[^ ]+ -> \$lib\/server\/quiz\/(grade|responses|snapshot|types)$/.test(line));
		expect(offenders).toEqual([]);
	});
});
