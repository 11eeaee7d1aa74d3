// The catalogues split by area must still add up to one catalogue: no key in two areas, and every
// key a page shows in the areas its route loads, so a learner never sees a bare key.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS, type Area } from './index';
import { areasFor } from './messages';

const SRC = join(import.meta.dirname, '../..');

const catalogues = Object.fromEntries(
	await Promise.all(AREAS.map(async (area) => [area, (await import(`./vi/${area}.ts`)).messages as Record<string, string>] as const))
) as Record<Area, Record<string, string>>;
const areaOf = new Map(AREAS.flatMap((area) => Object.keys(catalogues[area]).map((key) => [key, area] as const)));

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]
	);
}

/** The areas loaded wherever this file shows: its route's, or its component folder's. */
function areasShowing(file: string): Area[] {
	const path = relative(SRC, file);
	if (path.startsWith('routes/')) return areasFor(path.slice('routes'.length).replace(/\/[^/]*$/, '') || '/');
	const folder = path.match(/^lib\/components\/(\w+)\//)?.[1];
	if (folder === 'quiz') return ['common', 'quiz'];
	if (folder === 'discussions') return ['common', 'discussion'];
	if (folder === 'charts') return areasFor('/manage');
	if (folder === 'directory') return ['common', 'directory'];
	return ['common'];
}

/** Keys a file hands to `t()`: quoted keys in components, `'…' as const` keys in server loads and actions. */
function keysShown(file: string): { key: string; prefix?: boolean }[] {
	const text = readFileSync(file, 'utf8');
	if (file.endsWith('.svelte')) {
		const quoted = [...text.matchAll(/'([a-z]+\.[A-Za-z0-9]+)'/g)].map((m) => m[1]!).filter((key) => areaOf.has(key));
		const prefixes = [...text.matchAll(/t\(`([a-z]+\.)\$\{/g)].map((m) => m[1]!);
		return [...quoted.map((key) => ({ key })), ...prefixes.map((key) => ({ key, prefix: true }))];
	}
	return [...text.matchAll(/'([a-z]+\.[A-Za-z0-9]+)' as const/g)].map((m) => ({ key: m[1]! })).filter(({ key }) => areaOf.has(key));
}

describe('message areas', () => {
	it('put each key in one area only', () => {
		const count = AREAS.reduce((sum, area) => sum + Object.keys(catalogues[area]).length, 0);
		expect(areaOf.size).toBe(count);
	});

	it('cover every key a page shows', () => {
		const files = [...filesUnder(join(SRC, 'routes')), ...filesUnder(join(SRC, 'lib/components'))].filter(
			(file) => file.endsWith('.svelte') || /\/\+(page|layout)\.server\.ts$/.test(file)
		);
		const missing: string[] = [];
		for (const file of files) {
			const loaded = areasShowing(file);
			for (const { key, prefix } of keysShown(file)) {
				const keys = prefix ? [...areaOf.keys()].filter((k) => k.startsWith(key)) : [key];
				for (const k of keys) {
					if (!loaded.includes(areaOf.get(k)!)) missing.push(`${relative(SRC, file)}: ${k} is in "${areaOf.get(k)}"`);
				}
			}
		}
		expect(missing).toEqual([]);
	});

	it('load component folders only on routes that load their areas', () => {
		const wrong: string[] = [];
		for (const file of filesUnder(join(SRC, 'routes')).filter((f) => f.endsWith('.svelte'))) {
			const loaded = areasShowing(file);
			for (const [, folder, name] of readFileSync(file, 'utf8').matchAll(/\$lib\/components\/(\w+)\/(\w+)\.svelte/g)) {
				const needs = areasShowing(join(SRC, 'lib/components', folder!, `${name}.svelte`));
				if (!needs.every((area) => loaded.includes(area))) wrong.push(`${relative(SRC, file)} uses ${folder}/${name}`);
			}
		}
		expect(wrong).toEqual([]);
	});
});
