// The discussion pages' only script (served at /discussions.js by src/routes/[script].js; boards and threads have
// no SvelteKit client). Every form there is a plain POST that works without JavaScript, and the
// server answers a refused or previewed post with the page and the typed text. This adds what the
// client's form enhancement did, for a phone on a slow connection and for screen readers, and
// keeps what a learner types as a draft in the browser until the post has arrived (./drafts.ts).
import {
	dropOldDrafts,
	hasText,
	readDraft,
	removeDraft,
	replyArrived,
	threadArrived,
	writeDraft,
	type DraftFields,
	type DraftStore
} from './drafts';
import { postWhenOffline } from './offline';

/**
 * Back to the form the server answered: after a refused post the field in error (or the form's
 * message) has the focus, so it is heard; after "Preview", the preview does.
 */
function focusAnswer() {
	const target =
		document.querySelector<HTMLElement>('main [aria-invalid="true"]') ??
		document.querySelector<HTMLElement>('main .form-message[role="alert"], main p.error[role="alert"]') ??
		document.querySelector<HTMLElement>('main .preview');
	if (!target) return;
	if (!target.matches('input, select, textarea, button')) target.tabIndex = -1;
	target.focus();
}

/**
 * One submission per form: a second tap while a slow network carries the first would post the
 * reply twice. The buttons are not disabled, since a disabled "Preview" button would not send its
 * `intent` with the form.
 */
function sendOnce() {
	let sending = new WeakSet<HTMLFormElement>();
	document.addEventListener('submit', (event) => {
		const form = event.target;
		if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
		if (sending.has(form)) event.preventDefault();
		else sending.add(form);
	});
	// back to the page from the browser's page cache: its forms may be sent again
	window.addEventListener('pageshow', (event) => {
		if (event.persisted) sending = new WeakSet();
	});
}

/** The typed fields a draft keeps. */
const DRAFT_FIELDS = ['title', 'body'];
/** Pause in typing before the draft is written. */
const SAVE_AFTER_MS = 400;

function localDrafts(): DraftStore | null {
	try {
		return window.localStorage;
	} catch {
		// storage switched off: the page works as before, without drafts
		return null;
	}
}

/** Shows the "your draft is back" notice at the top of the form, with a button to discard it. */
function announceRestored(form: HTMLFormElement, discard: () => void) {
	const template = document.getElementById('draft-restored');
	if (!(template instanceof HTMLTemplateElement)) return;
	const notice = template.content.firstElementChild?.cloneNode(true);
	if (!(notice instanceof HTMLElement)) return;
	notice.querySelector('[data-draft-discard]')?.addEventListener('click', () => {
		discard();
		notice.remove();
		form.querySelector<HTMLElement>('input[name="title"], textarea')?.focus();
	});
	form.prepend(notice);
}

/**
 * One form's draft: put back into the empty form when the page opens, written while typing (after
 * a pause, and when the page is left), marked when the form is sent, and deleted once the page the
 * server sends the browser to shows the post arrived.
 */
function keepDraft(form: HTMLFormElement, store: DraftStore) {
	const key = form.dataset.draft!;
	const fields = DRAFT_FIELDS.map((name) => form.elements.namedItem(name)).filter(
		(field): field is HTMLInputElement | HTMLTextAreaElement => field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement
	);
	const typed = (): DraftFields => Object.fromEntries(fields.map((field) => [field.name, field.value]));

	let draft = readDraft(store, key);
	if (draft?.sent) {
		if (replyArrived(draft, location.hash)) {
			removeDraft(store, key);
			draft = null;
		} else {
			// back at the form without the post having arrived (a failed send, a refusal): still a draft
			draft = { fields: draft.fields, savedAt: draft.savedAt };
			writeDraft(store, key, draft);
		}
	}
	// only into an empty form: text the server sent back (a refused or previewed post, a quote) is newer
	if (draft && hasText(draft.fields) && !hasText(typed())) {
		for (const field of fields) field.value = draft.fields[field.name] ?? '';
		announceRestored(form, () => {
			for (const field of fields) field.value = '';
			removeDraft(store, key);
		});
	}

	let timer: ReturnType<typeof setTimeout> | undefined;
	let sent = false;
	const save = () => {
		clearTimeout(timer);
		if (!sent) writeDraft(store, key, { fields: typed(), savedAt: Date.now() });
	};
	form.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(save, SAVE_AFTER_MS);
	});
	form.addEventListener('submit', () => {
		clearTimeout(timer);
		sent = true;
		const shown = [...document.querySelectorAll('[id^="post-"]')].map((post) => Number(post.id.slice('post-'.length)) || 0);
		writeDraft(store, key, { fields: typed(), savedAt: Date.now(), sent: { at: Date.now(), lastPostId: Math.max(0, ...shown) } });
	});
	// the phone switches to another app (where it may drop the tab) or the tab is closed: keep what
	// was typed since the last pause
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'hidden') save();
	});
	window.addEventListener('pagehide', save);
	// back from the browser's page cache after a send that did not get through: a draft again
	window.addEventListener('pageshow', (event) => {
		if (event.persisted) sent = false;
	});
}

function keepDrafts() {
	const store = localDrafts();
	if (!store) return;
	dropOldDrafts(store, Date.now());
	// a new thread's page: the draft it was written from, on its board, has arrived
	for (const heading of document.querySelectorAll<HTMLElement>('[data-draft-done]')) {
		const key = heading.dataset.draftDone!;
		const draft = readDraft(store, key);
		if (draft && threadArrived(draft, heading.textContent ?? '')) removeDraft(store, key);
	}
	for (const form of document.querySelectorAll<HTMLFormElement>('form[data-draft]')) keepDraft(form, store);
}

// after the browser has scrolled to the form's #fragment: that scroll moves the focus to the page
window.addEventListener('load', () => requestAnimationFrame(focusAnswer));
sendOnce();
keepDrafts();
postWhenOffline(localDrafts());
