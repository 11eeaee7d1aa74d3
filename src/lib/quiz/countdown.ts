// Time left in a timed attempt. The server renders it into the page (so it reads without
// JavaScript too) and the page's script counts it down each second with the same functions,
// so the two never disagree on what "time left" looks like.
export const MINUTE_MS = 60_000;

/** Minutes before the deadline at which screen readers are told how long is left. */
const ANNOUNCED_MINUTES = [5, 1];

export function timeLeft(deadlineAt: number, now: number): number {
	return Math.max(0, deadlineAt - now);
}

/** "m:ss", e.g. 9:05 for nine minutes and five seconds. */
export function formatTimeLeft(ms: number): string {
	const minutes = Math.floor(ms / MINUTE_MS);
	const seconds = Math.floor((ms % MINUTE_MS) / 1000);
	return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

export const isUrgent = (ms: number) => ms < MINUTE_MS;

/**
 * The mark (in minutes) to announce now: one just reached and not yet announced. A mark
 * passed more than a minute ago stays silent (a page opened with 3 minutes left does not say
 * "5 minutes left").
 */
export function minutesToAnnounce(ms: number, announced: ReadonlySet<number>): number | null {
	const mark = ANNOUNCED_MINUTES.find((n) => ms <= n * MINUTE_MS && ms > (n - 1) * MINUTE_MS);
	return mark !== undefined && !announced.has(mark) ? mark : null;
}
