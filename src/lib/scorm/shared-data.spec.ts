import { describe, expect, it } from 'vitest';
import * as scorm2004 from 'scorm-again/scorm2004';
import { setSharedData, type SharedDataLaunch } from './shared-data';

// the ES module exports the class by name; its type declarations say default
type ScormApi = { [method: string]: (...args: string[]) => string } & { renderCommitCMI(terminate: boolean): { sharedData?: Record<string, string> } };
const Scorm2004API = (scorm2004 as unknown as { Scorm2004API: new (settings: object) => ScormApi }).Scorm2004API;

/** A SCO's API as the player makes it: its launch data, then the shared data, then Initialize. */
function sco(launch: SharedDataLaunch) {
	const api = new Scorm2004API({ logLevel: 5, lmsCommitUrl: false, autocommit: false });
	(api as unknown as { loadFromJSON(json: object, element: string): void }).loadFromJSON({ cmi: { learner_id: '1' } }, '');
	setSharedData(api as never, launch);
	api.Initialize!('');
	const get = (element: string) => [api.GetValue!(element), api.GetLastError!()];
	const set = (element: string, value: string) => [api.SetValue!(element, value), api.GetLastError!()];
	return { api, get, set };
}

const MAPS = [
	{ targetID: 'notes', readSharedData: true, writeSharedData: true },
	{ targetID: 'answers', readSharedData: true, writeSharedData: false },
	{ targetID: 'drafts', readSharedData: false, writeSharedData: true },
	{ targetID: 'empty', readSharedData: true, writeSharedData: true }
];

describe('adl.data in the browser (RTE 4.3)', () => {
	it('shows the item’s buckets in the map’s order with their stored values', () => {
		const { get } = sco({ maps: MAPS, stores: { notes: 'ghi chú', answers: '42' } });
		expect(get('adl.data._count')).toEqual(['4', '0']);
		expect(get('adl.data._children')).toEqual(['id,store', '0']);
		expect(get('adl.data.0.id')).toEqual(['notes', '0']);
		expect(get('adl.data.0.store')).toEqual(['ghi chú', '0']);
		expect(get('adl.data.1.store')).toEqual(['42', '0']);
		// never written: not initialised; write-only: 405
		expect(get('adl.data.3.store')).toEqual(['', '403']);
		expect(get('adl.data.2.store')).toEqual(['', '405']);
	});

	it('enforces read-only buckets and ids, and reports only the writable buckets the SCO wrote', () => {
		const { api, set } = sco({ maps: MAPS, stores: { notes: 'a', answers: '42' } });
		expect(set('adl.data.1.store', 'x')).toEqual(['false', '404']);
		expect(set('adl.data.0.id', 'other')).toEqual(['false', '404']);
		expect(set('adl.data._count', '9')).toEqual(['false', '404']);
		expect(set('adl.data.0.store', 'b')).toEqual(['true', '0']);
		expect(set('adl.data.2.store', 'nháp')).toEqual(['true', '0']);
		expect(api.renderCommitCMI(false).sharedData).toEqual({ notes: 'b', drafts: 'nháp' });
	});

	it('lets no SCO add a bucket the manifest does not map (scorm-again 3.4.3 would)', () => {
		const { api, set, get } = sco({ maps: MAPS.slice(0, 1), stores: {} });
		expect(set('adl.data.1.store', 'x')).toEqual(['false', '351']);
		expect(get('adl.data._count')).toEqual(['1', '0']);
		expect(api.renderCommitCMI(false).sharedData).toBeUndefined();
		const none = sco({ maps: [], stores: {} });
		expect(none.set('adl.data.0.store', 'x')).toEqual(['false', '351']);
		expect(none.get('adl.data._count')).toEqual(['0', '0']);
	});
});
