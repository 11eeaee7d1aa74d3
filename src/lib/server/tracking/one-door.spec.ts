// The tracking table has one door: only src/lib/server/tracking/ writes it. A write anywhere
// else (a service "just updating the attempts") would bring back a second merge policy.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../../..');
const WRITE = /\b(insert(\s+or\s+\w+)?\s+into|update|replace\s+into)\s+tracking\b/i;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
		return /\.(ts|js|svelte)$/.test(name) ? [path] : [];
	});
}

function writersOfTracking(files: string[]): string[] {
	return files
		.map((path) => relative(ROOT, path).split(sep).join('/'))
		// migrations shape the table; tests may seed rows as an older version of the code wrote them
		.filter((path) => !path.startsWith('src/lib/server/tracking/') && !path.includes('/migrations/') && !path.endsWith('.spec.ts'))
		.filter((path) => WRITE.test(readFileSync(join(ROOT, path), 'utf8')));
}

describe('the tracking table', () => {
	it('is written only by src/lib/server/tracking/', () => {
		const files = ['src', 'scripts'].flatMap((dir) => sourceFiles(join(ROOT, dir)));
		expect(files.length).toBeGreaterThan(100);
		expect(writersOfTracking(files)).toEqual([]);
	});

	it('would notice a write elsewhere', () => {
		expect(WRITE.test('db.prepare(`UPDATE tracking SET attempts = ?`)')).toBe(true);
		expect(WRITE.test("INSERT OR IGNORE INTO tracking (user_id) VALUES (1)")).toBe(true);
		expect(WRITE.test('REPLACE INTO tracking VALUES (1)')).toBe(true);
		expect(WRITE.test('SELECT * FROM tracking')).toBe(false);
	});
});
