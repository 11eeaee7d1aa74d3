// The course glossary: courses/<slug>/glossary.md, optional. Its frontmatter lists the terms
// (checked like any course file, problems at their line); its body is an introduction. Lessons
// link each term on its first use (markdown/terms.ts), and /courses/<slug>/thuat-ngu shows them all.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { renderMarkdown, renderInlineMarkdown } from '../markdown/render';
import { nfc } from '../text/nfc';
import { parseFrontmatter } from './frontmatter';
import type { LoadError } from './problems';

const text = z.string().trim().min(1);

const termSchema = z
	.object({
		/** the entry's anchor on the glossary page: lower-case letters without marks, digits, dashes */
		id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
		term: text.max(120),
		/** the English name or gloss */
		english: text.max(200),
		/** Markdown, one paragraph */
		definition: text.max(2000),
		/** spellings in lessons that are a use of the term; the term itself when not given */
		matches: z.array(text.max(120)).optional(),
		/** words not to use for it, said beside the recommended term */
		avoid: z.array(text.max(120)).default([]),
		/** why, or what to say instead; Markdown, one paragraph */
		avoidNote: text.max(1000).optional(),
		/** false: listed on the page, never linked in lessons (a word too common to link) */
		link: z.boolean().default(true)
	})
	.strict();

const glossarySchema = z
	.object({
		title: text.max(200),
		terms: z.array(termSchema).min(1)
	})
	.strict();

export interface GlossaryTerm {
	id: string;
	term: string;
	english: string;
	definitionHtml: string;
	avoid: string[];
	avoidNoteHtml: string | null;
	/** the spellings linked in lessons; empty when the term is not linked */
	matches: string[];
}

export interface Glossary {
	title: string;
	introHtml: string;
	terms: GlossaryTerm[];
}

export const GLOSSARY_FILE = 'glossary.md';

/** The URL of the glossary page, or of one term on it. */
export function glossaryUrl(courseSlug: string, termId?: string): string {
	return `/courses/${courseSlug}/thuat-ngu${termId ? `#${termId}` : ''}`;
}

/** The course's glossary: null when it has none, undefined when the file has errors. */
export function loadGlossary(coursesDir: string, slug: string, errors: LoadError[]): Glossary | null | undefined {
	const path = join(coursesDir, slug, GLOSSARY_FILE);
	if (!existsSync(path)) return null;
	const file = `${slug}/${GLOSSARY_FILE}`;
	const parsed = parseFrontmatter(nfc(readFileSync(path, 'utf8')), glossarySchema);
	parsed.problems.forEach((p) => errors.push({ file, ...p }));
	if (!parsed.data) return undefined;
	const before = errors.length;
	const ids = new Map<string, number>();
	const spellings = new Map<string, string>();
	parsed.data.terms.forEach((term, index) => {
		const line = parsed.lineOf(['terms', index]);
		const other = ids.get(term.id);
		if (other !== undefined) errors.push({ file, line, key: 'loader.glossaryDuplicateId', params: { id: term.id, line: other } });
		ids.set(term.id, line);
		if (!term.link) return;
		for (const match of term.matches ?? [term.term]) {
			const key = match.toLocaleLowerCase('vi');
			const owner = spellings.get(key);
			if (owner !== undefined && owner !== term.id) {
				errors.push({ file, line: parsed.lineOf(['terms', index, 'matches']), key: 'loader.glossaryDuplicateMatch', params: { match, other: owner } });
			}
			spellings.set(key, term.id);
		}
	});
	if (errors.length > before) return undefined;
	return {
		title: parsed.data.title,
		introHtml: renderMarkdown(parsed.body).html,
		terms: parsed.data.terms.map((term) => ({
			id: term.id,
			term: term.term,
			english: term.english,
			definitionHtml: renderInlineMarkdown(term.definition),
			avoid: term.avoid,
			avoidNoteHtml: term.avoidNote ? renderInlineMarkdown(term.avoidNote) : null,
			matches: term.link ? (term.matches ?? [term.term]) : []
		}))
	};
}
