// Packages declared in course.md live in git beside the Markdown. At start-up each is imported
// (recognised by its hash when unchanged) and placed in its module; a changed zip becomes a new
// version of the same attachment, so learners keep their results; a declaration taken out of
// course.md takes its package out of the module.
import { stat } from 'node:fs/promises';
import type { Course } from '../courses/loader';
import type { LoadError } from '../courses/problems';
import type { Db } from '../db/open';
import { readPackage } from './import';
import { placePackage } from './place';
import { removeAttachment } from './store';

interface DeclaredRow {
	id: number;
	module_slug: string;
	package_hash: string;
	title: string;
	source_path: string;
}

export async function placeDeclaredPackages(db: Db, courses: Course[], scormDir: string, now = Date.now()): Promise<LoadError[]> {
	const problems: LoadError[] = [];
	for (const course of courses) {
		const placed = new Map(
			(
				db
					.prepare(
						`SELECT a.id, a.module_slug, p.hash AS package_hash, a.title, a.source_path FROM scorm_attachment a
						 JOIN scorm_package p ON p.id = a.package_id
						 WHERE a.course_id = ? AND a.source = 'course-file' AND a.removed_at IS NULL`
					)
					.all(course.slug) as DeclaredRow[]
			).map((row) => [row.source_path, row])
		);
		const declared = new Set<string>();
		for (const entry of course.scorm) {
			declared.add(entry.file);
			const imported = await readPackage(entry.path, scormDir);
			if (!imported.ok) {
				problems.push({ file: `${course.slug}/${entry.file}`, line: 0, key: imported.problem.key, params: imported.problem.params });
				continue;
			}
			let row = placed.get(entry.file);
			if (row && row.module_slug !== entry.moduleSlug) {
				// moved to another module: a new placement there
				removeAttachment(db, row.id, now);
				row = undefined;
			}
			try {
				if (!row) {
					placePackage(db, imported, await zipBytes(entry.path), { kind: 'attach', courseSlug: course.slug, moduleSlug: entry.moduleSlug, title: entry.title, source: 'course-file', sourcePath: entry.file }, null, now);
				} else {
					if (row.package_hash !== imported.hash) placePackage(db, imported, await zipBytes(entry.path), { kind: 'replace', attachmentId: row.id }, null, now);
					const title = entry.title ?? imported.manifest.organization.title;
					if (title !== row.title) db.prepare('UPDATE scorm_attachment SET title = ?, updated_at = ? WHERE id = ?').run(title, now, row.id);
				}
			} catch (error) {
				// another server process placed it at the same moment
				if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
			}
		}
		for (const [file, row] of placed) if (!declared.has(file)) removeAttachment(db, row.id, now);
	}
	return problems;
}

async function zipBytes(file: string): Promise<number> {
	return (await stat(file)).size;
}
