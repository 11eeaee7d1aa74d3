// Serves the lesson page's script (see $lib/server/page-script).
import { trackerScript } from '$lib/server/lesson/script';
import { serveScript } from '$lib/server/page-script';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, request }) => serveScript(trackerScript, url, request);
