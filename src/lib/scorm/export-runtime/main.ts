// The script every exported page loads (shared/taphuan-scorm.js): starts the page in a browser,
// and exposes its plain functions as `TaphuanScorm` for tests and for curious LMS administrators.
import { boot } from './boot';

export { readsEndNow, sectionInView, startReading } from '$lib/lesson/reading';
export { reviewLevel } from '$lib/quiz/review-level';
export { formatTimespan12 } from '$lib/scorm/time';
export { findApi, connectLms } from './lms';
export { gradeSubmission, readAttempts, standing, writeAttempts } from './quiz';
export { ScoSession } from './session';

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => boot(window, document));
	else boot(window, document);
}
