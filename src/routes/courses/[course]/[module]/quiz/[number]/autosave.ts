// Saves each answer to the server as it changes: debounced per question, retried with back-off
// while the network is down, sent again at once when it returns. The page shows the state.
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

export function createAutosave(
	form: HTMLFormElement,
	url: string,
	onState: (state: SaveState, message?: string) => void
): Autosave {
	const pending = new Set<string>();
	let timer: ReturnType<typeof setTimeout> | undefined;
	let failures = 0;
	let sending: Promise<void> | null = null;
	let stopped = false;

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
		onState('saving');
		sending = (async () => {
			try {
				const response = await fetch(url, { method: 'POST', body: payload(batch) });
				const body = await response.json().catch(() => ({}));
				if (response.ok) {
					failures = 0;
					onState(pending.size ? 'saving' : 'saved');
				} else if (response.status === 409) {
					stopped = true;
					onState('closed', body.message);
				} else if (response.status === 400 || response.status === 422 || response.status === 413) {
					onState('rejected', body.message);
				} else {
					throw new Error(String(response.status));
				}
			} catch {
				// offline or a server hiccup: keep the answers and try again, more slowly each time
				for (const id of batch) pending.add(id);
				onState('retrying');
				schedule(BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)]!);
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

	return {
		changed(questionId) {
			pending.add(questionId);
			if (failures === 0) schedule(DEBOUNCE_MS);
		},
		async flush() {
			clearTimeout(timer);
			await send();
		},
		pending: () => pending.size,
		destroy() {
			stopped = true;
			clearTimeout(timer);
			window.removeEventListener('online', onOnline);
		}
	};
}
