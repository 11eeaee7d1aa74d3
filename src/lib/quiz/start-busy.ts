// Starting a quiz when the whole hall presses "Bắt đầu" together. Past its limits the server
// answers 503 with `{ message, retryAfter }` (hooks/overload.ts, or a database that cannot take
// writes for a moment: $lib/server/http/unavailable.ts), which is not an action result, so
// SvelteKit's enhanced form would show nothing and the learner would press again and again. The
// start page waits the seconds asked for and tries once more by itself: starting is safe to
// repeat (an attempt already open is resumed, never a second one begun).

/** Longest wait honoured: a server asking for more still gets a try within this, and the learner can press. */
const MOST_SECONDS = 30;

/** The seconds the server asked to wait, when `result` is its 503 answer; null for an action result. */
export function busyRetryAfter(result: unknown): number | null {
	if (typeof result !== 'object' || result === null || 'type' in result) return null;
	const seconds = (result as { retryAfter?: unknown }).retryAfter;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return null;
	return Math.min(Math.max(1, Math.ceil(seconds)), MOST_SECONDS);
}

/** Whether the request never got an answer the page could read: no network, or a proxy's error page. */
export function unreachable(result: { type: string; status?: number }): boolean {
	return result.type === 'error' && !result.status;
}
