// Reads courses/<slug>/course.md and <NN-slug>/lesson.md, validates them and renders lessons.
// A course with any error is not loaded at all (others still are): learners never see half a course.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import { renderMarkdown, type Section } from '../markdown/render';
import { directiveProblems, renderDirective } from './directives';
import { glossaryUrl, loadGlossary, type Glossary } from './glossary';
import { parseFrontmatter } from './frontmatter';
import type { Locale } from '$lib/i18n';
import type { LoadError, Problem } from './problems';
import { courseSchema, lessonSchema, type CertificateFrontmatter, type CourseFrontmatter } from './schema';
import { serialFormatProblem } from '../certificates/serial';
import { parseQuiz } from '../quiz/parse';
import { findFile } from '../text/file-names';
import { nfc } from '../text/nfc';
import type { Quiz } from '../quiz/types';
import type { ModuleCompletionRule } from '../tracking/status';

export interface Module {
	/** the folder name without its number: the module's identity in URLs and tracking, so
	 * renumbering folders (inserting a module) keeps every learner's progress */
	slug: string;
	/** the folder name, e.g. "01-tinh-hinh-va-khung-phap-ly" */
	folder: string;
	number: number;
	title: string;
	summary: string;
	estimatedMinutes: number;
	objectives: string[];
	discussionQuestions: string[];
	/** how the lesson is completed: by reading it, or by posting on the module's board */
	completion: 'read' | 'discussion';
	lesson: { html: string; sections: Section[]; contentHash: string };
	/** the module's quiz.md, when it has one */
	quiz: Quiz | null;
	/** absolute path of the module's folder (media/ lives inside) */
	dir: string;
}

export interface Course {
	slug: string;
	title: string;
	summary: string;
	language: 'vi' | 'en';
	moduleCompletion: ModuleCompletionRule;
	/** what completes the course (tracking/completion-rule.ts evaluates it) */
	completion: CompletionRule;
	sharedDiscussions: boolean;
	introHtml: string;
	/** the course's glossary.md, when it has one */
	glossary: Glossary | null;
	modules: Module[];
	/** SCORM packages declared in course.md (placed in their modules when the server starts) */
	scorm: DeclaredPackage[];
	/** the certificate issued on completion; null: the course issues none */
	certificate: CertificateSettings | null;
}

export interface CertificateSettings {
	issuer: string;
	signerTitle: string;
	signerName: string | null;
	hours: number | null;
	serialFormat: string;
	/** absolute path of the seal or signature image, when the course has one */
	sealImage: string | null;
}

export interface CompletionRule {
	/** slugs of the modules that must be complete, in course order */
	modules: string[];
	/** slug of the module whose quiz must be passed, if any */
	finalAssessment: string | null;
	/** in-person sessions to attend, at least */
	sessions: number;
	/** time on task across the course's modules, at least */
	minStudyMinutes: number;
}

export interface DeclaredPackage {
	moduleSlug: string;
	/** the zip's path inside the course folder, as written */
	file: string;
	/** the same, absolute */
	path: string;
	title: string | null;
}

export interface LoadResult {
	courses: Course[];
	errors: LoadError[];
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const MODULE_DIR = /^(\d{2})-([a-z0-9][a-z0-9-]*)$/;

/**
 * Course files in NFC (../text/nfc.ts): titles, lesson text and quiz answers written in NFD
 * (an editor on a Mac, a Vietnamese keyboard in "Unicode tổ hợp") look the same and now are the
 * same. Files they link to are found whatever form their names are in (../text/file-names.ts).
 */
function readCourseFile(path: string): string {
	return nfc(readFileSync(path, 'utf8'));
}

function subdirectories(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
		.map((entry) => entry.name)
		.sort();
}

/** decodeURI throws on a stray "%" ("media/100%.png"): an author's typo to report, not a crash. */
function decodePath(path: string): string {
	try {
		return decodeURI(path);
	} catch {
		return path;
	}
}

/** Relative media links that point at files the module does not have, and images from elsewhere. */
function mediaProblems(body: string, bodyFirstLine: number, moduleDir: string): Problem[] {
	const problems: Problem[] = [];
	const externalImage = /!\[[^\]]*\]\(\s*<?((?:[a-z][a-z0-9+.-]*:)?\/\/[^)\s>]+)/gi;
	const link = /!?\[[^\]]*\]\(\s*<?((?:\.\/)?media\/[^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
	body.split('\n').forEach((text, index) => {
		for (const match of text.matchAll(externalImage)) {
			problems.push({ line: bodyFirstLine + index, key: 'loader.externalImage', params: { path: match[1]! } });
		}
		for (const match of text.matchAll(link)) {
			const target = decodePath(match[1]!.split('#')[0]!);
			const path = normalize(join(moduleDir, target));
			if (!path.startsWith(join(moduleDir, 'media') + sep) || !findFile(moduleDir, path)) {
				problems.push({
					line: bodyFirstLine + index,
					key: 'loader.missingMedia',
					params: { path: target }
				});
			}
		}
	});
	return problems;
}

export function mediaUrl(courseSlug: string, moduleSlug: string, path: string): string {
	const clean = path.replace(/^\.\//, '').replace(/^media\//, '');
	return `/courses/${courseSlug}/${moduleSlug}/media/${clean}`;
}

/** The module's quiz: null when it has none, undefined when quiz.md has errors. */
function loadQuiz(dir: string, file: string, errors: LoadError[]): Quiz | null | undefined {
	const path = join(dir, 'quiz.md');
	if (!existsSync(path)) return null;
	const { quiz, problems } = parseQuiz(readCourseFile(path));
	problems.forEach((p) => errors.push({ file, ...p }));
	return quiz ?? undefined;
}

function loadModule(
	coursesDir: string,
	courseSlug: string,
	dirName: string,
	errors: LoadError[],
	/** the course's language: what a directive's link says */
	language: Locale,
	/** the course glossary, whose terms are linked on their first use */
	glossary: Glossary | null
): Module | null {
	const dir = join(coursesDir, courseSlug, dirName);
	const file = `${courseSlug}/${dirName}/lesson.md`;
	const report = (problems: Problem[]) => problems.forEach((p) => errors.push({ file, ...p }));
	const match = MODULE_DIR.exec(dirName);
	if (!match) {
		errors.push({ file: `${courseSlug}/${dirName}`, line: 0, key: 'loader.badModuleFolder' });
		return null;
	}
	const path = join(dir, 'lesson.md');
	if (!existsSync(path)) {
		errors.push({ file, line: 0, key: 'loader.missingLesson' });
		return null;
	}
	const source = readCourseFile(path);
	const parsed = parseFrontmatter(source, lessonSchema);
	report(parsed.problems);
	if (!parsed.data) return null;
	const mediaErrors = mediaProblems(parsed.body, parsed.bodyFirstLine, dir);
	report(mediaErrors);
	const badDirectives = directiveProblems(parsed.body, parsed.bodyFirstLine);
	report(badDirectives);
	const rendered = renderMarkdown(parsed.body, {
		resolveRelative: (href) =>
			/^(\.\/)?media\//.test(href) ? mediaUrl(courseSlug, match[2]!, href) : href,
		directive: (name, argument) => renderDirective(name, argument, language),
		terms: glossary ? { terms: glossary.terms, href: (id) => glossaryUrl(courseSlug, id) } : undefined
	});
	if (rendered.sections.length === 0) {
		report([{ line: parsed.bodyFirstLine, key: 'loader.noSections' }]);
		return null;
	}
	if (mediaErrors.length || badDirectives.length) return null;
	const quiz = loadQuiz(dir, `${courseSlug}/${dirName}/quiz.md`, errors);
	if (quiz === undefined) return null;
	return {
		slug: match[2]!,
		folder: dirName,
		number: Number(match[1]),
		title: parsed.data.title,
		summary: parsed.data.summary ?? '',
		estimatedMinutes: parsed.data.estimatedMinutes,
		objectives: parsed.data.objectives,
		discussionQuestions: parsed.data.discussionQuestions,
		completion: parsed.data.completion,
		lesson: {
			html: rendered.html,
			sections: rendered.sections,
			contentHash: createHash('sha256').update(source).digest('hex').slice(0, 16)
		},
		quiz,
		dir
	};
}

/** Loads one course; returns null (and fills errors) when anything in it is wrong. */
export function loadCourse(coursesDir: string, slug: string, errors: LoadError[]): Course | null {
	const before = errors.length;
	const file = `${slug}/course.md`;
	if (!SLUG.test(slug)) {
		errors.push({ file: slug, line: 0, key: 'loader.badCourseFolder' });
		return null;
	}
	const path = join(coursesDir, slug, 'course.md');
	if (!existsSync(path)) {
		errors.push({ file, line: 0, key: 'loader.missingCourseFile' });
		return null;
	}
	const parsed = parseFrontmatter(readCourseFile(path), courseSchema);
	parsed.problems.forEach((p) => errors.push({ file, ...p }));

	const glossary = loadGlossary(coursesDir, slug, errors);
	const folders = subdirectories(join(coursesDir, slug));
	const modules: Module[] = [];
	for (const folder of folders) {
		const module = loadModule(coursesDir, slug, folder, errors, parsed.data?.language ?? 'vi', glossary ?? null);
		if (module) modules.push(module);
	}
	const numbers = new Map<number, string>();
	const slugs = new Map<string, string>();
	for (const module of modules) {
		const sameNumber = numbers.get(module.number);
		if (sameNumber) {
			errors.push({
				file: `${slug}/${module.folder}`,
				line: 0,
				key: 'loader.duplicateModuleNumber',
				params: { other: sameNumber }
			});
		}
		const sameSlug = slugs.get(module.slug);
		if (sameSlug) {
			errors.push({
				file: `${slug}/${module.folder}`,
				line: 0,
				key: 'loader.duplicateModuleSlug',
				params: { other: sameSlug }
			});
		}
		numbers.set(module.number, module.folder);
		slugs.set(module.slug, module.folder);
	}
	if (!parsed.data) return null;

	let ordered = modules.sort((a, b) => a.number - b.number);
	if (parsed.data.modules) {
		const byFolder = new Map(modules.map((m) => [m.folder, m]));
		ordered = [];
		for (const name of parsed.data.modules) {
			const module = byFolder.get(name);
			if (module) ordered.push(module);
			else if (!folders.includes(name)) {
				errors.push({ file, line: parsed.lineOf('modules'), key: 'loader.unknownModule', params: { name } });
			}
		}
		for (const module of modules) {
			if (!parsed.data.modules.includes(module.folder)) {
				errors.push({ file, line: parsed.lineOf('modules'), key: 'loader.moduleNotListed', params: { name: module.folder } });
			}
		}
	}
	if (folders.length === 0) errors.push({ file, line: 0, key: 'loader.noModules' });
	const scorm = declaredPackages(coursesDir, slug, parsed.data.scorm, modules, (key, params) =>
		errors.push({ file, line: parsed.lineOf('scorm'), key, params })
	);
	const completion = completionRule(parsed.data.completion, ordered, (path, key, params) =>
		errors.push({ file, line: parsed.lineOf(['completion', ...path]), key, params })
	);
	const certificate = parsed.data.certificate
		? certificateSettings(coursesDir, slug, parsed.data.certificate, (path, key, params) =>
				errors.push({ file, line: parsed.lineOf(['certificate', path]), key, params })
			)
		: null;
	if (errors.length > before) return null;

	return {
		slug,
		title: parsed.data.title,
		summary: parsed.data.summary,
		language: parsed.data.language,
		moduleCompletion: parsed.data.moduleCompletion,
		completion,
		sharedDiscussions: parsed.data.sharedDiscussions,
		introHtml: renderMarkdown(parsed.body).html,
		glossary: glossary ?? null,
		modules: ordered,
		scorm,
		certificate
	};
}

/** The certificate block: a serial format that gives unique serials, a seal image that exists. */
function certificateSettings(
	coursesDir: string,
	slug: string,
	block: CertificateFrontmatter,
	report: (path: string, key: LoadError['key'], params?: Record<string, string>) => void
): CertificateSettings {
	const problem = serialFormatProblem(block.serialFormat);
	if (problem) report('serialFormat', 'loader.certificateSerialFormat', { format: block.serialFormat });
	let sealImage: string | null = null;
	if (block.sealImage) {
		const courseDir = resolve(coursesDir, slug);
		const path = resolve(courseDir, block.sealImage);
		const found = path.startsWith(courseDir + sep) ? findFile(courseDir, path) : null;
		if (!/\.(png|jpe?g)$/i.test(block.sealImage)) report('sealImage', 'loader.certificateSealImage', { path: block.sealImage });
		else if (!found) report('sealImage', 'loader.missingMedia', { path: block.sealImage });
		else sealImage = found;
	}
	return {
		issuer: block.issuer,
		signerTitle: block.signerTitle,
		signerName: block.signerName ?? null,
		hours: block.hours ?? null,
		serialFormat: block.serialFormat,
		sealImage
	};
}

/** The completion rule with its module slugs checked: each a module of the course, the final
 * assessment a module with a quiz. */
function completionRule(
	written: CourseFrontmatter['completion'],
	modules: Module[],
	report: (path: (string | number)[], key: LoadError['key'], params: Record<string, string>) => void
): CompletionRule {
	const known = modules.map((m) => m.slug).join(', ');
	const required = written.modules === 'all' ? modules.map((m) => m.slug) : [...new Set(written.modules)];
	required.forEach((slug, index) => {
		if (!modules.some((m) => m.slug === slug)) report(['modules', index], 'loader.completionUnknownModule', { name: slug, known });
	});
	const final = written.finalAssessment ?? null;
	if (final !== null) {
		const module = modules.find((m) => m.slug === final);
		if (!module) report(['finalAssessment'], 'loader.completionUnknownModule', { name: final, known });
		else if (!module.quiz) report(['finalAssessment'], 'loader.completionFinalWithoutQuiz', { name: final });
	}
	return {
		modules: modules.map((m) => m.slug).filter((slug) => required.includes(slug)),
		finalAssessment: final,
		sessions: written.sessions,
		minStudyMinutes: written.minStudyMinutes
	};
}

/** The packages course.md declares: each in a module of the course, each a .zip inside the
 * course folder. Their content is checked when they are imported (and by courses:check). */
function declaredPackages(
	coursesDir: string,
	slug: string,
	declared: { module: string; file: string; title?: string }[],
	modules: Module[],
	report: (key: LoadError['key'], params: Record<string, string>) => void
): DeclaredPackage[] {
	const courseDir = resolve(coursesDir, slug);
	return declared.flatMap((entry) => {
		if (!modules.some((module) => module.slug === entry.module)) {
			report('loader.scormUnknownModule', { name: entry.module, known: modules.map((m) => m.slug).join(', ') });
			return [];
		}
		const path = resolve(courseDir, entry.file);
		if (!path.startsWith(courseDir + sep) || !entry.file.toLowerCase().endsWith('.zip')) {
			report('loader.scormBadFile', { path: entry.file });
			return [];
		}
		const found = findFile(courseDir, path);
		if (!found) {
			report('loader.missingMedia', { path: entry.file });
			return [];
		}
		return [{ moduleSlug: entry.module, file: entry.file, path: found, title: entry.title ?? null }];
	});
}

export function loadCourses(coursesDir: string): LoadResult {
	const errors: LoadError[] = [];
	const courses: Course[] = [];
	if (!existsSync(coursesDir) || !statSync(coursesDir).isDirectory()) {
		errors.push({ file: coursesDir, line: 0, key: 'loader.noCoursesFolder' });
		return { courses, errors };
	}
	for (const slug of subdirectories(coursesDir)) {
		const course = loadCourse(coursesDir, slug, errors);
		if (course) courses.push(course);
	}
	return { courses, errors };
}
