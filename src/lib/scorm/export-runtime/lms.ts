// Finding the LMS's SCORM 1.2 API the way the RTE describes (an `API` object on this window, a
// parent, or the opener's chain) and talking to it; without one the page still works, offline.

export interface Scorm12Api {
	LMSInitialize(parameter: ''): string | boolean;
	LMSFinish(parameter: ''): string | boolean;
	LMSGetValue(element: string): string;
	LMSSetValue(element: string, value: string): string | boolean;
	LMSCommit(parameter: ''): string | boolean;
}

/** The little of `window` the search needs, so tests can build a chain of plain objects. */
export interface WindowLike {
	API?: unknown;
	parent?: WindowLike | null;
	opener?: WindowLike | null;
}

/** ADL's sample gives up after seven parents: deeper nesting means something is wrong. */
export const MAX_PARENTS = 7;

function isApi(value: unknown): value is Scorm12Api {
	return typeof value === 'object' && value !== null && typeof (value as Scorm12Api).LMSInitialize === 'function';
}

function searchUp(start: WindowLike, maxParents: number): Scorm12Api | null {
	let win = start;
	for (let hops = 0; ; hops++) {
		try {
			if (isApi(win.API)) return win.API;
			const parent = win.parent;
			if (!parent || parent === win || hops >= maxParents) return null;
			win = parent;
		} catch {
			// a parent from another origin cannot be read: the API is not up there
			return null;
		}
	}
}

export function findApi(win: WindowLike, maxParents = MAX_PARENTS): Scorm12Api | null {
	const found = searchUp(win, maxParents);
	if (found) return found;
	try {
		return win.opener ? searchUp(win.opener, maxParents) : null;
	} catch {
		return null;
	}
}

export interface Lms {
	/** false when no LMS was found or it refused to start: nothing is recorded */
	readonly connected: boolean;
	get(element: string): string;
	set(element: string, value: string): void;
	commit(): void;
	finish(): void;
}

const OFFLINE: Lms = {
	connected: false,
	get: () => '',
	set: () => {},
	commit: () => {},
	finish: () => {}
};

/** LMSs answer "true"/"false" as strings; some older ones return booleans. */
const succeeded = (answer: unknown) => answer === true || answer === 'true';

export function connectLms(win: WindowLike): Lms {
	const api = findApi(win);
	if (!api) return OFFLINE;
	try {
		if (!succeeded(api.LMSInitialize(''))) return OFFLINE;
	} catch {
		return OFFLINE;
	}
	let open = true;
	// After LMSFinish the API must not be called again; a broken LMS must not break the page.
	const call = <T>(fallback: T, action: () => T): T => {
		if (!open) return fallback;
		try {
			return action();
		} catch {
			return fallback;
		}
	};
	return {
		connected: true,
		get: (element) => call('', () => String(api.LMSGetValue(element) ?? '')),
		set: (element, value) => call(undefined, () => void api.LMSSetValue(element, value)),
		commit: () => call(undefined, () => void api.LMSCommit('')),
		finish: () => {
			call(undefined, () => void api.LMSFinish(''));
			open = false;
		}
	};
}
