// Saves each answer to the server as it changes: debounced per question, retried with back-off
// while the network is down, sent again at once when it returns. Answers not yet on the server
// are also kept in the browser's storage, so a closed tab or a crashed phone loses nothing:
// the next visit puts them back in the form and sends them. The page shows the state
// (src/lib/quiz/attempt-page.ts).
export type SaveState = 'idle' | 'saving' | 'saved' | 'retrying' | 'closed' | 'rejected';

const DEBOUNCE_MS = 700;
const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

export interface Autosave {
	/** the question's answer changed */
	changed(questionId: string): void;
	/** send what is pending now (before submitting, when the network returns) */
	flush(): Promise<void>;
	pending(): number;
	destroy(): void;
}

const storageKeyFor = (url: string) => `taphuan:unsaved:${url}`;

/** Once the attempt is submitted nothing is left to send from this browser. */
export function forgetUnsaved(url: string) {
	try {
		localStorage.removeItem(storageKeyFor(url));
	} catch {
		// storage disabled: nothing was kept
	}
}

export function createAutosave(
	form: HTMLFormElement,
	url: string,
	onState: (state: SaveState, message?: string) => void,
	/** the server says the save before this one came from another device (another sign-in) */
	onOtherSignIn: () => void = () => {}
): Autosave {
	const pending = new Set<string>();
	let timer: ReturnType<typeof setTimeout> | undefined;
	let failures = 0;
	let retryAfterMs = 0;
	let sending: Promise<void> | null = null;
	let stopped = false;
	const storageKey = storageKeyFor(url);

	/** Unsent answers by question: the form fields of each, as [name, value] pairs. */
	function readStored(): Record<string, [string, string][]> {
		try {
			return JSON.parse(localStorage.getItem(storageKey) ?? '{}');
		} catch {
			return {};
		}
	}
	function writeStored(stored: Record<string, [string, string][]>) {
		try {
			if (Object.keys(stored).length) localStorage.setItem(storageKey, JSON.stringify(stored));
			else localStorage.removeItem(storageKey);
		} catch {
			// storage full or disabled: the server copy is the one that counts anyway
		}
	}
	function keep(questions: Set<string>) {
		const stored = readStored();
		const fields = new FormData(form);
		for (const id of questions) {
			stored[id] = [...fields].filter(([key]) => key.split(':')[1] === id).map(([k, v]) => [k, String(v)]);
		}
		writeStored(stored);
	}
	function forget(questions: Set<string>) {
		const stored = readStored();
		for (const id of questions) delete stored[id];
		writeStored(stored);
	}

	/** Puts answers left from an earlier visit back in the form, and queues them for saving. */
	function restore() {
		const stored = readStored();
		for (const [questionId, fields] of Object.entries(stored)) {
			const fieldset = form.querySelector<HTMLElement>(`[data-question="${CSS.escape(questionId)}"]`);
			if (!fieldset) continue;
			const values = new Map<string, string[]>();
			for (const [name, value] of fields) values.set(name, [...(values.get(name) ?? []), value]);
			for (const input of fieldset.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name^="q:"], select')) {
				const given = values.get(input.name) ?? [];
				if (input instanceof HTMLInputElement && (input.type === 'radio' || input.type === 'checkbox')) {
					input.checked = given.includes(input.value);
				} else {
					input.value = given[0] ?? '';
				}
			}
			pending.add(questionId);
		}
		if (pending.size) schedule(0);
	}

	/** The form fields of these questions, plus the list of them (so blanks clear old answers). */
	function payload(questions: Set<string>): FormData {
		const all = new FormData(form);
		const body = new FormData();
		for (const [key, value] of all) {
			const questionId = key.startsWith('q:') ? key.split(':')[1]! : null;
			if (questionId && questions.has(questionId)) body.append(key, value);
		}
		for (const id of questions) body.append('question', id);
		return body;
	}

	function schedule(delay: number) {
		clearTimeout(timer);
		timer = setTimeout(() => void send(), delay);
	}

	async function send(): Promise<void> {
		if (stopped || pending.size === 0) return;
		if (sending) return sending;
		const batch = new Set(pending);
		pending.clear();
		keep(batch);
		onState('saving');
		sending = (async () => {
			try {
				const response = await fetch(url, { method: 'POST', body: payload(batch) });
				const body = await response.json().catch(() => ({}));
				if (response.ok) {
					failures = 0;
					// answered again meanwhile? then the newer answer stays stored until it is sent
					forget(new Set([...batch].filter((id) => !pending.has(id))));
					onState(pending.size ? 'saving' : 'saved');
					if (body.otherSignIn === true) onOtherSignIn();
				} else if (response.status === 409) {
					stopped = true;
					writeStored({});
					onState('closed', body.message);
				} else if (response.status === 400 || response.status === 422 || response.status === 413) {
					onState('rejected', body.message);
				} else {
					// 503: overloaded or unable to write for now; it says when to come back
					retryAfterMs = Number(response.headers.get('retry-after')) * 1000 || 0;
					throw new Error(String(response.status));
				}
			} catch {
				// offline or a server hiccup: keep the answers and try again, more slowly each time
				for (const id of batch) pending.add(id);
				onState('retrying');
				schedule(Math.max(BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)]!, retryAfterMs));
				retryAfterMs = 0;
			} finally {
				sending = null;
			}
			if (pending.size && failures === 0 && !stopped) schedule(DEBOUNCE_MS);
		})();
		return sending;
	}

	const onOnline = () => {
		failures = 0;
		void send();
	};
	window.addEventListener('online', onOnline);
	restore();

	return {
		changed(questionId) {
			// the attempt is closed: nothing more is sent, so nothing more is kept for later
			if (stopped) return;
			pending.add(questionId);
			keep(new Set([questionId]));
			if (failures === 0) schedule(DEBOUNCE_MS);
		},
		async flush() {
			clearTimeout(timer);
			await send();
			// a save already on its way when asked: what changed meanwhile goes now, not after the debounce
			if (pending.size && failures === 0 && !stopped) {
				clearTimeout(timer);
				await send();
			}
		},
		pending: () => pending.size,
		destroy() {
			stopped = true;
			clearTimeout(timer);
			window.removeEventListener('online', onOnline);
		}
	};
}
