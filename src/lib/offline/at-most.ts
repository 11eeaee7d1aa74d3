// A few requests at a time: enough to hide mobile data's round trips, few enough to leave the
// browser's connections to the page itself.

/**
 * Runs `work` on every item with at most `limit` running at once, each lane taking the next item
 * as it finishes one. Rejects with the first failure (the lanes then stop taking items).
 */
export async function atMost<T>(limit: number, items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
	let next = 0;
	let failed = false;
	const lane = async () => {
		while (!failed && next < items.length) {
			try {
				await work(items[next++]!);
			} catch (error) {
				failed = true;
				throw error;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}
