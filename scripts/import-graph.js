#!/usr/bin/env node
// Prints which src/lib/server/<area> folders import which others, and the pairs that import each
// other (a cycle between two areas is a design smell worth a look). Spec files are left out.
//   node scripts/import-graph.js [root]     (root defaults to the repository this script is in)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const server = join(root, 'src/lib/server');
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

function files(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path);
		return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
	});
}

/** The area a file of src/lib/server belongs to: its first folder, or its own name for a loose file. */
function areaOf(path) {
	const parts = relative(server, path).split(sep);
	return parts.length > 1 ? parts[0] : parts[0].replace(/\.ts$/, '');
}

function target(from, specifier) {
	if (specifier.startsWith('$lib/server/')) return join(server, specifier.slice('$lib/server/'.length));
	if (specifier.startsWith('.')) return resolve(dirname(from), specifier);
	return null;
}

const graph = new Map();
for (const file of files(server)) {
	const area = areaOf(file);
	const deps = graph.get(area) ?? new Set();
	graph.set(area, deps);
	for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
		const path = target(file, specifier);
		if (!path || !path.startsWith(server + sep)) continue;
		const other = areaOf(path.endsWith('.ts') ? path : `${path}.ts`);
		if (other !== area) deps.add(other);
	}
}

const areas = [...graph.keys()].sort();
for (const area of areas) console.log(`${area} -> ${[...graph.get(area)].sort().join(', ') || '(nothing)'}`);
const mutual = areas.flatMap((a) => [...graph.get(a)].filter((b) => a < b && graph.get(b)?.has(a)).map((b) => `${a} <-> ${b}`));
console.log(`\nareas importing each other: ${mutual.length ? mutual.join('; ') : 'none'}`);
