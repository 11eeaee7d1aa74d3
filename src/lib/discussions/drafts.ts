// Drafts of discussion posts kept in the browser (localStorage), so that text typed on a phone is
// not lost when the browser drops the tab, the page is closed by mistake or the connection fails
// while sending. Browser-safe and free of the DOM: the page script (./page.ts) wires it to forms.
//
// A draft is filed under a key the server renders on the form (`data-draft`): the signed-in
// user's name, the kind of post and where it goes, so that on a computer shared by a commune
// office one official never sees another's draft. It is deleted once the server shows that the
// post arrived, and only then: a failed send leaves it in place for the next visit.

export const DRAFT_PREFIX = 'taphuan.draft.';
/** Drafts untouched for this long are dropped (the post is probably no longer wanted). */
export const DRAFT_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

/** The typed fields by name (`title`, `body`). */
export type DraftFields = Record<string, string>;

export interface Draft {
	fields: DraftFields;
	savedAt: number;
	/** set when the form was sent: what the page showed then, to recognise the post's arrival */
	sent?: { at: number; lastPostId: number };
}

/** The part of the Web Storage API drafts need (localStorage, or a fake in tests). */
export interface DraftStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
	readonly length: number;
	key(index: number): string | null;
}

/**
 * The keys drafts are filed under, built on the server for the forms (`data-draft`) and for the
 * page a new thread arrives on (`data-draft-done`): both sides must build the same key.
 */
export const draftKey = {
	newThread: (username: string, boardPath: string) => `${username}|thread|${boardPath}`,
	reply: (username: string, threadId: number) => `${username}|reply|${threadId}`
};

export function hasText(fields: DraftFields): boolean {
	return Object.values(fields).some((value) => value.trim() !== '');
}

// Storage can refuse (private browsing, a full quota, storage switched off): drafts are a help,
// never a reason for the page to fail, so every access gives up quietly.
export function readDraft(store: DraftStore, key: string): Draft | null {
	try {
		const raw = store.getItem(DRAFT_PREFIX + key);
		const draft = raw ? (JSON.parse(raw) as Draft) : null;
		return draft && typeof draft.fields === 'object' && typeof draft.savedAt === 'number' ? draft : null;
	} catch {
		return null;
	}
}

export function writeDraft(store: DraftStore, key: string, draft: Draft): void {
	try {
		if (hasText(draft.fields)) store.setItem(DRAFT_PREFIX + key, JSON.stringify(draft));
		else store.removeItem(DRAFT_PREFIX + key);
	} catch {
		// nothing to do: the text is still in the form
	}
}

export function removeDraft(store: DraftStore, key: string): void {
	try {
		store.removeItem(DRAFT_PREFIX + key);
	} catch {
		// nothing to do
	}
}

/** Drops the drafts nobody has touched for DRAFT_MAX_AGE_MS. */
export function dropOldDrafts(store: DraftStore, now: number): void {
	try {
		const keys: string[] = [];
		for (let i = 0; i < store.length; i++) {
			const key = store.key(i);
			if (key?.startsWith(DRAFT_PREFIX)) keys.push(key.slice(DRAFT_PREFIX.length));
		}
		for (const key of keys) {
			const draft = readDraft(store, key);
			if (!draft || now - draft.savedAt > DRAFT_MAX_AGE_MS) removeDraft(store, key);
		}
	} catch {
		// nothing to do
	}
}

/**
 * Did a sent reply arrive? After a reply the server sends the browser to the new post
 * (`…#post-<id>`), whose id is higher than any post the page showed when the reply was sent.
 * Coming back to the page any other way (the back button after a failed send, a reload, a link
 * to an older post) does not count.
 */
export function replyArrived(draft: Draft, hash: string): boolean {
	const postId = Number(/^#post-(\d+)$/.exec(hash)?.[1] ?? 0);
	return !!draft.sent && postId > draft.sent.lastPostId;
}

/**
 * Did a sent new thread arrive? The server sends the browser to the new thread's page, headed by
 * its title: the thread page of that board whose title is the draft's.
 */
export function threadArrived(draft: Draft, pageTitle: string): boolean {
	return !!draft.sent && (draft.fields.title ?? '').trim() !== '' && draft.fields.title!.trim() === pageTitle.trim();
}
