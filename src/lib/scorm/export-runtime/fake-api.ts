// A SCORM 1.2 API object for tests, the way an LMS puts one on `window.API`: it remembers the
// data model and every call, in order.
import type { Scorm12Api } from './lms';

export interface FakeLms {
	api: Scorm12Api;
	/** the data model as the LMS would store it */
	store: Record<string, string>;
	calls: string[];
}

export function fakeApi(initial: Record<string, string> = {}, { initialises = true } = {}): FakeLms {
	const store = { ...initial };
	const calls: string[] = [];
	const api: Scorm12Api = {
		LMSInitialize: () => (calls.push('LMSInitialize'), initialises ? 'true' : 'false'),
		LMSFinish: () => (calls.push('LMSFinish'), 'true'),
		LMSGetValue: (element) => (calls.push(`get ${element}`), store[element] ?? ''),
		LMSSetValue: (element, value) => {
			calls.push(`set ${element}=${value}`);
			store[element] = value;
			return 'true';
		},
		LMSCommit: () => (calls.push('LMSCommit'), 'true')
	};
	return { api, store, calls };
}
