// SCORM 2004 4th Edition shared data in the browser (RTE 4.3 adl.data): the buckets the SCO's item
// maps (adlcp:map), in the map's order, each with the value the server stored for the learner when
// the SCO may read it. scorm-again answers the SCO (adl.data._count, adl.data.n.id, .store; 403 for a
// bucket never written, 404 writing a read-only one, 405 reading a write-only one) and reports the
// buckets the SCO wrote with each commit (its `sharedData`), which the player sends to the server.

export interface SharedDataMap {
	targetID: string;
	readSharedData: boolean;
	writeSharedData: boolean;
}

export interface SharedDataLaunch {
	maps: SharedDataMap[];
	/** stored values by targetID, of the buckets the SCO may read */
	stores: Record<string, string>;
}

interface SharedDataApi {
	adl: { configureSharedDataMaps(maps: SharedDataMap[]): void; data: { _count: number } };
	restoreSharedDataSnapshot(snapshot: Record<string, string>): void;
	SetValue(element: string, value: string): string;
	isInitialized(): boolean;
	isTerminated(): boolean;
	lastErrorCode: string;
}

/** RTE: General Set Failure, scorm-again's answer for an index out of range. */
const GENERAL_SET_FAILURE = '351';

/**
 * Gives the SCO its buckets, before Initialize. The buckets are the LMS's to declare: scorm-again
 * 3.4.3 lets a SCO add one (SetValue on adl.data.<_count>.store succeeds, as for cmi arrays), a
 * bucket with no id the server never stores; it is refused here as any index out of range is.
 */
export function setSharedData(api: SharedDataApi, launch: SharedDataLaunch): void {
	api.adl.configureSharedDataMaps(launch.maps);
	api.restoreSharedDataSnapshot(launch.stores);
	const setValue = api.SetValue.bind(api);
	api.SetValue = (element: string, value: string) => {
		const index = /^adl\.data\.(\d+)\./.exec(String(element))?.[1];
		if (index !== undefined && api.isInitialized() && !api.isTerminated() && Number(index) >= api.adl.data._count) {
			api.lastErrorCode = GENERAL_SET_FAILURE;
			return 'false';
		}
		return setValue(element, value);
	};
}
