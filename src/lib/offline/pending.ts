// The outbox's visible state on a page that has one: "N thay đổi chờ gửi" while operations wait
// on this phone, "Đã đồng bộ" once none do. The page renders the element (OutboxStatus.svelte) with
// its texts from the catalogues and the synced text shown; a polite live region, so a screen
// reader hears each change without losing its place.
import { pending, returned } from './outbox';

/** The text for `count` waiting operations, from the element's catalogue templates. */
export function pendingText(texts: { synced?: string; one?: string; many?: string; returned?: string }, count: number, given = 0): string {
	const { synced = '', one = '', many = '' } = texts;
	const state = count === 0 ? synced : (count === 1 ? one : many).replace('{n}', String(count));
	// posts the server gave back wait for their page: said until the learner has seen them
	return given > 0 ? `${state} ${(texts.returned ?? '').replace('{n}', String(given))}` : state;
}

/** Counts `learner`'s queued operations and shows the count in every outbox status element. */
export async function showPending(learner: string): Promise<number> {
	const count = (await pending(learner).catch(() => [])).length;
	const given = (await returned(learner).catch(() => [])).length;
	for (const element of document.querySelectorAll<HTMLElement>('[data-outbox-status]')) {
		const text = pendingText(element.dataset, count, given);
		// an unchanged text is not written again: a live region would announce it again
		if (element.textContent !== text) element.textContent = text;
		element.dataset.pending = String(count);
	}
	return count;
}
