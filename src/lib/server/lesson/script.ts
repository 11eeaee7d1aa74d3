// The lesson page's script (src/lib/lesson/tracker.ts) bundled as one classic script.
import code from '$lib/lesson/tracker?browser-bundle';
import { pageScript } from '$lib/server/page-script';

export const trackerScript = pageScript('/lesson-tracker.js', code);

/** Where the lesson page loads its script from. */
export const trackerScriptSrc = trackerScript.src;
