// The service worker: pages always from the network while it answers (never a stale page online);
// without a network, a page from a downloaded module ($lib/offline/store) or else the offline page,
// never the browser's own error. It stores nothing by itself except the offline page and what that
// page needs; downloads are made by the course page's script.
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { version } from '$service-worker';
import { flushEveryone, OUTBOX_DELIVERED_MESSAGE, OUTBOX_SYNC_TAG } from '$lib/offline/outbox';
import { DOWNLOAD_HEADER, MODULE_CACHE_PREFIX, META_PATH } from '$lib/offline/store';

const worker = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `taphuan-shell-${version}`;
const OFFLINE_PAGE = '/offline';

/** The offline page and the stylesheets it links (found in its HTML, so they follow the build). */
async function storeShell() {
	const cache = await caches.open(SHELL);
	// without the learner's cookie: the page is the same for everyone and names nobody
	const page = await fetch(OFFLINE_PAGE, { credentials: 'omit' });
	if (!page.ok) throw new Error(`offline page: ${page.status}`);
	const html = await page.clone().text();
	const styles = [...html.matchAll(/<link[^>]+href="([^"]+\.css)"/g)].map((match) => match[1]!);
	await cache.addAll([...styles, '/favicon.svg']);
	await cache.put(OFFLINE_PAGE, page);
}

/** Chromium's static routing (InstallEvent.addRoutes, Chrome 123+); absent from lib.webworker. */
type RoutingInstallEvent = ExtendableEvent & {
	addRoutes?: (rules: { condition: { urlPattern: unknown }; source: 'network' }[]) => Promise<void>;
};

worker.addEventListener('install', (event) => {
	// API calls never pass through this worker (the fetch handler leaves them alone anyway). Routed
	// past it, they no longer depend on it: a report a page sends with keepalive as it unloads
	// (a SCO's last data, the lesson's last beat) was lost in about one leave in five while it was
	// handed to the worker (Chromium 156, tests/e2e/scorm-attempts.e2e.ts); never once routed past.
	const routing = event as RoutingInstallEvent;
	const api = typeof URLPattern === 'function' ? new URLPattern({ pathname: '/api/*' }) : null;
	const routed = api && routing.addRoutes ? routing.addRoutes([{ condition: { urlPattern: api }, source: 'network' }]).catch(() => undefined) : undefined;
	event.waitUntil(Promise.all([routed, storeShell()]).then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) if (name.startsWith('taphuan-shell-') && name !== SHELL) await caches.delete(name);
			await worker.clients.claim();
		})()
	);
});

/** The response stored for `request` by a complete download, if any. */
async function fromDownloads(request: Request): Promise<Response | undefined> {
	for (const name of await caches.keys()) {
		if (!name.startsWith(MODULE_CACHE_PREFIX)) continue;
		const cache = await caches.open(name);
		if (!(await cache.match(META_PATH))) continue;
		const response = await cache.match(request, { ignoreVary: true });
		if (response) return response;
	}
	return undefined;
}

async function fromShell(request: Request | string): Promise<Response | undefined> {
	return (await caches.open(SHELL)).match(request, { ignoreVary: true });
}

/** Downloads show the learner's name and progress: signing out (a shared phone) removes them. */
async function forgetDownloads() {
	for (const name of await caches.keys()) if (name.startsWith(MODULE_CACHE_PREFIX)) await caches.delete(name);
}

async function page(request: Request): Promise<Response> {
	try {
		const response = await fetch(request);
		if (request.method === 'POST' && new URL(request.url).pathname === '/logout') await forgetDownloads();
		return response;
	} catch {
		const stored = request.method === 'GET' ? await fromDownloads(request) : undefined;
		return stored ?? (await fromShell(OFFLINE_PAGE)) ?? Response.error();
	}
}

/**
 * Pages link the build's files relatively (`../../_app/immutable/…`): the offline page, shown at
 * any address, asks for them under that address. Those files are immutable, so one name each.
 */
function buildFile(url: URL): string | null {
	const at = url.pathname.indexOf('/_app/immutable/');
	return at > 0 ? url.pathname.slice(at) : null;
}

async function resource(request: Request): Promise<Response> {
	try {
		return await fetch(request);
	} catch {
		const stored = (await fromDownloads(request)) ?? (await fromShell(request));
		const file = stored ? null : buildFile(new URL(request.url));
		return stored ?? (file ? await fromShell(file) : undefined) ?? Response.error();
	}
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (url.origin !== worker.location.origin) return;
	if (request.mode === 'navigate') {
		event.respondWith(page(request));
		return;
	}
	// API calls answer the page's own script, which keeps what it could not send; media seeking
	// (Range) is left to the browser; a download's own requests must come from the network, never
	// from an older copy
	if (request.method !== 'GET' || url.pathname.startsWith('/api/') || request.headers.has('range') || request.headers.has(DOWNLOAD_HEADER)) return;
	event.respondWith(resource(request));
});

/** Background Sync's event (Chromium); absent from lib.webworker. */
type SyncEvent = ExtendableEvent & { tag: string };

// The network is back (or the browser tries again): what the pages queued is sent from here, so it
// arrives even if the learner closed every page of the site while offline. The server's answers
// stay in the outbox until a page of their learner shows them ($lib/offline/outbox); open pages are
// told to do so now. A page sending the same operations at the same moment does no harm.
worker.addEventListener('sync', (event) => {
	const sync = event as SyncEvent;
	if (sync.tag !== OUTBOX_SYNC_TAG) return;
	sync.waitUntil(
		(async () => {
			const results = await flushEveryone();
			for (const client of await worker.clients.matchAll({ type: 'window' })) client.postMessage(OUTBOX_DELIVERED_MESSAGE);
			// still no server: failing tells the browser to try again later (its own back-off)
			if (results.includes('offline')) throw new Error('outbox: the server could not be reached');
		})()
	);
});
