// Where downloaded modules live, shared by the service worker (src/service-worker.ts) and the
// course page's script (./course-page.ts). One Cache Storage cache per module and course version:
// `taphuan-module|<course>|<module>|<version>`. A cache counts only once its record (META_PATH,
// written last) is in it, so a download cut short is never served and is removed on the next visit.

export const MODULE_CACHE_PREFIX = 'taphuan-module|';
/** A made-up address inside each module cache holding what was stored, written last. */
export const META_PATH = '/offline-download-record.json';
/** Sent with each download request: the lesson page then records no visit (nobody is reading yet). */
export const DOWNLOAD_HEADER = 'x-taphuan-download';

export interface ModuleKey {
	course: string;
	module: string;
	version: string;
}

export interface DownloadRecord extends ModuleKey {
	/** bytes of every stored body, uncompressed */
	bytes: number;
	storedAt: number;
	urls: string[];
}

export const moduleCacheName = (key: ModuleKey) => `${MODULE_CACHE_PREFIX}${key.course}|${key.module}|${key.version}`;

export function parseModuleCacheName(name: string): ModuleKey | null {
	if (!name.startsWith(MODULE_CACHE_PREFIX)) return null;
	const [course, module, version] = name.slice(MODULE_CACHE_PREFIX.length).split('|');
	return course && module && version ? { course, module, version } : null;
}

/** The record of a complete download in `cache`, or null for one cut short. */
export async function readRecord(cache: Cache): Promise<DownloadRecord | null> {
	const response = await cache.match(META_PATH);
	return response ? ((await response.json()) as DownloadRecord) : null;
}
