// A module's media in a package: its page sits beside its own media/ folder, so the site's media
// URLs (see mediaUrl in the course loader) become relative again, and only files the page
// actually links are copied.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { mediaUrl } from '../../courses/loader';
import { htmlToText } from '../../markdown/render';

/** Rewrites the site's URLs of this module's media (`/courses/c/m/media/x`) to `media/x`. */
export function localiseMedia(html: string, courseSlug: string, moduleSlug: string): string {
	const siteFolder = mediaUrl(courseSlug, moduleSlug, '');
	return html.replaceAll(`="${siteFolder}`, '="media/');
}

/**
 * Links to the platform's own pages (the support directory, the glossary: `href="/…"`, added by
 * the course's directives and glossary) lead nowhere inside another LMS; their words stay, the
 * link goes. Run after `localiseMedia`, whose results are relative.
 */
export function unlinkSitePages(html: string): string {
	return html.replace(/<a href="\/(?!\/)[^"]*">([\s\S]*?)<\/a>/g, '$1');
}

/**
 * The files of `moduleDir/media/` that `html` links or shows (src and href attributes starting
 * with `media/`), as paths relative to the module folder; links that leave media/ or name no
 * file are left out (the course check reports those in lessons).
 */
export function referencedMedia(html: string, moduleDir: string): string[] {
	const mediaDir = path.join(moduleDir, 'media');
	const found = new Set<string>();
	for (const match of html.matchAll(/\s(?:src|href)="(?:\.\/)?(media\/[^"?#]+)/g)) {
		let relative: string;
		try {
			relative = decodeURI(htmlToText(match[1]!));
		} catch {
			continue;
		}
		const file = path.join(moduleDir, relative);
		if (!file.startsWith(mediaDir + path.sep) || !existsSync(file) || !statSync(file).isFile()) continue;
		found.add(path.relative(moduleDir, file).split(path.sep).join('/'));
	}
	return [...found].sort();
}
