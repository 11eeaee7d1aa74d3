// Seeded pseudo-random numbers: the same seed gives the same draws, so what is made from them
// can be made again exactly: the demo's learners, answers and posts, and the question order an
// exported SCORM package ships (the same course always packs into the same zip).
import type { Random } from './quiz/snapshot';

/** A 32-bit hash of a text (xmur3's mixing), so any string can be a seed. */
function hashSeed(text: string): number {
	let h = 1779033703 ^ text.length;
	for (let i = 0; i < text.length; i++) {
		h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
		h = (h << 13) | (h >>> 19);
	}
	h = Math.imul(h ^ (h >>> 16), 2246822507);
	h = Math.imul(h ^ (h >>> 13), 3266489909);
	return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: small and fast, plenty for made-up data and shuffles (never for anything secret). */
export function seededRandom(seed: string): Random {
	let state = hashSeed(seed);
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

