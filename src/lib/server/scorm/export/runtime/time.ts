// SCORM 1.2 times (CMITimespan): HHHH:MM:SS.SS, hours zero-padded to four digits.

const MAX_CENTISECONDS = (9999 * 3600 + 59 * 60 + 59) * 100 + 99;

export function scormTime(ms: number): string {
	const centis = Number.isFinite(ms) ? Math.min(Math.max(0, Math.round(ms / 10)), MAX_CENTISECONDS) : 0;
	const hours = Math.floor(centis / 360_000);
	const minutes = Math.floor(centis / 6_000) % 60;
	const seconds = Math.floor(centis / 100) % 60;
	const hundredths = centis % 100;
	const two = (n: number) => String(n).padStart(2, '0');
	return `${String(hours).padStart(4, '0')}:${two(minutes)}:${two(seconds)}.${two(hundredths)}`;
}
