// English, the SCORM player: TypeScript requires exactly the keys of ../vi/scorm.ts.
import type { messages as vi } from '../vi/scorm';

export const messages: Record<keyof typeof vi, string> = {
	'scorm.player.progress': '{done} of {total} parts of the package done',
	'scorm.player.progressLabel': 'Progress in the package',
	'scorm.player.needsScript': 'This interactive lesson needs JavaScript turned on in the browser.',
	'scorm.player.failed': 'The lesson could not be opened. Reload the page; if it still fails, tell your trainer.',
	'scorm.player.loading': 'Opening the lesson…',
	'scorm.player.saved': 'Your progress is saved.',
	'scorm.player.savedOnDevice': 'No network: your progress is kept on this device and will be sent when the network returns.',
	'scorm.player.notSaved': 'Your progress could not be saved. Check the connection and keep this page open.',
	'scorm.player.pager': 'Parts',
	'scorm.player.exit': 'Back to the module',
	'scorm.player.finished': 'You have finished this part. Your results have been sent.',
	'scorm.player.nextPart': 'Next part',
	'scorm.player.continue': 'Continue',
	'scorm.player.previous': 'Previous',
	'scorm.player.packageStatus': 'The whole package:',
	'scorm.player.ended': 'You have reached the end of this package. Your results are saved.',
	'scorm.player.endedTitle': 'Package finished',
	'scorm.player.navRefused': 'The package does not allow this step now.',
	'scorm.toc.inOrder': 'taken in order',
	'scorm.toc.closed': 'not open yet',
	'scorm.status.passed': 'Passed',
	'scorm.status.failed': 'Not passed'
};
