// The outbox as the pages and the service worker share it: each in its own JavaScript context (two
// instances of the module here) over one IndexedDB (fake-indexeddb), with the server played by a
// stubbed fetch whose answers the test releases in the order it wants.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Outbox = typeof import('./outbox');

/** A fresh instance of the module: a page, or the worker. */
async function context(): Promise<Outbox> {
	vi.resetModules();
	return import('./outbox');
}

interface Call {
	url: string;
	body: { op: string; learner: string } & Record<string, unknown>;
	answer(status: number, json: unknown): void;
}

let calls: Call[];
/** Answers every request at once with `auto`; undefined: the test answers each call itself. */
let auto: ((call: Omit<Call, 'answer'>) => [number, unknown]) | undefined;

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
	calls = [];
	auto = () => [200, { ok: true }];
	vi.stubGlobal('fetch', (url: string, init: { body: string }) => {
		const body = JSON.parse(init.body);
		return new Promise<Response>((resolve) => {
			const answer = (status: number, json: unknown) => resolve(new Response(JSON.stringify(json), { status, headers: { 'content-type': 'application/json' } }));
			calls.push({ url, body, answer });
			if (auto) answer(...auto({ url, body }));
		});
	});
});
afterEach(() => vi.unstubAllGlobals());

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function stored(outbox: Outbox, learner = 'lan') {
	return { pending: await outbox.pending(learner), returned: await outbox.returned(learner) };
}

describe('the outbox', () => {
	it('a page sends what was queued and shows each answer once', async () => {
		const page = await context();
		await page.enqueue('lan', '/api/tracking/heartbeat', { activeMs: 1000 });
		const shown: unknown[] = [];
		expect(await page.flush('lan', (_, answer) => shown.push(answer))).toBe('sent');
		expect(shown).toEqual([{ ok: true }]);
		expect(calls).toHaveLength(1);
		expect(await page.flush('lan', (_, answer) => shown.push(answer))).toBe('empty');
		expect(shown).toHaveLength(1);
	});

	it('sends what was queued within one millisecond in the order it was queued', async () => {
		const page = await context();
		vi.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000);
		for (let step = 1; step <= 12; step++) await page.enqueue(step % 2 ? 'lan' : 'minh', '/api/tracking/heartbeat', { step });
		vi.restoreAllMocks();
		expect((await page.pending('lan')).map((operation) => operation.body.step)).toEqual([1, 3, 5, 7, 9, 11]);
		expect(await page.flushEveryone()).toEqual(['sent', 'sent']);
		expect(calls.map((call) => call.body.step)).toEqual([1, 3, 5, 7, 9, 11, 2, 4, 6, 8, 10, 12]);
	});

	it('what the worker delivered waits for a page, which shows it as if it had sent it (no second request)', async () => {
		const worker = await context();
		await worker.enqueue('lan', '/quiz/queued', { kind: 'save' });
		auto = () => [200, { late: true }];
		expect(await worker.flushEveryone()).toEqual(['sent']);
		expect(calls).toHaveLength(1);
		// nothing waits to be sent any more: the page's indicator says "Đã đồng bộ"
		expect((await stored(worker)).pending).toEqual([]);

		const page = await context();
		const shown: unknown[] = [];
		expect(await page.flush('lan', (operation, answer) => shown.push([operation.url, answer]))).toBe('sent');
		expect(shown).toEqual([['/quiz/queued', { late: true }]]);
		expect(calls).toHaveLength(1);
		// taken: a second page opened later shows nothing again
		const later = await context();
		expect(await later.flush('lan', () => shown.push('again'))).toBe('empty');
		expect(shown).toHaveLength(1);
	});

	it('the worker answered first while the page was still sending: the page shows the answer once', async () => {
		const page = await context();
		const worker = await context();
		await page.enqueue('lan', '/quiz/queued', { kind: 'submit' });
		auto = undefined;
		const shown: unknown[] = [];
		const pageFlush = page.flush('lan', (_, answer) => shown.push(answer));
		const workerFlush = worker.flushEveryone();
		await vi.waitFor(() => expect(calls).toHaveLength(2));
		const [fromPage, fromWorker] = calls[0]!.body.op === calls[1]!.body.op ? [calls[0]!, calls[1]!] : [calls[1]!, calls[0]!];
		fromWorker.answer(200, { submitted: true });
		await workerFlush;
		fromPage.answer(200, { submitted: true });
		await pageFlush;
		expect(shown).toEqual([{ submitted: true }]);
		expect(await (await context()).flush('lan', () => shown.push('again'))).toBe('empty');
		expect(shown).toHaveLength(1);
	});

	it('the page took the answer first: the worker’s later answer does not bring the operation back', async () => {
		const page = await context();
		const worker = await context();
		await page.enqueue('lan', '/api/discussions/posts', { kind: 'reply', body: 'Chào' }, 'lan|reply|1');
		auto = undefined;
		const workerFlush = worker.flushEveryone();
		await vi.waitFor(() => expect(calls).toHaveLength(1));
		const shown: unknown[] = [];
		const pageFlush = page.flush('lan', (_, answer) => shown.push(answer));
		await vi.waitFor(() => expect(calls).toHaveLength(2));
		calls[1]!.answer(200, { posted: '/t/1#p2' });
		await pageFlush;
		calls[0]!.answer(200, { posted: '/t/1#p2' });
		await workerFlush;
		await settle();
		expect(shown).toEqual([{ posted: '/t/1#p2' }]);
		expect(await stored(page)).toEqual({ pending: [], returned: [] });
		expect(await (await context()).flush('lan', () => shown.push('again'))).toBe('empty');
	});

	it('what the worker delivers while the page is sending is shown by that same sending', async () => {
		const page = await context();
		await page.enqueue('lan', '/api/tracking/heartbeat', { step: 'a' });
		auto = undefined;
		const shown: unknown[] = [];
		const first = page.flush('lan', (operation) => shown.push(`first ${operation.body.step}`));
		await vi.waitFor(() => expect(calls).toHaveLength(1));
		// another page queues b; the worker sends a and b and keeps both answers
		await (await context()).enqueue('lan', '/api/tracking/heartbeat', { step: 'b' });
		auto = ({ body }) => [200, { step: body.step }];
		const worker = await context();
		expect(await worker.flushEveryone()).toEqual(['sent']);
		// its message reaches the page, whose first sending still waits for a
		const second = page.flush('lan', (operation) => shown.push(`second ${operation.body.step}`));
		calls[0]!.answer(200, { step: 'a' });
		expect(await first).toBe('sent');
		expect(await second).toBe('sent');
		expect(shown.sort()).toEqual(['first a', 'first b', 'second a', 'second b']);
		expect(await (await context()).flush('lan', () => shown.push('again'))).toBe('empty');
	});

	it('two pages open at once: one of them shows a delivered answer, never both', async () => {
		const worker = await context();
		await worker.enqueue('lan', '/api/tracking/heartbeat', { activeMs: 500 });
		await worker.flushEveryone();
		const [one, two] = [await context(), await context()];
		const shown: string[] = [];
		await Promise.all([one.flush('lan', () => shown.push('one')), two.flush('lan', () => shown.push('two'))]);
		expect(shown).toHaveLength(1);
	});

	it('the worker keeps what its learner is signed out for, and sends the next learner’s', async () => {
		const worker = await context();
		await worker.enqueue('lan', '/api/tracking/heartbeat', { activeMs: 1 });
		await worker.enqueue('minh', '/api/tracking/heartbeat', { activeMs: 2 });
		auto = ({ body }) => (body.learner === 'lan' ? [409, { message: 'another learner' }] : [200, { ok: true }]);
		expect(await worker.flushEveryone()).toEqual(['signedOut', 'sent']);
		expect((await worker.pending('lan')).map((operation) => operation.body.activeMs)).toEqual([1]);
		expect(await worker.pending('minh')).toEqual([]);
	});

	it('a post the server gives back to the worker waits for its form with the reason', async () => {
		const worker = await context();
		await worker.enqueue('lan', '/api/discussions/posts', { kind: 'reply', body: 'Chào' }, 'lan|reply|1');
		auto = () => [200, { returned: 'Chủ đề đã bị khoá.' }];
		await worker.flushEveryone();
		const page = await context();
		const { pending, returned } = await stored(page);
		expect(pending).toEqual([]);
		expect(returned.map((operation) => operation.returned)).toEqual(['Chủ đề đã bị khoá.']);
		// not shown as an accepted answer
		const shown: unknown[] = [];
		expect(await page.flush('lan', (_, answer) => shown.push(answer))).toBe('empty');
		expect(shown).toEqual([]);
	});

	it('no server: the worker keeps everything and says so (the browser tries again)', async () => {
		const worker = await context();
		await worker.enqueue('lan', '/api/tracking/heartbeat', { activeMs: 1 });
		vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
		expect(await worker.flushEveryone()).toEqual(['offline']);
		expect(await worker.pending('lan')).toHaveLength(1);
	});
});
