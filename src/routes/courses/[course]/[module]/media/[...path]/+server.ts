// Images and handouts of a module, for the learners of the course only.
import { error } from '@sveltejs/kit';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { translate } from '$lib/server/i18n';
import { requireUser } from '$lib/server/auth/guard';
import { requireCourse, requireModule } from '$lib/server/courses/access';
import { getCatalog } from '$lib/server/courses/current';
import { getDb } from '$lib/server/db';
import { contentTypeFor } from '$lib/server/http/mime';
import { findFile } from '$lib/server/text/file-names';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const { locale } = event.locals;
	const course = requireCourse(getDb(), getCatalog(), user, event.params.course, locale);
	const module = requireModule(course, event.params.module, locale);
	const mediaDir = join(module.dir, 'media');
	const asked = normalize(join(mediaDir, event.params.path));
	if (!asked.startsWith(mediaDir + sep)) error(404, translate(locale, 'error.notFound'));
	// the lesson links in NFC; the file may have been saved with an NFD name
	const path = findFile(mediaDir, asked);
	if (!path) error(404, translate(locale, 'error.notFound'));
	const info = await stat(path).catch(() => null);
	if (!info?.isFile()) error(404, translate(locale, 'error.notFound'));
	const type = contentTypeFor(path);
	const headers: Record<string, string> = {
		'content-type': type,
		'content-length': String(info.size),
		'cache-control': 'private, max-age=3600',
		'last-modified': info.mtime.toUTCString()
	};
	// An author's SVG or HTML handout opens as a document of this site: let nothing in it run.
	if (type.startsWith('image/svg') || type.startsWith('text/html')) {
		headers['content-security-policy'] = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";
	}
	return new Response(new Uint8Array(await readFile(path)), { headers });
};
