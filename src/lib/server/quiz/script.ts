// The quiz attempt page's script (src/lib/quiz/attempt-page.ts) bundled as one classic script.
import code from '$lib/quiz/attempt-page?browser-bundle';
import { pageScript } from '$lib/server/page-script';

export const attemptScript = pageScript('/quiz-attempt.js', code);
