// How much a SCORM package may ask of the server. Defaults suit course packages made by the
// usual authoring tools; the caller can tighten or loosen any of them.
export interface ScormLimits {
	/** size of the .zip file itself */
	maxZipBytes: number;
	/** sum of all entries once extracted */
	maxTotalBytes: number;
	/** files and folders in the zip */
	maxEntries: number;
	/** uncompressed : compressed for one entry, past `ratioFreeBytes` */
	maxEntryRatio: number;
	/** small entries (text, padding) legitimately compress very well, so the ratio only applies above this */
	ratioFreeBytes: number;
}

export const MAX_ZIP_BYTES = 200 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 500 * 1024 * 1024;
export const MAX_ENTRIES = 5_000;
export const MAX_ENTRY_RATIO = 100;
export const RATIO_FREE_BYTES = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<ScormLimits> = Object.freeze({
	maxZipBytes: MAX_ZIP_BYTES,
	maxTotalBytes: MAX_TOTAL_BYTES,
	maxEntries: MAX_ENTRIES,
	maxEntryRatio: MAX_ENTRY_RATIO,
	ratioFreeBytes: RATIO_FREE_BYTES
});

export function resolveLimits(overrides: Partial<ScormLimits> = {}): ScormLimits {
	const limits = { ...DEFAULT_LIMITS };
	for (const key of Object.keys(limits) as (keyof ScormLimits)[]) {
		const value = overrides[key];
		if (value !== undefined) {
			if (!Number.isFinite(value) || value <= 0) throw new RangeError(`SCORM limit ${key} must be a positive number`);
			limits[key] = value;
		}
	}
	return limits;
}
