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

/** The pages a module's download stores; the script adds what they load (styles, scripts, images, media). */
export function modulePages(course: Course, module: Module): string[] {
	return [`/courses/${course.slug}/${module.slug}`, `/courses/${course.slug}`];
}
