// Browser tests against the built server (`node build`), each test with its own server and
// database (see e2e/fixtures.ts), in Debian's Chromium: nothing is downloaded.
import { defineConfig } from '@playwright/test';

export default defineConfig({
	testDir: './e2e',
	testMatch: '**/*.e2e.ts',
	outputDir: '../test-results',
	fullyParallel: true,
	workers: 2,
	// In CI a failed flow is run once more and reported as flaky (the list says so): a shared 2-core
	// machine sometimes loses a race a person would never see. A test that fails twice fails CI.
	// Locally nothing is retried, so a flaky test shows at once.
	retries: process.env.CI ? 1 : 0,
	// whole user flows (several pages, several people) on a shared 2-core machine; nothing here is a timing assertion
	timeout: 120_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		headless: true,
		locale: 'vi-VN',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-quic',
				'--no-first-run'
			]
		}
	}
});
