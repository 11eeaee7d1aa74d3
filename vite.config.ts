import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { browserBundle } from './scripts/vite-browser-bundle.js';

export default defineConfig({
	plugins: [sveltekit(), browserBundle()],
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
		environment: 'node',
		// stylesheets imported as text (the SCORM export ships them) keep their text in tests
		css: { include: [/\.css\?raw$/] },
		// argon2 hashing is deliberately slow; give unit tests room on a 2-core machine.
		testTimeout: 20_000
	}
});
