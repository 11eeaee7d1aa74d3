// Posting without a network, for the discussion pages' script (./page.ts). A post or reply sent
// while the phone is offline does not leave as a form (the browser would only show the offline
// page): it becomes an outbox operation ($lib/offline/outbox) and its draft is cleared, since the
// outbox now holds the text. The outbox is sent when the network returns (here, or from any page
// with an outbox); the server applies it once. One the server gives back (the thread was locked
// meanwhile) returns to its form as a draft, with the server's reason shown above it.
import { enqueue, flush, onWorkerDelivered, remove, returned, type Operation } from '$lib/offline/outbox';
import { showPending } from '$lib/offline/pending';
import { hasText, readDraft, removeDraft, writeDraft, type DraftStore } from './drafts';

const POSTS = '/api/discussions/posts';

/** The learner a draft key belongs to: keys start with the username ($lib/discussions/drafts draftKey). */
export const learnerOf = (key: string) => key.split('|')[0] ?? '';

/** Clones the notice template `id`, fills its `[data-reason]`/`[data-link]`, and shows it above the form. */
function notify(form: HTMLElement, id: string, fill: { reason?: string; href?: string } = {}) {
	const template = document.getElementById(id);
	if (!(template instanceof HTMLTemplateElement)) return;
	const notice = template.content.firstElementChild?.cloneNode(true);
	if (!(notice instanceof HTMLElement)) return;
	const reason = notice.querySelector('[data-reason]');
	if (reason) reason.textContent = fill.reason ?? '';
	const link = notice.querySelector('a[data-link]');
	if (link && fill.href) link.setAttribute('href', fill.href);
	form.querySelector('.outbox-notice')?.remove();
	notice.classList.add('outbox-notice');
	form.prepend(notice);
}

/** What the operation carries: where the post goes (the form's data-queue-*), and what was typed. */
function operationBody(form: HTMLFormElement): Record<string, unknown> {
	const { queue, course, thread, module } = form.dataset;
	const value = (name: string) => {
		const field = form.elements.namedItem(name);
		return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement ? field.value : '';
	};
	const number = (name: string) => (value(name) ? Number(value(name)) : undefined);
	if (queue === 'reply') return { kind: 'reply', course, thread: Number(thread), body: value('body'), quoteOf: number('quoteOf') };
	return { kind: 'thread', course, module: module || null, title: value('title'), body: value('body'), cohortId: number('cohortId') };
}

/** Puts the server's answers to queued posts where their author sees them. */
async function sendAndShow(store: DraftStore | null, learner: string) {
	// the forms a queued post may come back to, and a locked thread's box for a reply it refused
	const places = [...document.querySelectorAll<HTMLElement>('form[data-draft], [data-returned-box]')];
	const placeOf = (operation: Operation) => places.find((candidate) => candidate.dataset.draft === operation.draft);
	if (navigator.onLine) {
		await flush(learner, (operation, answer) => {
			const place = placeOf(operation);
			const posted = (answer as { posted?: string } | null)?.posted;
			if (place instanceof HTMLFormElement && posted) notify(place, 'draft-posted', { href: posted });
		}).catch(() => undefined);
	}
	for (const operation of await returned(learner).catch(() => [])) {
		const place = placeOf(operation);
		if (!place) continue;
		const body = operation.body as { title?: string; body?: string };
		if (place instanceof HTMLFormElement) {
			// back into its form as the draft, unless something new is being typed there
			const fields = { ...(body.title !== undefined ? { title: body.title } : {}), body: body.body ?? '' };
			const current = store && readDraft(store, operation.draft!);
			if (store && (!current || !hasText(current.fields))) writeDraft(store, operation.draft!, { fields, savedAt: Date.now() });
			for (const [name, text] of Object.entries(fields)) {
				const field = place.elements.namedItem(name);
				if ((field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) && !field.value.trim()) field.value = text;
			}
		} else {
			// the thread takes no replies: the text is shown to be copied
			place.querySelector('textarea')!.value = body.body ?? '';
			place.hidden = false;
		}
		notify(place, 'draft-returned', { reason: operation.returned });
		await remove(operation.id);
	}
	await showPending(learner);
}

/**
 * Offline, a post or reply goes to the outbox instead of being sent (the capture listener runs
 * before the draft and send-once listeners, which would mark it sent). Online, what an earlier
 * page queued is sent when the page opens and whenever the network returns.
 */
export function postWhenOffline(store: DraftStore | null) {
	const first = document.querySelector<HTMLElement>('form[data-draft][data-queue], [data-returned-box]');
	if (!first) return;
	const learner = learnerOf(first.dataset.draft!);
	document.addEventListener(
		'submit',
		(event) => {
			const form = event.target;
			if (navigator.onLine || !(form instanceof HTMLFormElement) || !form.dataset.queue || !form.dataset.draft) return;
			// "Preview" needs the server: the browser shows the offline page, the draft stays
			if ((event.submitter as HTMLButtonElement | null)?.value === 'preview') return;
			event.preventDefault();
			event.stopImmediatePropagation();
			const key = form.dataset.draft;
			void enqueue(learner, POSTS, operationBody(form), key).then(() => {
				if (store) removeDraft(store, key);
				for (const field of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[name="title"], textarea[name="body"]')) field.value = '';
				notify(form, 'draft-queued');
				return showPending(learner);
			});
		},
		true
	);
	void sendAndShow(store, learner);
	window.addEventListener('online', () => void sendAndShow(store, learner));
	onWorkerDelivered(() => void sendAndShow(store, learner));
}
