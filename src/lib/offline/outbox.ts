// The outbox: what the learner did while the server could not be reached, kept in IndexedDB (it
// outlives the tab) as application operations, each with an id made here. Sent oldest first by the
// pages (on load, and when the network returns) and by the service worker (Background Sync, when
// the network returns even if no page of the site is open); the server applies each id once
// (src/lib/server/tracking/operations.ts), so a second sending after a lost answer, or a page and
// the worker sending at the same moment, changes nothing.
//
// The worker has no page to tell the learner what the server answered ("Đã lưu", "the attempt was
// closed meanwhile", "your post is online"). So what it delivers stays here, marked with the
// server's answer, until a page of that learner takes it and shows it exactly as if it had sent it
// itself. Taking is one IndexedDB transaction (read and delete), so each answer is shown once, in
// whichever order the worker and the pages get there.

const DB_NAME = 'taphuan-outbox';
const STORE = 'operations';

export interface Operation {
	id: string;
	/** the username it was done as: sent only while that learner is signed in on this device */
	learner: string;
	/** where it is posted; its JSON body is `body` plus `op` (the id) and `queuedForMs` */
	url: string;
	body: Record<string, unknown>;
	/** Date.now() when it was queued: only differences of it are sent, so a wrong phone date does no harm */
	queuedAt: number;
	/**
	 * this page's count of operations queued so far: several can share one millisecond, and they
	 * must still be sent in the order they were made (absent on operations stored before it existed)
	 */
	sequence?: number;
	/** the draft it was written in (a discussion post): given back there if the server cannot apply it */
	draft?: string;
	/** why the server gave it back (its words, in the learner's language): kept until the draft's form takes it */
	returned?: string;
	/** the service worker sent it and the server accepted it: its answer, kept until a page shows it */
	delivered?: { answer: unknown };
}

export type FlushResult = 'empty' | 'sent' | 'offline' | 'signedOut';

/** Who is sending: a page shows each answer at once; the worker keeps it for the pages. */
export type Sender = 'page' | 'worker';

/** The Background Sync tag under which the service worker sends the outbox. */
export const OUTBOX_SYNC_TAG = 'taphuan-outbox';
/** What the service worker tells open pages once it has sent the outbox. */
export const OUTBOX_DELIVERED_MESSAGE = 'taphuan:outbox-delivered';

/** 128 random bits; crypto.randomUUID() exists only on https pages, getRandomValues everywhere. */
export function operationId(): string {
	return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const db = await open();
	try {
		return await new Promise<T>((resolve, reject) => {
			const transaction = db.transaction(STORE, mode);
			const request = work(transaction.objectStore(STORE));
			transaction.oncomplete = () => resolve(request.result);
			transaction.onerror = () => reject(transaction.error);
			transaction.onabort = () => reject(transaction.error);
		});
	} finally {
		db.close();
	}
}

/**
 * Reads operation `id` and replaces it by `change`'s result (null deletes it, undefined leaves it)
 * in one transaction; resolves with what was stored before. An operation another page or the
 * worker removed meanwhile stays removed: nothing is written back for it.
 */
async function update(id: string, change: (stored: Operation) => Operation | null | undefined): Promise<Operation | undefined> {
	const db = await open();
	try {
		return await new Promise<Operation | undefined>((resolve, reject) => {
			const transaction = db.transaction(STORE, 'readwrite');
			const store = transaction.objectStore(STORE);
			const read = store.get(id) as IDBRequest<Operation | undefined>;
			read.onsuccess = () => {
				if (!read.result) return;
				const next = change(read.result);
				if (next === null) store.delete(id);
				else if (next) store.put(next);
			};
			transaction.oncomplete = () => resolve(read.result);
			transaction.onerror = () => reject(transaction.error);
			transaction.onabort = () => reject(transaction.error);
		});
	} finally {
		db.close();
	}
}

type SyncRegistration = ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } };

/**
 * Asks the browser to wake the service worker once there is a network, even if the learner has
 * closed every page of the site by then. Browsers without Background Sync (Firefox, Safari) skip
 * it: there the pages send the outbox when they load and when the network returns.
 */
function askWorkerToSend() {
	if (typeof navigator === 'undefined' || !navigator.serviceWorker) return;
	navigator.serviceWorker.ready.then((registration) => (registration as SyncRegistration).sync?.register(OUTBOX_SYNC_TAG)).catch(() => undefined);
}

let queued = 0;

/** Queues an operation; resolves with its id once it is stored. */
export async function enqueue(learner: string, url: string, body: Record<string, unknown>, draft?: string): Promise<string> {
	queued += 1;
	const operation: Operation = { id: operationId(), learner, url, body, queuedAt: Date.now(), sequence: queued, ...(draft ? { draft } : {}) };
	await run('readwrite', (store) => store.put(operation));
	askWorkerToSend();
	return operation.id;
}

/** Oldest first; within one millisecond, in the order this page queued them (the store returns them by random id). */
const inQueueOrder = (a: Operation, b: Operation) => a.queuedAt - b.queuedAt || (a.sequence ?? 0) - (b.sequence ?? 0);

async function all(): Promise<Operation[]> {
	return (await run('readonly', (store) => store.getAll() as IDBRequest<Operation[]>)).sort(inQueueOrder);
}

async function mine(learner: string): Promise<Operation[]> {
	return (await all()).filter((operation) => operation.learner === learner);
}

const waiting = (operation: Operation) => operation.returned === undefined && operation.delivered === undefined;

/** `learner`'s operations waiting to be sent, oldest first. */
export async function pending(learner: string): Promise<Operation[]> {
	return (await mine(learner)).filter(waiting);
}

/** `learner`'s operations the server gave back, waiting for their draft's form. */
export async function returned(learner: string): Promise<Operation[]> {
	return (await mine(learner)).filter((operation) => operation.returned !== undefined);
}

export function remove(id: string): Promise<unknown> {
	return run('readwrite', (store) => store.delete(id));
}

/** Removes operation `id`; resolves with it if it was still there (so only one page shows its answer). */
const take = (id: string) => update(id, () => null);

/** Kept, marked with the server's reason, for its draft's form; one without a draft has nowhere to go. */
function giveBack(operation: Operation, reason: string | undefined): Promise<unknown> {
	if (!operation.draft) return remove(operation.id);
	return update(operation.id, (stored) => ({ ...stored, returned: reason ?? '' }));
}

/** The worker's delivery: kept with the server's answer until a page of its learner takes it. */
const keepDelivered = (operation: Operation, answer: unknown) => update(operation.id, (stored) => ({ ...stored, delivered: { answer } }));

type OnAnswer = (operation: Operation, answer: unknown) => void;

/** Hands the answers the worker received for `learner` to the page, each once; how many. */
async function takeDelivered(learner: string, onAnswer: OnAnswer): Promise<number> {
	let shown = 0;
	for (const operation of await mine(learner)) {
		if (!operation.delivered || !(await take(operation.id))) continue;
		shown++;
		onAnswer(operation, operation.delivered.answer);
	}
	return shown;
}

/** A learner's sending under way in this context: who waits for its answers, and whether to look again. */
interface Flushing {
	done: Promise<FlushResult>;
	listeners: Set<OnAnswer>;
	again: boolean;
}

const flushing = new Map<string, Flushing>();

/**
 * Sends every operation `learner` queued (others wait for their own learner), oldest first, each at most until it is answered. Stops at the
 * first that cannot reach the server (kept for next time) or finds the learner signed out (kept
 * until they sign in again). One the server refuses for good (4xx: a module no longer in the
 * course) or answers `returned` is given back to its draft (see `returned`), or removed when it has
 * none (a heartbeat: sending it again could never succeed). A page first takes what the worker
 * delivered, then sends; `onAnswer` sees each accepted answer once, whoever sent it. The worker
 * keeps each answer for the pages instead (see `keepDelivered`).
 *
 * A call while this context is already sending for `learner` joins it: its `onAnswer` hears every
 * answer from then on, and the sending looks at the store once more before it ends, since what
 * prompted the call (the worker's delivery, a new operation) may have come after it looked.
 */
export function flush(learner: string, onAnswer: OnAnswer = () => {}, sender: Sender = 'page'): Promise<FlushResult> {
	const running = flushing.get(learner);
	if (running) {
		running.listeners.add(onAnswer);
		running.again = true;
		return running.done;
	}
	const state: Flushing = { done: Promise.resolve<FlushResult>('empty'), listeners: new Set([onAnswer]), again: false };
	const tell: OnAnswer = (operation, answer) => {
		for (const listener of state.listeners) listener(operation, answer);
	};
	state.done = (async (): Promise<FlushResult> => {
		try {
			let sentAny = false;
			for (;;) {
				state.again = false;
				const result = await sendOnce(learner, tell, sender);
				if (result === 'offline' || result === 'signedOut') return result;
				sentAny ||= result === 'sent';
				if (!state.again) return sentAny ? 'sent' : 'empty';
			}
		} finally {
			flushing.delete(learner);
		}
	})();
	flushing.set(learner, state);
	return state.done;
}

/** One pass of `flush`: what the worker delivered, then what waits, as the store holds them now. */
async function sendOnce(learner: string, onAnswer: OnAnswer, sender: Sender): Promise<FlushResult> {
	const shown = sender === 'page' ? await takeDelivered(learner, onAnswer) : 0;
	const operations = await pending(learner);
	if (operations.length === 0) return shown > 0 ? 'sent' : 'empty';
	for (const operation of operations) {
		let response: Response;
		try {
			response = await fetch(operation.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ ...operation.body, op: operation.id, learner: operation.learner, queuedForMs: Math.max(0, Date.now() - operation.queuedAt) })
			});
		} catch {
			return 'offline';
		}
		// signed out, or (409) someone else signed in since the page was opened: kept for its learner
		if (response.status === 401 || response.status === 409) return 'signedOut';
		// busy or failing: keep it and try later
		if (response.status === 408 || response.status === 429 || response.status >= 500) return 'offline';
		const answer = (await response.json().catch(() => null)) as { returned?: string; message?: string } | null;
		// refused for good (a thread gone), or answered "returned" (locked meanwhile): its
		// author gets it back as a draft with the reason, never silently lost
		if (!response.ok) await giveBack(operation, answer?.message);
		else if (typeof answer?.returned === 'string') await giveBack(operation, answer.returned);
		else if (sender === 'worker') await keepDelivered(operation, answer);
		// the worker may have delivered it meanwhile: whoever takes it shows it
		else if (await take(operation.id)) onAnswer(operation, answer);
	}
	return 'sent';
}

/**
 * The worker's sending: every learner's operations, one learner after another (the worker knows no
 * learner; the server takes each only from its own learner's session, 409 otherwise, so one whose
 * learner is signed out waits and stops only that learner's). One result per learner.
 */
export async function flushEveryone(): Promise<FlushResult[]> {
	const learners = [...new Set((await all()).filter(waiting).map((operation) => operation.learner))];
	const results: FlushResult[] = [];
	for (const learner of learners) results.push(await flush(learner, undefined, 'worker'));
	return results;
}

/**
 * Calls `send` whenever the service worker says it has sent the outbox, so the page shows the
 * answers; returns what stops listening.
 */
export function onWorkerDelivered(send: () => void): () => void {
	if (typeof navigator === 'undefined' || !navigator.serviceWorker) return () => {};
	const container = navigator.serviceWorker;
	const listener = (event: MessageEvent) => {
		if (event.data === OUTBOX_DELIVERED_MESSAGE) send();
	};
	container.addEventListener('message', listener);
	return () => container.removeEventListener('message', listener);
}
