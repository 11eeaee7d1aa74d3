// Every transaction in the server code starts with BEGIN IMMEDIATE. A deferred one that reads
// before it writes fails with SQLITE_BUSY at once, whatever busy_timeout says, when another
// connection (a second server process, the admin CLI) committed in between.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
	});
}

/** What follows the closing parenthesis of the call that opens at `open`. */
function afterCall(source: string, open: number): string {
	let depth = 0;
	for (let i = open; i < source.length; i++) {
		if (source[i] === '(') depth++;
		else if (source[i] === ')' && --depth === 0) return source.slice(i + 1, i + 40).replace(/\s+/g, '');
	}
	return '';
}

describe('transactions in src/lib/server', () => {
	it('all run as .immediate()', () => {
		const deferred: string[] = [];
		let found = 0;
		for (const file of sourceFiles(ROOT)) {
			const source = readFileSync(file, 'utf8');
			for (const match of source.matchAll(/\.transaction\(/g)) {
				found++;
				const open = match.index + match[0].length - 1;
				if (!afterCall(source, open).startsWith('.immediate(')) {
					const line = source.slice(0, match.index).split('\n').length;
					deferred.push(`${relative(ROOT, file)}:${line}`);
				}
			}
		}
		expect(found).toBeGreaterThan(20);
		expect(deferred).toEqual([]);
	});
});
