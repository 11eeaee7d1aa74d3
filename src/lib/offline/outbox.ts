// The outbox: what the learner did while the server could not be reached, kept in IndexedDB (it
// outlives the tab) as application operations, each with an id made here. Sent oldest first when
// the network returns; the server applies each id once (src/lib/server/tracking/operations.ts),
// so sending one again after a lost answer changes nothing.

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
	/** the draft it was written in (a discussion post): given back there if the server cannot apply it */
	draft?: string;
	/** why the server gave it back (its words, in the learner's language): kept until the draft's form takes it */
	returned?: string;
}

export type FlushResult = 'empty' | 'sent' | 'offline' | 'signedOut';

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

/** Queues an operation; resolves with its id once it is stored. */
export async function enqueue(learner: string, url: string, body: Record<string, unknown>, draft?: string): Promise<string> {
	const operation: Operation = { id: operationId(), learner, url, body, queuedAt: Date.now(), ...(draft ? { draft } : {}) };
	await run('readwrite', (store) => store.put(operation));
	return operation.id;
}

async function mine(learner: string): Promise<Operation[]> {
	const all = await run('readonly', (store) => store.getAll() as IDBRequest<Operation[]>);
	return all.filter((operation) => operation.learner === learner).sort((a, b) => a.queuedAt - b.queuedAt);
}

/** `learner`'s operations waiting to be sent, oldest first. */
export async function pending(learner: string): Promise<Operation[]> {
	return (await mine(learner)).filter((operation) => operation.returned === undefined);
}

/** `learner`'s operations the server gave back, waiting for their draft's form. */
export async function returned(learner: string): Promise<Operation[]> {
	return (await mine(learner)).filter((operation) => operation.returned !== undefined);
}

export function remove(id: string): Promise<unknown> {
	return run('readwrite', (store) => store.delete(id));
}

/** Kept, marked with the server's reason, for its draft's form; one without a draft has nowhere to go. */
function giveBack(operation: Operation, reason: string | undefined): Promise<unknown> {
	if (!operation.draft) return remove(operation.id);
	return run('readwrite', (store) => store.put({ ...operation, returned: reason ?? '' }));
}

let flushing: Promise<FlushResult> | null = null;

/**
 * Sends every operation `learner` queued (others wait for their own learner), oldest first, each at most until it is answered. Stops at the
 * first that cannot reach the server (kept for next time) or finds the learner signed out (kept
 * until they sign in again). One the server refuses for good (4xx: a module no longer in the
 * course) or answers `returned` is given back to its draft (see `returned`), or removed when it has
 * none (a heartbeat: sending it again could never succeed). `onAnswer` sees each accepted answer.
 */
export function flush(learner: string, onAnswer: (operation: Operation, answer: unknown) => void = () => {}): Promise<FlushResult> {
	flushing ??= (async (): Promise<FlushResult> => {
		try {
			const operations = await pending(learner);
			if (operations.length === 0) return 'empty';
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
				else {
					onAnswer(operation, answer);
					await remove(operation.id);
				}
			}
			return 'sent';
		} finally {
			flushing = null;
		}
	})();
	return flushing;
}
