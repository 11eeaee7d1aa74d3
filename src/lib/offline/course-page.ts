// The course page's script (served at /offline.js): "Tải về để học khi không có mạng" per module.
// A download fetches the module's pages and everything they load, checks the free space, asks for
// persistent storage, and only then stores it all in one cache named by the course version; the
// record written last makes it count. A copy of an older version is replaced when online; one cut
// short is removed. Texts come from the page (`#offline-texts`), not from here.
import { atMost } from './at-most';
import { DOWNLOAD_HEADER, META_PATH, moduleCacheName, parseModuleCacheName, readRecord, type DownloadRecord, type ModuleKey } from './store';

type Texts = Record<
	'downloading' | 'stored' | 'outdated' | 'removed' | 'noSpace' | 'failed' | 'unsupported' | 'sizeKb' | 'sizeMb' | 'courseProgress' | 'courseStored',
	string
>;

const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (all, name: string) => params[name] ?? all);

function size(texts: Texts, bytes: number): string {
	if (bytes < 1024 * 1024) return fill(texts.sizeKb, { n: String(Math.max(1, Math.round(bytes / 1024))) });
	return fill(texts.sizeMb, { n: (bytes / 1024 / 1024).toFixed(1) });
}

/** Same-origin addresses a stored page loads: styles, scripts, images, media. */
function subresources(html: string, base: string): string[] {
	const doc = new DOMParser().parseFromString(html, 'text/html');
	const found: string[] = [];
	for (const element of doc.querySelectorAll<HTMLElement>('link[rel~="stylesheet"][href], link[rel~="icon"][href], script[src], img[src], video[src], video[poster], audio[src], source[src], track[src]')) {
		for (const attribute of ['href', 'src', 'poster']) {
			const value = element.getAttribute(attribute);
			if (value) found.push(value);
		}
	}
	for (const img of doc.querySelectorAll('img[srcset], source[srcset]')) {
		for (const candidate of (img.getAttribute('srcset') ?? '').split(',')) found.push(candidate.trim().split(/\s+/)[0] ?? '');
	}
	const origin = new URL(base).origin;
	return found
		.filter(Boolean)
		.map((value) => new URL(value, base))
		.filter((url) => url.origin === origin)
		.map((url) => url.pathname + url.search);
}

/** How many of the threads a stored board lists are stored with it (its first page shows 20). */
const MAX_THREADS = 30;

/** Thread pages a stored board links to: addresses `threads` + a number, nothing else. */
function threadLinks(html: string, base: string, threads: string): string[] {
	const doc = new DOMParser().parseFromString(html, 'text/html');
	const found = new Set<string>();
	for (const link of doc.querySelectorAll('a[href]')) {
		const url = new URL(link.getAttribute('href')!, base);
		if (url.origin === location.origin && !url.search && url.pathname.startsWith(threads) && /^\d+$/.test(url.pathname.slice(threads.length))) found.add(url.pathname);
	}
	return [...found].slice(0, MAX_THREADS);
}

class NoSpace extends Error {
	constructor(readonly bytes: number) {
		super('no space');
	}
}

/**
 * How many requests a download keeps in flight. On mobile data each costs a round trip (Fast 3G
 * 0.56 s, Slow 3G 2 s) that dwarfs its few KB, so one after another the latency is all a learner
 * waits for; browsers open six connections per site, and the page itself may need one.
 */
const IN_FLIGHT = 4;

/** Fetches everything first, so nothing is stored unless all of it arrived and fits. */
async function download(key: ModuleKey, pages: string[], threads: string): Promise<DownloadRecord> {
	const bodies = new Map<string, Response>();
	const fetchOne = async (url: string) => {
		const response = await fetch(url, { headers: { [DOWNLOAD_HEADER]: '1' }, credentials: 'same-origin', redirect: 'follow' });
		// a redirect (signed out) or an error page is not the page the learner asked for
		if (!response.ok || response.redirected) throw new Error(`${url}: ${response.status}`);
		bodies.set(url, response);
		return response;
	};
	const loads = new Set<string>();
	const threadPages = new Set<string>();
	const fetchPage = (board: boolean) => async (page: string) => {
		const html = await (await fetchOne(page)).clone().text();
		const base = new URL(page, location.href).href;
		for (const url of subresources(html, base)) loads.add(url);
		// the module's board: its threads too (not those of other boards the page may link to)
		if (board && page.endsWith('/discussions')) for (const thread of threadLinks(html, base, threads)) threadPages.add(thread);
	};
	// the pages, then the threads their board lists, then what they all load
	const notYet = (urls: Iterable<string>) => [...new Set(urls)].filter((url) => !bodies.has(url));
	await atMost(IN_FLIGHT, notYet(pages), fetchPage(true));
	await atMost(IN_FLIGHT, notYet(threadPages), fetchPage(false));
	await atMost(IN_FLIGHT, notYet(loads), fetchOne);
	const blobs = new Map<string, { blob: Blob; response: Response }>();
	let bytes = 0;
	for (const [url, response] of bodies) {
		const blob = await response.blob();
		bytes += blob.size;
		blobs.set(url, { blob, response });
	}
	const estimate = await navigator.storage?.estimate?.();
	if (estimate?.quota !== undefined && estimate.usage !== undefined && estimate.quota - estimate.usage < bytes * 1.1) throw new NoSpace(bytes);
	await navigator.storage?.persist?.().catch(() => false);
	const record: DownloadRecord = { ...key, bytes, storedAt: Date.now(), urls: [...blobs.keys()] };
	const name = moduleCacheName(key);
	try {
		const cache = await caches.open(name);
		for (const [url, { blob, response }] of blobs) {
			// the body is stored decoded: its transfer encoding and length no longer describe it
			const headers = new Headers(response.headers);
			headers.delete('content-encoding');
			headers.delete('content-length');
			await cache.put(url, new Response(blob, { status: response.status, headers }));
		}
		await cache.put(META_PATH, new Response(JSON.stringify(record), { headers: { 'content-type': 'application/json' } }));
	} catch (failure) {
		await caches.delete(name);
		if (failure instanceof DOMException && failure.name === 'QuotaExceededError') throw new NoSpace(bytes);
		throw failure;
	}
	return record;
}

/** Complete copies of this course's modules by module; copies cut short are removed. */
async function storedCopies(course: string): Promise<Map<string, { name: string; key: ModuleKey; record: DownloadRecord }[]>> {
	const copies = new Map<string, { name: string; key: ModuleKey; record: DownloadRecord }[]>();
	for (const name of await caches.keys()) {
		const key = parseModuleCacheName(name);
		if (!key || key.course !== course) continue;
		const record = await readRecord(await caches.open(name));
		if (!record) {
			await caches.delete(name);
			continue;
		}
		copies.set(key.module, [...(copies.get(key.module) ?? []), { name, key, record }]);
	}
	return copies;
}

function setUp(texts: Texts, panels: HTMLElement[]) {
	const course = panels[0]!.dataset.course!;
	let busy = false;

	const show = (panel: HTMLElement, state: { status: string; stored: boolean; error?: boolean }) => {
		const status = panel.querySelector<HTMLElement>('[data-offline-status]')!;
		status.textContent = state.status;
		status.classList.toggle('error', state.error === true);
		panel.querySelector<HTMLButtonElement>('[data-offline-remove]')!.hidden = !state.stored;
		panel.querySelector<HTMLButtonElement>('[data-offline-download]')!.hidden = state.stored;
	};
	const storedText = (record: DownloadRecord) =>
		fill(texts.stored, { size: size(texts, record.bytes), time: new Date(record.storedAt).toLocaleString(document.documentElement.lang) });

	/** Downloads one module; its record when complete, null when it failed (the panel says why). */
	const fetchModule = async (panel: HTMLElement, replacing: string[]): Promise<DownloadRecord | null> => {
		const key: ModuleKey = { course, module: panel.dataset.module!, version: panel.dataset.version! };
		busy = true;
		show(panel, { status: texts.downloading, stored: false });
		try {
			const record = await download(key, panel.dataset.pages!.split(' '), panel.dataset.threads!);
			// the new copy is complete: the old one goes only now
			for (const name of replacing) if (name !== moduleCacheName(key)) await caches.delete(name);
			show(panel, { status: storedText(record), stored: true });
			return record;
		} catch (failure) {
			const message = failure instanceof NoSpace ? fill(texts.noSpace, { size: size(texts, failure.bytes) }) : texts.failed;
			show(panel, { status: message, stored: false, error: true });
			return null;
		} finally {
			busy = false;
		}
	};

	// the whole course: module after module, each its own download (a failure stops here, and
	// what was complete stays: each module's copy is whole or absent)
	const whole = document.querySelector<HTMLElement>('[data-offline-course]');
	if (whole) {
		whole.hidden = false;
		const status = whole.querySelector<HTMLElement>('[data-offline-course-status]')!;
		whole.querySelector('[data-offline-course-download]')!.addEventListener('click', async () => {
			if (busy) return;
			const copies = await storedCopies(course);
			let bytes = 0;
			for (const [index, panel] of panels.entries()) {
				status.textContent = fill(texts.courseProgress, { n: String(index + 1), total: String(panels.length) });
				const mine = copies.get(panel.dataset.module!) ?? [];
				const current = mine.find((copy) => copy.key.version === panel.dataset.version);
				const record = current?.record ?? (await fetchModule(panel, mine.map((copy) => copy.name)));
				if (!record) {
					status.textContent = panel.querySelector('[data-offline-status]')!.textContent;
					return;
				}
				bytes += record.bytes;
			}
			status.textContent = fill(texts.courseStored, { size: size(texts, bytes) });
		});
	}

	const refresh = async () => {
		const copies = await storedCopies(course);
		for (const panel of panels) {
			const mine = copies.get(panel.dataset.module!) ?? [];
			const current = mine.find((copy) => copy.key.version === panel.dataset.version);
			if (current) show(panel, { status: storedText(current.record), stored: true });
			else if (mine.length > 0) {
				show(panel, { status: texts.outdated, stored: true });
				// a newer course: fetch the new copy now if the network allows, keeping the old one until then
				if (navigator.onLine && !busy) await fetchModule(panel, mine.map((copy) => copy.name));
			} else show(panel, { status: '', stored: false });
		}
	};

	for (const panel of panels) {
		panel.hidden = false;
		panel.querySelector('[data-offline-download]')!.addEventListener('click', () => {
			if (!busy) void fetchModule(panel, []);
		});
		panel.querySelector('[data-offline-remove]')!.addEventListener('click', async () => {
			for (const copy of (await storedCopies(course)).get(panel.dataset.module!) ?? []) await caches.delete(copy.name);
			show(panel, { status: texts.removed, stored: false });
			panel.querySelector<HTMLButtonElement>('[data-offline-download]')!.focus();
		});
	}
	void refresh();
}

const textsElement = document.getElementById('offline-texts');
const panels = [...document.querySelectorAll<HTMLElement>('[data-offline-module]')];
if (textsElement && panels.length > 0) {
	const texts = { ...textsElement.dataset } as Texts;
	if ('serviceWorker' in navigator && 'caches' in window) {
		// the worker serves the downloads offline; document pages have no SvelteKit client to register it
		void navigator.serviceWorker.register('/service-worker.js').then(() => setUp(texts, panels));
	} else {
		textsElement.textContent = texts.unsupported;
		textsElement.hidden = false;
	}
}
