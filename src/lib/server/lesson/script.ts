// The lesson page's script (src/lib/lesson/tracker.ts) bundled as one classic script, named by a
// hash of its text: its URL changes whenever it does, so browsers may keep it for a year.
import { createHash } from 'node:crypto';
import code from '$lib/lesson/tracker?browser-bundle';

export const trackerScript = {
	code,
	version: createHash('sha256').update(code).digest('base64url').slice(0, 12)
};

/** Where the lesson page loads its script from. */
export const trackerScriptSrc = `/lesson-tracker.js?v=${trackerScript.version}`;
