// The quiz page's autosave against fakes of what it touches in a browser: the form (its fields
// as the page renders them), fetch, localStorage, the `online` event and the clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, forgetUnsaved, type SaveState } from './autosave';

const URL = '/courses/c/m/quiz/1/answers';
const STORAGE_KEY = `taphuan:unsaved:${URL}`;

class FakeInput {
	checked = false;
	constructor(
		readonly name: string,
		public value = '',
		readonly type = 'text'
	) {}
	/** what the field adds to the form's data, as a browser builds it */
	entries(): [string, string][] {
		if (this.type === 'radio' || this.type === 'checkbox') return this.checked ? [[this.name, this.value]] : [];
		return [[this.name, this.value]];
	}
}

/** The attempt form: one fieldset of inputs per question. */
class FakeForm {
	constructor(readonly fieldsets: Record<string, FakeInput[]>) {}
	entries(): [string, string][] {
		return Object.values(this.fieldsets).flatMap((inputs) => inputs.flatMap((input) => input.entries()));
	}
	querySelector(selector: string) {
		const id = /^\[data-question="(.*)"\]$/.exec(selector)?.[1];
		const inputs = id === undefined ? undefined : this.fieldsets[id];
		return inputs ? { querySelectorAll: () => inputs } : null;
	}
	input(name: string, value?: string): FakeInput {
		const input = Object.values(this.fieldsets)
			.flat()
			.find((i) => i.name === name && (value === undefined || i.value === value));
		if (!input) throw new Error(`no field ${name}`);
		return input;
	}
}

/** `new FormData(form)` reads the fake form's fields, as a browser reads a real one's. */
class FormDataOf extends FormData {
	constructor(form?: FakeForm) {
		super();
		for (const [name, value] of form?.entries() ?? []) this.append(name, value);
	}
}

class MemoryStorage {
	items = new Map<string, string>();
	broken = false;
	getItem(key: string) {
		if (this.broken) throw new Error('SecurityError');
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		if (this.broken) throw new Error('QuotaExceededError');
		this.items.set(key, value);
	}
	removeItem(key: string) {
		if (this.broken) throw new Error('SecurityError');
		this.items.delete(key);
	}
}

/** A request the test answers when it wants to: each call to fetch waits for its reply. */
interface Sent {
	questions: string[];
	fields: [string, string][];
	reply(status: number, body?: object, headers?: Record<string, string>): Promise<void>;
	fail(): Promise<void>;
}

let form: FakeForm;
let storage: MemoryStorage;
let win: EventTarget;
let sent: Sent[];
let states: [SaveState, string | undefined][];

function quizForm() {
	return new FakeForm({
		mot: [new FakeInput('q:mot', 'a', 'radio'), new FakeInput('q:mot', 'b', 'radio')],
		hai: [new FakeInput('q:hai')],
		ba: [new FakeInput('q:ba:l1'), new FakeInput('q:ba:l2')]
	});
}

beforeEach(() => {
	vi.useFakeTimers();
	form = quizForm();
	storage = new MemoryStorage();
	win = new EventTarget();
	sent = [];
	states = [];
	vi.stubGlobal('window', win);
	vi.stubGlobal('localStorage', storage);
	vi.stubGlobal('CSS', { escape: (text: string) => text });
	vi.stubGlobal('HTMLInputElement', FakeInput);
	vi.stubGlobal('FormData', FormDataOf);
	vi.stubGlobal(
		'fetch',
		vi.fn((url: string, init: { method: string; body: FormData }) => {
			expect(url).toBe(URL);
			expect(init.method).toBe('POST');
			const all = [...init.body].map(([k, v]) => [k, String(v)] as [string, string]);
			return new Promise<Response>((resolve, reject) => {
				sent.push({
					questions: all.filter(([k]) => k === 'question').map(([, v]) => v),
					fields: all.filter(([k]) => k !== 'question'),
					reply: async (status, body = {}, headers = {}) => {
						resolve(new Response(JSON.stringify(body), { status, headers }));
						await vi.advanceTimersByTimeAsync(0);
					},
					fail: async () => {
						reject(new TypeError('Failed to fetch'));
						await vi.advanceTimersByTimeAsync(0);
					}
				});
			});
		})
	);
});

afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

function start() {
	return createAutosave(form as unknown as HTMLFormElement, URL, (state, message) => states.push([state, message]));
}

const stored = () => JSON.parse(storage.items.get(STORAGE_KEY) ?? '{}') as Record<string, [string, string][]>;
const lastState = () => states.at(-1)?.[0];

function answer(name: string, value: string) {
	const input = form.input(name, form.input(name).type === 'text' ? undefined : value);
	if (input.type === 'radio') {
		for (const other of Object.values(form.fieldsets).flat()) if (other.name === name) other.checked = other === input;
	} else {
		input.value = value;
	}
	return name.split(':')[1]!;
}

describe('autosave: debounce and batching', () => {
	it('waits until the answer has stopped changing, then sends it once', async () => {
		const autosave = start();
		autosave.changed(answer('q:hai', 'm'));
		await vi.advanceTimersByTimeAsync(500);
		autosave.changed(answer('q:hai', 'mại'));
		await vi.advanceTimersByTimeAsync(500);
		autosave.changed(answer('q:hai', 'mại dâm'));
		await vi.advanceTimersByTimeAsync(699);
		expect(sent).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(1);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ questions: ['hai'], fields: [['q:hai', 'mại dâm']] });
		expect(lastState()).toBe('saving');
		await sent[0]!.reply(200, { ok: true });
		expect(lastState()).toBe('saved');
		expect(autosave.pending()).toBe(0);
	});

	it('sends the questions changed together in one request, with only their fields', async () => {
		const autosave = start();
		autosave.changed(answer('q:mot', 'b'));
		autosave.changed(answer('q:ba:l1', 'r2'));
		expect(autosave.pending()).toBe(2);
		await vi.advanceTimersByTimeAsync(700);
		expect(sent).toHaveLength(1);
		expect(sent[0]!.questions.sort()).toEqual(['ba', 'mot']);
		expect(sent[0]!.fields).toEqual([
			['q:mot', 'b'],
			['q:ba:l1', 'r2'],
			['q:ba:l2', '']
		]);
	});

	it('names a question cleared to blank, so the server forgets its old answer', async () => {
		form.input('q:mot', 'a').checked = true;
		const autosave = start();
		form.input('q:mot', 'a').checked = false;
		autosave.changed('mot');
		await vi.advanceTimersByTimeAsync(700);
		expect(sent[0]).toMatchObject({ questions: ['mot'], fields: [] });
	});
});

describe('autosave: the browser’s copy', () => {
	it('keeps an answer in the browser until the server has it', async () => {
		const autosave = start();
		autosave.changed(answer('q:hai', 'mại dâm'));
		expect(stored()).toEqual({ hai: [['q:hai', 'mại dâm']] });
		await vi.advanceTimersByTimeAsync(700);
		expect(stored()).toEqual({ hai: [['q:hai', 'mại dâm']] });
		await sent[0]!.reply(200);
		expect(storage.items.has(STORAGE_KEY)).toBe(false);
	});

	it('puts answers left by an earlier visit back in the form and sends them at once', async () => {
		storage.items.set(STORAGE_KEY, JSON.stringify({ mot: [['q:mot', 'b']], hai: [['q:hai', 'còn lưu']], khong: [['q:khong', 'x']] }));
		const autosave = start();
		expect(form.input('q:mot', 'b').checked).toBe(true);
		expect(form.input('q:mot', 'a').checked).toBe(false);
		expect(form.input('q:hai').value).toBe('còn lưu');
		// a question the attempt no longer shows is left alone
		expect(autosave.pending()).toBe(2);
		await vi.advanceTimersByTimeAsync(0);
		expect(sent).toHaveLength(1);
		expect(sent[0]!.questions.sort()).toEqual(['hai', 'mot']);
	});

	it('still saves to the server when the browser’s storage is full or disabled', async () => {
		storage.broken = true;
		const autosave = start();
		autosave.changed(answer('q:hai', 'mại dâm'));
		await vi.advanceTimersByTimeAsync(700);
		await sent[0]!.reply(200);
		expect(lastState()).toBe('saved');
		expect(() => forgetUnsaved(URL)).not.toThrow();
	});

	it('forgets the copy once the attempt is submitted', () => {
		storage.items.set(STORAGE_KEY, '{"hai":[["q:hai","x"]]}');
		forgetUnsaved(URL);
		expect(storage.items.has(STORAGE_KEY)).toBe(false);
	});
});

describe('autosave: order of answers', () => {
	it('never lets an older answer overwrite a newer one: a change made while saving is sent after, and stays kept until then', async () => {
		const autosave = start();
		autosave.changed(answer('q:hai', 'cũ'));
		await vi.advanceTimersByTimeAsync(700);
		autosave.changed(answer('q:hai', 'mới'));
		// one request at a time: the timer fires, but the second waits for the first
		await vi.advanceTimersByTimeAsync(700);
		expect(sent).toHaveLength(1);
		await sent[0]!.reply(200);
		expect(lastState()).toBe('saving');
		expect(stored()).toEqual({ hai: [['q:hai', 'mới']] });
		await vi.advanceTimersByTimeAsync(700);
		expect(sent).toHaveLength(2);
		expect(sent[1]!.fields).toEqual([['q:hai', 'mới']]);
		await sent[1]!.reply(200);
		expect(lastState()).toBe('saved');
		expect(storage.items.has(STORAGE_KEY)).toBe(false);
	});

	it('flush sends what is pending at once, including what changed while a save was on its way', async () => {
		const autosave = start();
		autosave.changed(answer('q:hai', 'cũ'));
		await vi.advanceTimersByTimeAsync(700);
		autosave.changed(answer('q:mot', 'a'));
		let flushed = false;
		const flushing = autosave.flush().then(() => (flushed = true));
		await sent[0]!.reply(200);
		expect(sent).toHaveLength(2);
		expect(sent[1]!.questions).toEqual(['mot']);
		expect(flushed).toBe(false);
		await sent[1]!.reply(200);
		await flushing;
		expect(autosave.pending()).toBe(0);
		expect(lastState()).toBe('saved');
	});
});

describe('autosave: when saving fails', () => {
	it('retries while offline, more slowly each time, and keeps the answers', async () => {
		const autosave = start();
		autosave.changed(answer('q:hai', 'mại dâm'));
		await vi.advanceTimersByTimeAsync(700);
		const waits: number[] = [];
		for (let i = 0; i < 7; i++) {
			await sent.at(-1)!.fail();
			expect(lastState()).toBe('retrying');
			expect(autosave.pending()).toBe(1);
			const before = sent.length;
			let waited = 0;
			while (sent.length === before) {
				await vi.advanceTimersByTimeAsync(250);
				waited += 250;
			}
			waits.push(waited);
		}
		expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 30_000]);
		expect(stored()).toEqual({ hai: [['q:hai', 'mại dâm']] });
		await sent.at(-1)!.reply(200);
		expect(lastState()).toBe('saved');
		expect(storage.items.has(STORAGE_KEY)).toBe(false);
	});

	it('treats a server error like the network: retried', async () => {
		const autosave = start();
		autosave.changed(answer('q:hai', 'x'));
		await vi.advanceTimersByTimeAsync(700);
		await sent[0]!.reply(500);
		expect(lastState()).toBe('retrying');
		await vi.advanceTimersByTimeAsync(1_000);
		expect(sent).toHaveLength(2);
	});

	it('waits as long as an overloaded server asks (Retry-After), when that is longer than its own back-off', async () => {
		const autosave = start();
		autosave.changed(answer('q:hai', 'x'));
		await vi.advanceTimersByTimeAsync(700);
		await sent[0]!.reply(503, { message: 'busy' }, { 'retry-after': '10' });
		await vi.advanceTimersByTimeAsync(9_999);
		expect(sent).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(sent).toHaveLength(2);
		// the next failure without the header falls back to the back-off
		await sent[1]!.fail();
		await vi.advanceTimersByTimeAsync(2_000);
		expect(sent).toHaveLength(3);
	});

	it('does not hurry a retry when the learner changes an answer meanwhile, and sends both together', async () => {
		const autosave = start();
		autosave.changed(answer('q:hai', 'x'));
		await vi.advanceTimersByTimeAsync(700);
		await sent[0]!.fail();
		await vi.advanceTimersByTimeAsync(100);
		autosave.changed(answer('q:mot', 'a'));
		await vi.advanceTimersByTimeAsync(850);
		expect(sent).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(50);
		expect(sent).toHaveLength(2);
		expect(sent[1]!.questions.sort()).toEqual(['hai', 'mot']);
	});

	it('sends at once when the network returns, and starts the back-off afresh', async () => {
		const autosave = start();
		autosave.changed(answer('q:hai', 'x'));
		await vi.advanceTimersByTimeAsync(700);
		for (let i = 0; i < 5; i++) {
			await sent.at(-1)!.fail();
			await vi.advanceTimersByTimeAsync(30_000);
		}
		await sent.at(-1)!.fail();
		const before = sent.length;
		win.dispatchEvent(new Event('online'));
		await vi.advanceTimersByTimeAsync(0);
		expect(sent).toHaveLength(before + 1);
		await sent.at(-1)!.fail();
		await vi.advanceTimersByTimeAsync(1_000);
		expect(sent).toHaveLength(before + 2);
		await sent.at(-1)!.reply(200);
		expect(autosave.pending()).toBe(0);
	});

	it('stops for good when the attempt was closed elsewhere (409), and drops the browser’s copy', async () => {
		const autosave = start();
		autosave.changed(answer('q:hai', 'x'));
		await vi.advanceTimersByTimeAsync(700);
		await sent[0]!.reply(409, { message: 'Bài làm đã nộp.' });
		expect(states.at(-1)).toEqual(['closed', 'Bài làm đã nộp.']);
		expect(storage.items.has(STORAGE_KEY)).toBe(false);
		autosave.changed(answer('q:hai', 'y'));
		expect(storage.items.has(STORAGE_KEY)).toBe(false);
		await vi.advanceTimersByTimeAsync(60_000);
		win.dispatchEvent(new Event('online'));
		await vi.advanceTimersByTimeAsync(0);
		expect(sent).toHaveLength(1);
	});

	it('says so when the server refuses an answer (400, 413, 422), and does not send it again by itself', async () => {
		for (const status of [400, 413, 422]) {
			sent = [];
			states = [];
			storage.items.clear();
			const autosave = start();
			autosave.changed(answer('q:hai', 'x'.repeat(600)));
			await vi.advanceTimersByTimeAsync(700);
			await sent[0]!.reply(status, { message: 'Câu trả lời quá dài.' });
			expect(states.at(-1), String(status)).toEqual(['rejected', 'Câu trả lời quá dài.']);
			await vi.advanceTimersByTimeAsync(60_000);
			expect(sent).toHaveLength(1);
			// the learner's text is not lost: it stays in the browser to be corrected
			expect(stored().hai).toEqual([['q:hai', 'x'.repeat(600)]]);
			autosave.destroy();
		}
	});

	it('copes with an error page that is not JSON', async () => {
		const autosave = start();
		autosave.changed(answer('q:hai', 'x'));
		await vi.advanceTimersByTimeAsync(700);
		const request = sent[0]!;
		await request.reply(400);
		expect(lastState()).toBe('rejected');
		// and a bare 200 without a body is a save all the same
		autosave.changed(answer('q:hai', 'y'));
		await vi.advanceTimersByTimeAsync(700);
		await sent[1]!.reply(200);
		expect(lastState()).toBe('saved');
	});
});

describe('autosave: destroy', () => {
	it('sends nothing more once the page posts the form itself', async () => {
		const autosave = start();
		autosave.changed(answer('q:hai', 'x'));
		autosave.destroy();
		await vi.advanceTimersByTimeAsync(60_000);
		win.dispatchEvent(new Event('online'));
		await vi.advanceTimersByTimeAsync(0);
		expect(sent).toHaveLength(0);
	});
});
