// What a module's offline download holds and which version of the course it is: the phone keeps
// one copy per module, named by this version, and replaces it when the course changes.
import { createHash } from 'node:crypto';
import type { Course, Module } from './loader';

// a loaded course never changes (a reload makes new objects): one hash per course object
const versions = new WeakMap<Course, string>();

/** Changes whenever any lesson, quiz, the glossary or the introduction of the course changes. */
export function courseVersion(course: Course): string {
	const known = versions.get(course);
	if (known) return known;
	const hash = createHash('sha256');
	for (const module of course.modules) hash.update(`${module.slug}:${module.lesson.contentHash}:${module.quiz?.contentHash ?? ''}\n`);
	hash.update(JSON.stringify(course.glossary ?? null));
	hash.update(course.introHtml);
	const version = hash.digest('base64url').slice(0, 16);
	versions.set(course, version);
	return version;
}

/**
 * The pages a module's download stores: the lesson, the course page, the module's discussion
 * board (the script also stores the threads it lists: `moduleThreads`), the quiz's page and the
 * learner's untimed attempt in progress, the course glossary and the support directory. The script adds what they load (styles, scripts, images, media).
 */
export function modulePages(course: Course, module: Module, openAttempt?: number): string[] {
	const pages = [`/courses/${course.slug}/${module.slug}`, `/courses/${course.slug}`, `/courses/${course.slug}/${module.slug}/discussions`];
	// the quiz, and the learner's untimed attempt in progress, to continue it offline
	if (module.quiz) pages.push(`/courses/${course.slug}/${module.slug}/quiz`);
	if (module.quiz && openAttempt !== undefined) pages.push(`/courses/${course.slug}/${module.slug}/quiz/${openAttempt}`);
	if (course.glossary) pages.push(`/courses/${course.slug}/thuat-ngu`);
	pages.push('/danh-ba');
	return pages;
}

/** The addresses of threads a stored board links to, stored too (so a reply can be written offline). */
export function moduleThreads(course: Course): string {
	return `/courses/${course.slug}/discussions/`;
}
