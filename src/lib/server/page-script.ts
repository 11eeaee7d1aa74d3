// The document pages' own scripts (bundled by `?browser-bundle`, see $lib/documents), each named
// by a hash of its text: its URL changes whenever it does, so browsers may keep it for a year.
// Served from this origin by src/routes/[script].js, as the CSP (`script-src 'self'`) requires.
// A new page script is one line in `pageScripts`.
import { createHash } from 'node:crypto';
import discussions from '$lib/discussions/page?browser-bundle';
import lessonTracker from '$lib/lesson/tracker?browser-bundle';
import offline from '$lib/offline/course-page?browser-bundle';
import quizAttempt from '$lib/quiz/attempt-page?browser-bundle';

export interface PageScript {
	code: string;
	version: string;
	/** where the page loads it from */
	src: string;
}

export function pageScript(path: string, code: string): PageScript {
	const version = createHash('sha256').update(code).digest('base64url').slice(0, 12);
	return { code, version, src: `${path}?v=${version}` };
}

/** The script's response: immutable at its versioned address, revalidated at a bare or stale one. */
export function serveScript(script: PageScript, url: URL, request: Request): Response {
	const etag = `"${script.version}"`;
	const headers = {
		'content-type': 'text/javascript; charset=utf-8',
		etag,
		'cache-control': url.searchParams.get('v') === script.version ? 'public, max-age=31536000, immutable' : 'no-cache'
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	return new Response(script.code, { headers });
}

/** Every page script by its name; served at `/<name>.js`. */
export const pageScripts = {
	'lesson-tracker': pageScript('/lesson-tracker.js', lessonTracker),
	'quiz-attempt': pageScript('/quiz-attempt.js', quizAttempt),
	discussions: pageScript('/discussions.js', discussions),
	offline: pageScript('/offline.js', offline)
} satisfies Record<string, PageScript>;

export type PageScriptName = keyof typeof pageScripts;

export function findPageScript(name: string): PageScript | undefined {
	return Object.hasOwn(pageScripts, name) ? pageScripts[name as PageScriptName] : undefined;
}
