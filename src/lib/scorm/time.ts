// SCORM time values: 1.2 writes a CMITimespan `HHHH:MM:SS.SS`, 2004 an ISO 8601 duration
// `P[nY][nM][nD][T[nH][nM][n[.n]S]]`. Milliseconds inside, each format at the edge. Plain
// functions with no imports: the server reads and writes them for the packages it plays, and
// the exported package's script (./export-runtime) writes its own session time with them.

const TIMESPAN_12 = /^(\d{2,4}):(\d{2}):(\d{2})(\.\d{1,2})?$/;
const DURATION_2004 = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$/;

/** The longest CMITimespan: four hour digits. */
const MAX_TIMESPAN_CENTIS = (9999 * 3600 + 59 * 60 + 59) * 100 + 99;

/** Milliseconds of a 1.2 timespan, or null when it is not one. */
export function parseTimespan12(value: string): number | null {
	const match = TIMESPAN_12.exec(value.trim());
	if (!match) return null;
	const [, hours, minutes, seconds, fraction] = match;
	if (Number(minutes) > 59 || Number(seconds) > 59) return null;
	return Math.round(
		(Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(fraction ?? 0)) * 1000
	);
}

/** Milliseconds of a 2004 duration, or null when it is not one. Years and months are
 * counted as 365 and 30 days, as SCORM engines commonly do: a session never lasts that long. */
export function parseDuration2004(value: string): number | null {
	const text = value.trim();
	if (text === 'P' || text.endsWith('T')) return null;
	const match = DURATION_2004.exec(text);
	if (!match) return null;
	const [, years, months, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
	const totalSeconds =
		years! * 365 * 86400 + months! * 30 * 86400 + days! * 86400 + hours! * 3600 + minutes! * 60 + seconds!;
	return Math.round(totalSeconds * 1000);
}

/** Hundredths of a second, never negative; nonsense (NaN, Infinity from a broken clock) is none. */
function centiseconds(ms: number): number {
	return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 10)) : 0;
}

/** A 1.2 timespan; past 9999 hours the largest one, never a malformed value an LMS would refuse. */
export function formatTimespan12(ms: number): string {
	const centis = Math.min(centiseconds(ms), MAX_TIMESPAN_CENTIS);
	const hours = Math.floor(centis / 360_000);
	const minutes = Math.floor((centis % 360_000) / 6000);
	const seconds = Math.floor((centis % 6000) / 100);
	const fraction = centis % 100;
	return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(fraction, 2)}`;
}

/** A 2004 duration in hours, minutes and seconds (ISO 8601 puts no limit on the hours). */
export function formatDuration2004(ms: number): string {
	const centis = centiseconds(ms);
	const hours = Math.floor(centis / 360_000);
	const minutes = Math.floor((centis % 360_000) / 6000);
	const seconds = (centis % 6000) / 100;
	return `PT${hours}H${minutes}M${seconds}S`;
}

function pad(value: number, width: number): string {
	return String(value).padStart(width, '0');
}
