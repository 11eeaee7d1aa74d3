// `import code from './entry.ts?browser-bundle'` gives the text of `entry.ts` and everything it
// imports, bundled for the browser as one classic script (an IIFE). The SCORM export ships such
// a script inside its packages, so the in-page quiz runs the very grading code the server runs.
import path from 'node:path';
import { build, type Plugin } from 'vite';

const QUERY = '?browser-bundle';
/** The global the script defines, holding the entry's exports. */
export const BROWSER_BUNDLE_GLOBAL = 'TaphuanScorm';

export function browserBundle(): Plugin {
	let root = process.cwd();
	return {
		name: 'taphuan:browser-bundle',
		enforce: 'pre',
		configResolved(config) {
			root = config.root;
		},
		async resolveId(source, importer) {
			if (!source.endsWith(QUERY)) return null;
			const resolved = await this.resolve(source.slice(0, -QUERY.length), importer, { skipSelf: true });
			return resolved ? resolved.id + QUERY : null;
		},
		async load(id) {
			if (!id.endsWith(QUERY)) return null;
			const entry = id.slice(0, -QUERY.length);
			const output = await build({
				// a build of its own: no config file (it would load this plugin again), no public folder
				configFile: false,
				publicDir: false,
				root,
				logLevel: 'warn',
				resolve: { alias: { $lib: path.join(root, 'src/lib') } },
				build: {
					write: false,
					// old phones' browsers, which LMS players still meet
					target: 'es2018',
					// learners pay for each byte on mobile data: minified, a page script is about half
					// its size on the wire (the discussions' script with its outbox: 5.8 → 3.2 KB gzip)
					minify: true,
					lib: { entry, formats: ['iife'], name: BROWSER_BUNDLE_GLOBAL }
				}
			});
			const chunk = Array.isArray(output) ? output[0] : output;
			if (!chunk || !('output' in chunk)) throw new Error(`browser-bundle: no output for ${entry}`);
			for (const module of chunk.output[0].moduleIds ?? []) this.addWatchFile(module);
			return `export default ${JSON.stringify(chunk.output[0].code)};`;
		}
	};
}
