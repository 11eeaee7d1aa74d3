// A loaded Markdown course as a SCORM 1.2 package (.zip): per module a folder with its page and
// the media the page links, the shared runtime script and stylesheet, and the manifest.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import runtimeScript from '$lib/scorm/export-runtime/main?browser-bundle';
import siteStyles from '../../../../app.css?raw';
import type { Course, Module } from '../../courses/loader';
import { seededRandom } from '../../random';
import { drawSnapshot, type SnapshotQuestion } from '../../quiz/snapshot';
import { buildManifest, type ScoEntry } from './manifest';
import { referencedMedia } from './media';
import { renderScoPage, SHARED_SCRIPT, SHARED_STYLES } from './page';
import scoStyles from './sco.css?raw';
import { zipDeterministic } from './zip';

export interface ScormExport {
	zip: Buffer;
	/** every file in the zip, sorted */
	files: string[];
	scoCount: number;
}

/**
 * A page cannot draw a new set of questions per attempt: every question is asked, and the
 * shuffles the quiz asks for are done once, seeded by the module so each export is the same.
 */
export function pageQuestions(course: Course, module: Module): SnapshotQuestion[] {
	if (!module.quiz) return [];
	const everyQuestion = { ...module.quiz, settings: { ...module.quiz.settings, questionsPerAttempt: null, pool: null } };
	return drawSnapshot(everyQuestion, seededRandom(`${course.slug}/${module.slug}`));
}

export async function exportCourse(course: Course): Promise<ScormExport> {
	const files = new Map<string, Buffer>([
		[SHARED_SCRIPT, Buffer.from(runtimeScript)],
		[SHARED_STYLES, Buffer.from(`${siteStyles}\n${scoStyles}`)]
	]);
	const scos: ScoEntry[] = course.modules.map((module) => {
		const page = renderScoPage(course, module, pageQuestions(course, module));
		const href = `${module.folder}/index.html`;
		files.set(href, Buffer.from(page));
		const media = referencedMedia(page, module.dir).map((file) => {
			const inZip = `${module.folder}/${file}`;
			files.set(inZip, readFileSync(path.join(module.dir, file)));
			return inZip;
		});
		return {
			id: module.slug,
			title: module.title,
			href,
			files: [href, ...media],
			masteryScore: module.quiz?.settings.passPercent ?? null
		};
	});
	files.set(
		'imsmanifest.xml',
		Buffer.from(buildManifest({ id: course.slug, title: course.title, scos, sharedFiles: [SHARED_SCRIPT, SHARED_STYLES] }))
	);
	return { zip: await zipDeterministic(files), files: [...files.keys()].sort(), scoCount: scos.length };
}
