// Serves the discussion pages' script (see $lib/server/page-script).
import { discussionScript } from '$lib/server/discussions/script';
import { serveScript } from '$lib/server/page-script';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, request }) => serveScript(discussionScript, url, request);
