// Serves the quiz attempt page's script (see $lib/server/page-script).
import { attemptScript } from '$lib/server/quiz/script';
import { serveScript } from '$lib/server/page-script';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, request }) => serveScript(attemptScript, url, request);
