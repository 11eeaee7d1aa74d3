// The script every exported page loads (shared/taphuan-scorm.js): starts the page in a browser,
// and exposes its plain functions as `TaphuanScorm` for tests and for curious LMS administrators.
import { boot } from './boot';

export { findApi, connectLms } from './lms';
export { gradeSubmission, readAttempts, standing, writeAttempts } from './quiz';
export { currentSection, endReached } from './reading';
export { ScoSession } from './session';
export { scormTime } from './time';

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => boot(window, document));
	else boot(window, document);
}
