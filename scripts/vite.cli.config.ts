// Builds the command-line tools in scripts/ with the same module rules as the app
// (the $lib alias, SQL migrations bundled with import.meta.glob, scripts bundled for the browser
// with ?browser-bundle) into build/cli/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { browserBundle } from './vite-browser-bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
	root,
	plugins: [browserBundle()],
	resolve: { alias: { $lib: `${root}src/lib` } },
	logLevel: 'warn',
	build: {
		ssr: true,
		outDir: 'build/cli',
		emptyOutDir: true,
		target: 'node20',
		rollupOptions: {
			input: {
				admin: `${root}scripts/admin.ts`,
				'courses-check': `${root}scripts/courses-check.ts`,
				demo: `${root}scripts/demo.ts`,
				'scorm-export': `${root}scripts/scorm-export.ts`,
				'bench-trainer-pages': `${root}scripts/bench/trainer-pages.ts`,
				'bench-synchronous': `${root}scripts/bench/synchronous.ts`,
				'bench-crash': `${root}scripts/bench/crash.ts`,
				'bench-page-weight': `${root}scripts/bench/page-weight.ts`,
				'bench-certificate': `${root}scripts/bench/certificate.ts`,
				'bench-write-lock': `${root}scripts/bench/write-lock.ts`,
				'bench-offline-download': `${root}scripts/bench/offline-download.ts`,
				bench: `${root}scripts/bench/bench.ts`
			},
			output: { format: 'esm', entryFileNames: '[name].js' }
		}
	}
});
