// What the attempt page's status line says in each autosave state. The texts are in the page,
// rendered by the server from the catalogue of the page's language; this picks one and fills
// in the time of the last save.
import { fill } from '$lib/i18n';
import type { SaveState } from './autosave';

export type StatusTexts = Partial<Record<SaveState, string>>;

/** Hours and minutes on the device's own clock, the one the learner sees on the phone. */
export function clockTime(ms: number): string {
	const date = new Date(ms);
	return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/**
 * The line for `state`. A closed attempt or a refused answer is best explained by the server's
 * own message (already in the learner's language); the page's text stands in when there is none.
 */
export function statusText(state: SaveState, texts: StatusTexts, detail: { now: number; serverMessage?: string }): string {
	if (state === 'saved') return fill(texts.saved ?? '', { time: clockTime(detail.now) });
	if ((state === 'closed' || state === 'rejected') && detail.serverMessage) return detail.serverMessage;
	return texts[state] ?? '';
}
