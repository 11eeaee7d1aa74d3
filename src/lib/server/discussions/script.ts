// The discussion pages' script (src/lib/discussions/page.ts) bundled as one classic script.
import code from '$lib/discussions/page?browser-bundle';
import { pageScript } from '$lib/server/page-script';

export const discussionScript = pageScript('/discussions.js', code);
