// Splits a Markdown file into YAML frontmatter and body, validates the frontmatter against a
// schema, and reports every problem with the line it is on, so authors can find it.
import matter from 'gray-matter';
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import type { Problem } from './problems';

export interface ParsedFile<T> {
	data: T | null;
	body: string;
	/** file line of the body's first line, so body problems can be reported in file lines */
	bodyFirstLine: number;
	/** file line of a frontmatter key, top-level or a path into a block (`['certificate',
	 * 'sealImage']`, or `lineOf('pool', 'm1')`); the nearest enclosing key's line when absent,
	 * 1 when none is */
	lineOf: (key: string | readonly PropertyKey[], ...nested: string[]) => number;
	problems: Problem[];
}

// gray-matter finds the delimiters; the YAML itself is parsed here, where line numbers are kept.
const SPLIT_ONLY = { engines: { yaml: () => ({}) } };

export function parseFrontmatter<S extends z.ZodType>(
	text: string,
	schema: S
): ParsedFile<z.infer<S>> {
	// Files saved on Windows end lines with \r\n; YAML would read `estimatedMinutes: 10\r` as text.
	const source = text.replace(/\r\n?/g, '\n');
	const split = matter(source, SPLIT_ONLY);
	const bodyFirstLine = source.split('\n').length - split.content.split('\n').length + 1;
	const problems: Problem[] = [];
	if (!split.matter.trim()) {
		problems.push({ line: 1, key: 'loader.noFrontmatter' });
		return { data: null, body: split.content, bodyFirstLine, problems, lineOf: () => 1 };
	}
	const lineCounter = new LineCounter();
	// `matter` starts with the newline that ends the opening `---`, so its line N is file line N.
	const doc = parseDocument(split.matter, { lineCounter, prettyErrors: false, uniqueKeys: true });
	for (const error of doc.errors) {
		problems.push({
			line: lineCounter.linePos(error.pos[0]).line,
			key: 'loader.yamlSyntax',
			params: { detail: error.message.split('\n')[0] ?? '' }
		});
	}
	if (problems.length) return { data: null, body: split.content, bodyFirstLine, problems, lineOf: () => 1 };

	const lineOfKey = (key: string | readonly PropertyKey[] | undefined, ...nested: string[]): number => {
		const path = key === undefined ? [] : typeof key === 'string' ? [key, ...nested] : key;
		let node = doc.contents as Node | null;
		const range = node?.range;
		let line = range ? lineCounter.linePos(range[0]).line : 1;
		for (const segment of path) {
			if (isMap(node)) {
				const pair = node.items.find((p) => isScalar(p.key) && p.key.value === segment);
				if (!pair) break;
				if (isScalar(pair.key) && pair.key.range) line = lineCounter.linePos(pair.key.range[0]).line;
				node = pair.value as Node | null;
			} else if (isSeq(node) && typeof segment === 'number') {
				const item = node.items[segment] as Node | undefined;
				if (!item) break;
				if (item.range) line = lineCounter.linePos(item.range[0]).line;
				node = item;
			} else break;
		}
		return line;
	};

	const result = schema.safeParse(doc.toJS(), { reportInput: true });
	if (!result.success) {
		for (const issue of result.error.issues) {
			if (issue.code === 'unrecognized_keys') {
				for (const key of issue.keys) {
					problems.push({ line: lineOfKey([...issue.path, key]), key: 'loader.unknownSetting', params: { name: [...issue.path.map(String), key].join('.') } });
				}
				continue;
			}
			const name = issue.path.map(String).join('.') || '(frontmatter)';
			const missing = issue.code === 'invalid_type' && issue.input === undefined;
			problems.push({
				line: lineOfKey(issue.path),
				key: missing ? 'loader.missingSetting' : 'loader.invalidSetting',
				params: { name, detail: issue.message }
			});
		}
		return { data: null, body: split.content, bodyFirstLine, problems, lineOf: lineOfKey };
	}
	return { data: result.data, body: split.content, bodyFirstLine, problems, lineOf: lineOfKey };
}
