// Takes the orientation module's screenshots from the real pages (see take.shots.ts).
// Run with `npm run screenshots`; it builds the server first.
import { defineConfig } from '@playwright/test';
import base from '../../tests/playwright.config';

export default defineConfig({
	...base,
	testDir: '.',
	testMatch: '**/*.shots.ts',
	outputDir: '../../test-results/screenshots',
	workers: 1,
	use: {
		...base.use,
		// a mid-range phone: what most learners use
		viewport: { width: 360, height: 740 },
		deviceScaleFactor: 1,
		isMobile: true,
		hasTouch: true,
		trace: 'off'
	}
});
