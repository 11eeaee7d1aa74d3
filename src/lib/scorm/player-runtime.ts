// The SCORM API a SCO talks to, in the browser: scorm-again's implementation of the version the
// manifest declares (and only that one), a fresh instance for every delivery, started from the
// data the server stored. The session begins when the player delivers the SCO to its frame, so a
// SCO that never calls the API still has its attempt; it ends when the learner leaves the SCO,
// by the SCO's own Terminate or, for a SCO that never called the API, by an 'exit' message from
// the player. Every message carries the launch's session id, an increasing sequence number (so
// the server can ignore repeats and stragglers) and how long the SCO has been on screen. A message
// that cannot reach the server (no network) goes to the outbox ($lib/offline/outbox) and is sent
// when the network returns; its session and sequence number make a late one harmless.
import { enqueue } from '$lib/offline/outbox';
import { requestValidSettings, setRequestValid, type RequestValidity } from './request-valid';
import { setSharedData, type SharedDataLaunch } from './shared-data';

export type ScormVersion = '1.2' | '2004';

/** What became of a commit: on the server, kept on this device until the network returns, or lost. */
export type CommitOutcome = 'stored' | 'queued' | 'failed';

export interface RuntimeOptions {
	version: ScormVersion;
	launch: Record<string, unknown>;
	commitUrl: string;
	/** the learner signed in (their username): whose outbox keeps a commit made offline */
	learner: string;
	/** SCORM 2004 with sequencing: the engine's answers for adl.nav.request_valid */
	requestValid?: RequestValidity | null;
	/** SCORM 2004 4th Edition: the adl.data buckets the SCO's item maps, with their stored values */
	sharedData?: SharedDataLaunch | null;
	/** called after every commit the SCO asks for */
	onCommit?: (outcome: CommitOutcome) => void;
	/** called when the SCO ends its session, with its SCORM 2004 navigation request if any
	 * ('continue', 'previous', 'exitAll', 'suspendAll'…) and the server's answer to it */
	onFinish?: (navigationRequest: string | null, answer: Promise<NavigationAnswer | null>) => void;
}

/** The sequencing engine's answer to the navigation request that ended a SCORM 2004 session. */
export interface NavigationAnswer {
	accepted: boolean;
	deliver: string | null;
	ended: boolean;
}

export interface Runtime {
	/** the SCO is in its frame: the session (and the attempt) starts now */
	delivered(): void;
	/**
	 * Ends the session if the SCO did not (the learner moves on, a closed tab, a SCO that never
	 * calls the API). `removeFrame` is called first: many SCOs save their last data in their
	 * unload handlers, which then run while the API is still here. Resolves when the server has
	 * answered the last message (it is sent with keepalive, so it also survives a closing page),
	 * with the sequencing engine's answer when the session ended with a navigation request:
	 * `navRequest` is the learner's (a button of the player), sent in place of the SCO's own.
	 */
	finish(removeFrame?: () => void, navRequest?: string): Promise<NavigationAnswer | null>;
}

interface ScormApi {
	loadFromJSON(json: Record<string, unknown>, element: string): void;
	on(event: string, callback: (...args: unknown[]) => void): void;
	isInitialized(): boolean;
	isTerminated(): boolean;
	lastErrorCode?: string | number;
}

type ApiWindow = Window & { API?: unknown; API_1484_11?: unknown };

type ResultObject = { result: string; errorCode: number };

/** Time the page has been visible since `start`: a hidden tab is not time on task. */
function visibleClock() {
	let total = 0;
	let since: number | null = null;
	const onChange = () => {
		if (document.visibilityState === 'visible') since ??= performance.now();
		else if (since !== null) {
			total += performance.now() - since;
			since = null;
		}
	};
	return {
		start() {
			since = document.visibilityState === 'visible' ? performance.now() : null;
			document.addEventListener('visibilitychange', onChange);
		},
		stop() {
			document.removeEventListener('visibilitychange', onChange);
		},
		ms: () => Math.round(total + (since === null ? 0 : performance.now() - since))
	};
}

/**
 * How commits travel. Ordinary commits are synchronous requests, as SCORM requires (the SCO
 * learns from Commit's answer whether its data is safe). The commit made by Terminate goes with
 * fetch and keepalive rather than scorm-again's default sendBeacon: it survives a closing page
 * just as well, and the player can wait for it before showing the next SCO, so the table of
 * contents it then shows already counts the one just left.
 */
class PlayerHttp {
	pending: Promise<unknown> = Promise.resolve(null);
	/** the last commit went to the outbox rather than the server */
	queued = false;
	constructor(
		private readonly envelope: (payload: unknown, terminate: boolean) => unknown,
		private readonly learner: string
	) {}

	processHttpRequest(url: string, params: unknown, immediate = false, _log?: unknown, _listeners?: unknown, metadata?: { isTerminateCommit?: boolean }): ResultObject {
		const body = JSON.stringify(this.envelope(params, immediate || (metadata?.isTerminateCommit ?? false)));
		this.queued = false;
		if (immediate) {
			this.pending = post(url, body, this.learner);
			return { result: 'true', errorCode: 0 };
		}
		const xhr = new XMLHttpRequest();
		try {
			xhr.open('POST', url, false);
			xhr.setRequestHeader('content-type', 'application/json');
			xhr.send(body);
		} catch {
			xhr.abort();
		}
		if (xhr.status === 0) {
			// no network: kept on this device and sent when it returns, so the SCO may go on
			this.queued = true;
			void keepForLater(url, body, this.learner);
			return { result: 'true', errorCode: 0 };
		}
		if (xhr.status < 200 || xhr.status > 299) return { result: 'false', errorCode: 391 };
		try {
			const answer = JSON.parse(xhr.responseText) as Partial<ResultObject>;
			return { result: String(answer.result ?? 'true'), errorCode: Number(answer.errorCode ?? 0) };
		} catch {
			return { result: 'true', errorCode: 0 };
		}
	}

	updateSettings(): void {}
}

/** A message that could not reach the server, into the outbox (the envelope is its body). */
function keepForLater(url: string, body: string, learner: string): Promise<unknown> {
	return enqueue(learner, url, JSON.parse(body) as Record<string, unknown>).catch(() => undefined);
}

/**
 * Sends with keepalive; resolves with the answer's sequencing part (null when there is none).
 * Without a network the message goes to the outbox (no answer then: the engine decides later).
 */
function post(url: string, body: string, learner: string): Promise<NavigationAnswer | null> {
	return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, keepalive: true }).then(
		(response) => (response.ok ? (response.json() as Promise<{ sequencing?: NavigationAnswer | null }>).then((answer) => answer?.sequencing ?? null, () => null) : null),
		() => keepForLater(url, body, learner).then(() => null)
	);
}

export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
	const session = crypto.randomUUID();
	const clock = visibleClock();
	let sequence = 0;
	/** the learner's request that is ending the session (a player button), in place of the SCO's */
	let playerRequest: string | null = null;
	// (api is made below; this runs only once the session ends)
	const scoRequest = () => {
		const request = (api as unknown as { adl?: { nav?: { request?: string } } }).adl?.nav?.request;
		return request && request !== '_none_' ? request : null;
	};
	const envelope = (kind: 'launch' | 'commit' | 'exit', cmi: unknown, terminate: boolean, sharedData?: unknown) => ({
		session,
		kind,
		sequence: kind === 'launch' ? 0 : ++sequence,
		terminate,
		cmi,
		visibleMs: clock.ms(),
		...(terminate ? { navRequest: playerRequest ?? scoRequest() } : {}),
		// the adl.data buckets the SCO wrote (scorm-again gives only those it may write)
		...(sharedData ? { sharedData } : {})
	});
	const http = new PlayerHttp((commit, terminate) => {
		const { cmi, sharedData } = commit as { cmi?: unknown; sharedData?: unknown };
		return envelope('commit', cmi ?? commit, terminate, sharedData);
	}, options.learner);
	const settings = {
		lmsCommitUrl: options.commitUrl,
		dataCommitFormat: 'json',
		// a SCO that sets values but never commits still gets them saved
		autocommit: true,
		autocommitSeconds: 30,
		logLevel: 4,
		httpService: http,
		...(options.version === '2004' && options.requestValid ? requestValidSettings(options.requestValid) : {})
	};
	// The packages' ESM builds export the class by name (their type declarations say default).
	type ApiClass = new (settings: object) => ScormApi;
	const api: ScormApi =
		options.version === '1.2'
			? new ((await import('scorm-again/scorm12')) as unknown as { Scorm12API: ApiClass }).Scorm12API(settings)
			: new ((await import('scorm-again/scorm2004')) as unknown as { Scorm2004API: ApiClass }).Scorm2004API(settings);
	api.loadFromJSON(options.launch, '');
	if (options.version === '2004' && options.requestValid) setRequestValid(api as unknown as Parameters<typeof setRequestValid>[0], options.requestValid);
	if (options.version === '2004') setSharedData(api as unknown as Parameters<typeof setSharedData>[0], options.sharedData ?? { maps: [], stores: {} });

	const names = options.version === '1.2' ? { commit: 'LMSCommit', finish: 'LMSFinish' } : { commit: 'Commit', finish: 'Terminate' };
	api.on(names.commit, () => options.onCommit?.(String(api.lastErrorCode ?? '0') !== '0' ? 'failed' : http.queued ? 'queued' : 'stored'));
	api.on(names.finish, () => {
		clock.stop();
		// the terminate commit has just been sent: its answer carries the engine's
		options.onFinish?.(playerRequest ?? scoRequest(), http.pending as Promise<NavigationAnswer | null>);
	});

	const win = window as ApiWindow;
	// only the API of the package's version: a SCO looking for the other one finds nothing
	delete win.API;
	delete win.API_1484_11;
	if (options.version === '1.2') win.API = api;
	else win.API_1484_11 = api;

	let ended: Promise<NavigationAnswer | null> | null = null;
	return {
		delivered() {
			clock.start();
			void post(options.commitUrl, JSON.stringify(envelope('launch', null, false)), options.learner);
		},
		finish(removeFrame, navRequest) {
			ended ??= (async () => {
				if (navRequest && !api.isTerminated()) playerRequest = navRequest;
				removeFrame?.();
				if (api.isInitialized() && !api.isTerminated()) {
					const call = (api as unknown as Record<string, (arg: string) => string>)[names.finish];
					call?.call(api, '');
				} else if (!api.isInitialized() && !api.isTerminated()) {
					// The SCO never spoke: the player says it was left. Sent at once, because the page
					// may be closing; an exit that overtakes its launch opens and ends the session.
					http.pending = post(options.commitUrl, JSON.stringify(envelope('exit', null, true)), options.learner);
				}
				clock.stop();
				const answer = (await http.pending) as NavigationAnswer | null;
				if (win.API === api) delete win.API;
				if (win.API_1484_11 === api) delete win.API_1484_11;
				return answer;
			})();
			return ended;
		}
	};
}
