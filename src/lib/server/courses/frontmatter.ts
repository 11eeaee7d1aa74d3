// Splits a Markdown file into YAML frontmatter and body, validates the frontmatter against a
// schema, and reports every problem with the line it is on, so authors can find it.
import matter from 'gray-matter';
import { LineCounter, parseDocument, isMap, isScalar, type Node } from 'yaml';
import type { z } from 'zod';
import type { Problem } from './problems';

export interface ParsedFile<T> {
	data: T | null;
	body: string;
	/** file line of the body's first line, so body problems can be reported in file lines */
	bodyFirstLine: number;
	/** file line of a top-level frontmatter key (1 when absent), for problems found later */
	lineOf: (key: string) => number;
	/** file line of a nested setting (`['completion', 'sessions']`), else of its nearest parent */
	lineOfPath: (path: (string | number)[]) => number;
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
		return { data: null, body: split.content, bodyFirstLine, problems, lineOf: () => 1, lineOfPath: () => 1 };
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
	if (problems.length) return { data: null, body: split.content, bodyFirstLine, problems, lineOf: () => 1, lineOfPath: () => 1 };

	const lineOfKey = (key: string | number | undefined): number => {
		const contents = doc.contents;
		if (key !== undefined && isMap(contents)) {
			for (const pair of contents.items) {
				if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
					return lineCounter.linePos(pair.key.range[0]).line;
				}
			}
		}
		const range = (contents as Node | null)?.range;
		return range ? lineCounter.linePos(range[0]).line : 1;
	};

	const lineOfPath = (path: (string | number)[]): number => {
		for (let depth = path.length; depth > 1; depth--) {
			const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
			if (node?.range) return lineCounter.linePos(node.range[0]).line;
		}
		return lineOfKey(path[0] as string | undefined);
	};

	const result = schema.safeParse(doc.toJS(), { reportInput: true });
	if (!result.success) {
		for (const issue of result.error.issues) {
			if (issue.code === 'unrecognized_keys') {
				for (const key of issue.keys) {
					problems.push({ line: lineOfPath([...(issue.path as (string | number)[]), key]), key: 'loader.unknownSetting', params: { name: [...issue.path, key].join('.') } });
				}
				continue;
			}
			const name = issue.path.map(String).join('.') || '(frontmatter)';
			const missing = issue.code === 'invalid_type' && issue.input === undefined;
			problems.push({
				line: lineOfPath(issue.path as (string | number)[]),
				key: missing ? 'loader.missingSetting' : 'loader.invalidSetting',
				params: { name, detail: issue.message }
			});
		}
		return { data: null, body: split.content, bodyFirstLine, problems, lineOf: lineOfKey, lineOfPath };
	}
	return { data: result.data, body: split.content, bodyFirstLine, problems, lineOf: lineOfKey, lineOfPath };
}
