// Answering an untimed attempt without a network, for the attempt page's script (./attempt-page.ts).
// Offline, each change queues a snapshot of the whole form in the outbox ($lib/offline/outbox),
// numbered per attempt and phone: the server applies a save only if it is newer than every save
// it applied from this phone (src/lib/server/quiz/queued.ts), so delivery order does not matter.
// "Nộp bài" offline queues the submission. Back online (here or on any page with an outbox) they
// are sent once; the page then shows the result, or says the attempt was closed meanwhile.
// Timed attempts are not continued offline: their countdown is the server's.
import { enqueue, flush, onWorkerDelivered, operationId, pending, remove } from '$lib/offline/outbox';
import { showPending } from '$lib/offline/pending';

function stored(key: string, make: () => string): string {
	try {
		const value = localStorage.getItem(key) ?? make();
		localStorage.setItem(key, value);
		return value;
	} catch {
		return make();
	}
}

/** This phone's id, kept: the server numbers saves per attempt and phone. */
const deviceId = () => stored('taphuan:device', operationId);

/** The next number of this attempt's saves on this phone: never reused, always growing. */
function nextSeq(url: string): number {
	const key = `taphuan:seq:${url}`;
	const next = Number(stored(key, () => '0')) + 1;
	try {
		localStorage.setItem(key, String(next));
	} catch {
		// storage refused: a clock-based number still grows
		return Date.now();
	}
	return next;
}

const snapshot = (form: HTMLFormElement): [string, string][] =>
	[...new FormData(form)].filter((pair): pair is [string, string] => typeof pair[1] === 'string' && pair[0] !== 'timeUp');

/** Puts a queued snapshot's answers back into the form (a downloaded page shows those of the download). */
function restore(form: HTMLFormElement, fields: [string, string][]) {
	const values = new Map<string, string[]>();
	for (const [name, value] of fields) values.set(name, [...(values.get(name) ?? []), value]);
	for (const element of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input[name], select[name], textarea[name]')) {
		if (element instanceof HTMLInputElement && element.type === 'hidden') continue;
		const given = values.get(element.name) ?? [];
		if (element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox')) element.checked = given.includes(element.value);
		else element.value = given[0] ?? '';
	}
}

export function answerOffline(form: HTMLFormElement, answersUrl: string, show: (message: string) => void, sent: () => void) {
	const learner = form.dataset.learner ?? '';
	const url = answersUrl.replace(/\/answers$/, '/queued');
	const texts = form.dataset;

	// each save holds the whole form: once stored, the older saves of this attempt not yet sent
	// say nothing it does not, and are dropped (the server would find them stale anyway)
	const queue = async (kind: 'save' | 'submit') => {
		const seq = nextSeq(url);
		try {
			await enqueue(learner, url, { kind, device: deviceId(), seq, fields: snapshot(form) });
			for (const operation of await pending(learner)) {
				if (operation.url === url && operation.body.kind === 'save' && Number(operation.body.seq) < seq) await remove(operation.id);
			}
			show((kind === 'submit' ? texts.offlineSubmitted : texts.offlineSaved) ?? '');
		} catch {
			// storage refused: the page's own autosave copy (localStorage) still holds the answers
		}
		await showPending(learner);
	};

	const sendQueued = async () => {
		let closed = false;
		let saved = false;
		await flush(learner, (operation, answer) => {
			if (operation.url !== url) return;
			const result = answer as { submitted?: boolean; late?: boolean } | null;
			if (result?.submitted) location.reload();
			else if (result?.late) closed = true;
			else saved = true;
		}).catch(() => undefined);
		if (saved && (await pending(learner)).every((operation) => operation.url !== url)) sent();
		await showPending(learner);
		// the attempt closed before the answers arrived: the review page says they were kept
		if (closed) location.reload();
	};

	/** Whether a change was queued: while online autosave sends it. */
	const changed = (): boolean => {
		if (navigator.onLine) return false;
		void queue('save');
		return true;
	};

	document.addEventListener(
		'submit',
		(event) => {
			if (navigator.onLine || event.target !== form) return;
			// "Lưu" or "Nộp bài" offline: the form cannot leave; the outbox takes it
			event.preventDefault();
			event.stopImmediatePropagation();
			const submitting = (event.submitter as HTMLElement | null)?.hasAttribute('data-submit');
			void queue(submitting ? 'submit' : 'save');
			if (submitting) for (const element of form.elements) (element as HTMLInputElement).disabled = true;
		},
		true
	);

	// the newest answers queued on this phone for this attempt go back into the form
	void pending(learner)
		.then((operations) => {
			const mine = operations.filter((operation) => operation.url === url);
			const newest = mine.sort((a, b) => Number(a.body.seq) - Number(b.body.seq)).at(-1);
			if (newest) restore(form, newest.body.fields as [string, string][]);
			if (mine.some((operation) => operation.body.kind === 'submit') && !navigator.onLine) {
				show(texts.offlineSubmitted ?? '');
				for (const element of form.elements) (element as HTMLInputElement).disabled = true;
			}
		})
		.catch(() => undefined)
		.then(async () => {
			if (navigator.onLine) await sendQueued();
			else await showPending(learner);
		});
	window.addEventListener('online', () => void sendQueued());
	// the service worker sent them first: its answers are shown here the same way
	onWorkerDelivered(() => void sendQueued());

	return { changed };
}

/**
 * The attempt's result page sends what this phone still queued (the page it was answered on may
 * have closed first); answers that arrive late show the page again, with the notice that says so.
 */
export function sendFromResult(section: HTMLElement, answersUrl: string) {
	const learner = section.dataset.learner;
	if (!learner) return;
	const url = answersUrl.replace(/\/answers$/, '/queued');
	const send = () => {
		let late = false;
		void flush(learner, (operation, answer) => {
			if (operation.url === url && (answer as { late?: boolean } | null)?.late) late = true;
		})
			.then(() => {
				if (late) location.reload();
			})
			.catch(() => undefined);
	};
	if (navigator.onLine) send();
	onWorkerDelivered(send);
}
