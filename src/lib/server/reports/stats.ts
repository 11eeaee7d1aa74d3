// The statistics the trainer pages show, as pure functions over plain numbers so they can be
// checked against hand-computed examples. Definitions follow Moodle's quiz statistics where one
// exists, because that is what trainers already know.

export function mean(values: number[]): number | null {
	if (values.length === 0) return null;
	return values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Share of `part` in `whole` as a whole-number percent; null when there is no one to count. */
export function percentOf(part: number, whole: number): number | null {
	return whole === 0 ? null : Math.round((100 * part) / whole);
}

export interface Bin {
	/** inclusive lower bound, percent */
	from: number;
	/** exclusive upper bound, except the last bin, which includes 100 */
	to: number;
	count: number;
}

/** Scores 0–100 counted in bins of `width` points: [0,10), [10,20) … [90,100]. */
export function histogram(percents: number[], width = 10): Bin[] {
	const bins: Bin[] = [];
	for (let from = 0; from < 100; from += width) bins.push({ from, to: Math.min(100, from + width), count: 0 });
	for (const p of percents) {
		const index = Math.min(bins.length - 1, Math.max(0, Math.floor(p / width)));
		bins[index]!.count++;
	}
	return bins;
}

/** One attempt's result on one question: the fraction of the question's points earned (0–1). */
export interface ItemResult {
	attempt: number;
	/** the attempt's total score, percent, used to rank attempts */
	total: number;
	fraction: number;
}

/**
 * Facility index: the mean fraction of the points earned, as a percent (Moodle: "the
 * percentage of users who answer the question correctly", generalised to partial credit).
 */
export function facility(results: ItemResult[]): number | null {
	const m = mean(results.map((r) => r.fraction));
	return m === null ? null : 100 * m;
}

/**
 * Discrimination index, the classic upper–lower form: attempts ranked by total score, the
 * top and bottom 27% taken, and the question's mean fraction in the top group minus that in the
 * bottom group (−1…1). Needs at least 2 attempts in each group to say anything; null otherwise.
 * Ties at the boundary are broken by attempt id so the result is stable.
 */
export function discrimination(results: ItemResult[], share = 0.27): number | null {
	const groupSize = Math.floor(results.length * share);
	if (groupSize < 2) return null;
	const ranked = [...results].sort((a, b) => b.total - a.total || a.attempt - b.attempt);
	const upper = mean(ranked.slice(0, groupSize).map((r) => r.fraction))!;
	const lower = mean(ranked.slice(-groupSize).map((r) => r.fraction))!;
	return upper - lower;
}

export type ItemFlag = 'tooEasy' | 'tooHard' | 'negative' | 'weak';

/**
 * What a trainer should look at: facility above 90% (too easy) or below 20% (too hard); a
 * negative discrimination (weaker learners do better — often a wrong key or a trick question);
 * a discrimination under 0.2 (does not separate who understood). Facility and discrimination are
 * separate facts and both are flagged, as Moodle's statistics shows both figures: a question all
 * got right is too easy *and* tells nothing about who understood. A negative index is under 0.2
 * as well; it is flagged only as negative, which says more. Callers pass the figures as shown.
 */
export function itemFlags(facilityPercent: number | null, discriminationIndex: number | null): ItemFlag[] {
	const flags: ItemFlag[] = [];
	if (facilityPercent !== null && facilityPercent > 90) flags.push('tooEasy');
	if (facilityPercent !== null && facilityPercent < 20) flags.push('tooHard');
	if (discriminationIndex !== null && discriminationIndex < 0) flags.push('negative');
	else if (discriminationIndex !== null && discriminationIndex < 0.2) flags.push('weak');
	return flags;
}

/**
 * `value` cut down to `decimals` places (towards −∞), so that a figure shown never reads as
 * reaching a threshold it misses: 0.199 is 0.19, not 0.20. The product is first rounded to 6
 * places so floating-point noise does not cost a digit (1 − 0.8 is 0.19999999999999996 in
 * binary, and is 0.2).
 */
export function roundDown(value: number, decimals: number): number {
	const scale = 10 ** decimals;
	return Math.floor(Number((value * scale).toFixed(6))) / scale;
}
