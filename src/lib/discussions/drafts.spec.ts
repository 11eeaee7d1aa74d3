import { describe, expect, it } from 'vitest';
import {
	DRAFT_MAX_AGE_MS,
	DRAFT_PREFIX,
	draftKey,
	dropOldDrafts,
	readDraft,
	removeDraft,
	replyArrived,
	threadArrived,
	writeDraft,
	type Draft,
	type DraftStore
} from './drafts';

/** An in-memory Storage, optionally refusing every write like a full or disabled one. */
function memoryStore(refuse = false): DraftStore & { items: Map<string, string> } {
	const items = new Map<string, string>();
	return {
		items,
		getItem: (key) => items.get(key) ?? null,
		setItem: (key, value) => {
			if (refuse) throw new Error('QuotaExceededError');
			items.set(key, value);
		},
		removeItem: (key) => void items.delete(key),
		get length() {
			return items.size;
		},
		key: (index) => [...items.keys()][index] ?? null
	};
}

const T0 = Date.UTC(2026, 10, 29, 8);

describe('drafts in storage', () => {
	it('keeps a draft under its key and gives it back', () => {
		const store = memoryStore();
		const draft: Draft = { fields: { title: 'Kinh nghiệm', body: 'Ở xã tôi…' }, savedAt: T0 };
		writeDraft(store, 'lan|thread|/courses/k/m/discussions', draft);
		expect(store.items.has(`${DRAFT_PREFIX}lan|thread|/courses/k/m/discussions`)).toBe(true);
		expect(readDraft(store, 'lan|thread|/courses/k/m/discussions')).toEqual(draft);
		expect(readDraft(store, 'minh|thread|/courses/k/m/discussions')).toBeNull();
	});

	it('forgets a draft emptied of text, and one removed', () => {
		const store = memoryStore();
		writeDraft(store, 'lan|reply|4', { fields: { body: 'Cảm ơn' }, savedAt: T0 });
		writeDraft(store, 'lan|reply|4', { fields: { body: '   ' }, savedAt: T0 + 1 });
		expect(readDraft(store, 'lan|reply|4')).toBeNull();
		writeDraft(store, 'lan|reply|5', { fields: { body: 'Đồng ý' }, savedAt: T0 });
		removeDraft(store, 'lan|reply|5');
		expect(store.items.size).toBe(0);
	});

	it('gives up quietly when storage refuses or holds something else', () => {
		const refusing = memoryStore(true);
		expect(() => writeDraft(refusing, 'lan|reply|4', { fields: { body: 'x' }, savedAt: T0 })).not.toThrow();
		const store = memoryStore();
		store.items.set(`${DRAFT_PREFIX}lan|reply|4`, '{not json');
		store.items.set(`${DRAFT_PREFIX}lan|reply|5`, '{"text":"old shape"}');
		expect(readDraft(store, 'lan|reply|4')).toBeNull();
		expect(readDraft(store, 'lan|reply|5')).toBeNull();
	});

	it('drops drafts untouched for two weeks, and unreadable ones, and leaves other keys alone', () => {
		const store = memoryStore();
		writeDraft(store, 'lan|reply|1', { fields: { body: 'cũ' }, savedAt: T0 - DRAFT_MAX_AGE_MS - 1 });
		writeDraft(store, 'lan|reply|2', { fields: { body: 'mới' }, savedAt: T0 - 1000 });
		store.items.set(`${DRAFT_PREFIX}lan|reply|3`, 'broken');
		store.items.set('other-app', 'keep');
		dropOldDrafts(store, T0);
		expect(new Set(store.items.keys())).toEqual(new Set([`${DRAFT_PREFIX}lan|reply|2`, 'other-app']));
	});
});

describe('recognising that a sent post arrived', () => {
	const sentReply: Draft = { fields: { body: 'Trả lời' }, savedAt: T0, sent: { at: T0, lastPostId: 41 } };

	it('a reply arrived when the page opens at a post newer than any it showed', () => {
		expect(replyArrived(sentReply, '#post-42')).toBe(true);
	});

	it('not when coming back at an older post, the form, or nowhere, nor when it was never sent', () => {
		for (const hash of ['#post-41', '#post-7', '#reply', '', '#post-']) expect(replyArrived(sentReply, hash)).toBe(false);
		expect(replyArrived({ ...sentReply, sent: undefined }, '#post-42')).toBe(false);
	});

	it('a new thread arrived when its page has the draft’s title', () => {
		const sentThread: Draft = { fields: { title: ' Kinh nghiệm ở phường ', body: 'Nội dung' }, savedAt: T0, sent: { at: T0, lastPostId: 0 } };
		expect(threadArrived(sentThread, 'Kinh nghiệm ở phường')).toBe(true);
		expect(threadArrived(sentThread, 'Một chủ đề khác')).toBe(false);
		expect(threadArrived({ ...sentThread, sent: undefined }, 'Kinh nghiệm ở phường')).toBe(false);
		expect(threadArrived({ ...sentThread, fields: { title: '', body: 'x' } }, '')).toBe(false);
	});
});

describe('draftKey', () => {
	it('files drafts by user, kind and place, so no two meet', () => {
		const keys = [
			draftKey.newThread('lan', '/courses/k/m/discussions'),
			draftKey.newThread('minh', '/courses/k/m/discussions'),
			draftKey.newThread('lan', '/courses/k/discussions'),
			draftKey.reply('lan', 4),
			draftKey.reply('lan', 5)
		];
		expect(new Set(keys).size).toBe(keys.length);
	});
});
