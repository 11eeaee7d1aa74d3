// The SCORM API a SCO talks to, in the browser: scorm-again's implementation of the version the
// manifest declares (and only that one), a fresh instance for every launch, started from the
// data the server stored. Commits go to the server as JSON; the last one, sent while the page
// closes, goes by navigator.sendBeacon so it survives the page. Each carries the launch's
// session id and an increasing sequence number, so the server can ignore repeats and stragglers.
export type ScormVersion = '1.2' | '2004';

export interface RuntimeOptions {
	version: ScormVersion;
	launch: Record<string, unknown>;
	commitUrl: string;
	/** called after every commit the SCO asks for: true when the server stored it */
	onCommit?: (stored: boolean) => void;
	/** called when the SCO ends its session, with its SCORM 2004 navigation request if any
	 * ('continue', 'previous', 'exitAll', 'suspendAll'…) */
	onFinish?: (navigationRequest: string | null) => void;
}

export interface Runtime {
	/** ends the session if the SCO did not (a closed tab, a SCO that never calls finish) */
	finish(): void;
}

interface ScormApi {
	loadFromJSON(json: Record<string, unknown>, element: string): void;
	on(event: string, callback: (...args: unknown[]) => void): void;
	isInitialized(): boolean;
	isTerminated(): boolean;
	lastErrorCode?: string | number;
}

type ApiWindow = Window & { API?: unknown; API_1484_11?: unknown };

function newSessionId(): string {
	return crypto.randomUUID();
}

export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
	const session = newSessionId();
	let sequence = 0;
	const envelope = (kind: 'launch' | 'commit', cmi: unknown, terminate: boolean) => ({
		session,
		kind,
		sequence: kind === 'launch' ? 0 : ++sequence,
		terminate,
		cmi
	});
	const settings = {
		lmsCommitUrl: options.commitUrl,
		dataCommitFormat: 'json',
		// a SCO that sets values but never commits still gets them saved
		autocommit: true,
		autocommitSeconds: 30,
		logLevel: 4,
		terminationCommitContentType: 'text/plain;charset=UTF-8',
		requestHandler: (commit: unknown, metadata?: { isTerminateCommit?: boolean }) =>
			envelope('commit', (commit as { cmi?: unknown }).cmi ?? commit, metadata?.isTerminateCommit ?? false)
	};
	// The packages' ESM builds export the class by name (their type declarations say default).
	type ApiClass = new (settings: object) => ScormApi;
	const api: ScormApi =
		options.version === '1.2'
			? new ((await import('scorm-again/scorm12')) as unknown as { Scorm12API: ApiClass }).Scorm12API(settings)
			: new ((await import('scorm-again/scorm2004')) as unknown as { Scorm2004API: ApiClass }).Scorm2004API(settings);
	api.loadFromJSON(options.launch, '');

	const names = options.version === '1.2' ? { init: 'LMSInitialize', commit: 'LMSCommit', finish: 'LMSFinish' } : { init: 'Initialize', commit: 'Commit', finish: 'Terminate' };
	// The session begins when the SCO starts; the server counts the attempt and the clock from here.
	api.on(names.init, () => {
		void fetch(options.commitUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(envelope('launch', null, false)),
			keepalive: true
		}).catch(() => undefined);
	});
	api.on(names.commit, () => options.onCommit?.(String(api.lastErrorCode ?? '0') === '0'));
	api.on(names.finish, () => {
		const request = (api as unknown as { adl?: { nav?: { request?: string } } }).adl?.nav?.request;
		options.onFinish?.(request && request !== '_none_' ? request : null);
	});

	const win = window as ApiWindow;
	// only the API of the package's version: a SCO looking for the other one finds nothing
	delete win.API;
	delete win.API_1484_11;
	if (options.version === '1.2') win.API = api;
	else win.API_1484_11 = api;

	return {
		finish() {
			if (!api.isInitialized() || api.isTerminated()) return;
			const call = (api as unknown as Record<string, (arg: string) => string>)[names.finish];
			call?.call(api, '');
		}
	};
}
