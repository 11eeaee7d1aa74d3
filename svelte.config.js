import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// The build evaluates this file more than once (client and server environments); a
		// Date.now() per evaluation gives the two halves different names and the client never
		// starts. One id per build process keeps them in step.
		version: { name: (process.env.TAPHUAN_BUILD_ID ??= Date.now().toString(36)) },
		adapter: adapter({ out: 'build', precompress: true }),
		// Cross-site form posts get 403 from src/hooks/cross-site.ts, the same check as SvelteKit's
		// but answered in the reader's language; SvelteKit's own would answer first, in English.
		// (`checkOrigin` is marked deprecated in favour of `trustedOrigins: ['*']`, which would
		// read as "trust everyone"; it is the same switch.)
		csrf: { checkOrigin: false },
		// Strict CSP: SvelteKit's inline bootstrap script carries a fresh nonce on every page.
		// ('hash' made SvelteKit hash that script, page data included, in JavaScript on every
		// request: nearly a millisecond on the longest lesson.)
		csp: {
			mode: 'nonce',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['self'],
				'frame-ancestors': ['self']
			}
		}
	}
};

export default config;
