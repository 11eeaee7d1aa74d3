// The draws the demo generator makes (ranges, chances, picks, weights, distributions) on one
// seeded stream, so the same seed gives the same demo.
import type { Random } from '../quiz/snapshot';
import { seededRandom } from '../random';

/** The draws the generator needs, on top of one random stream. */
export class Dice {
	constructor(readonly random: Random) {}

	static of(seed: string): Dice {
		return new Dice(seededRandom(seed));
	}

	between(min: number, max: number): number {
		return min + (max - min) * this.random();
	}

	/** an integer from min to max, both included */
	int(min: number, max: number): number {
		return min + Math.floor(this.random() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.random() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.random() * items.length)]!;
	}

	/** one of the items, each as likely as its weight */
	weighted<T>(items: readonly (readonly [T, number])[]): T {
		const total = items.reduce((sum, [, weight]) => sum + weight, 0);
		let left = this.random() * total;
		for (const [item, weight] of items) {
			left -= weight;
			if (left < 0) return item;
		}
		return items.at(-1)![0];
	}

	/** Box–Muller */
	normal(mean = 0, sd = 1): number {
		const u = 1 - this.random();
		const v = this.random();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	exponential(mean: number): number {
		return -mean * Math.log(1 - this.random());
	}

	shuffle<T>(items: readonly T[]): T[] {
		const copy = [...items];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = Math.floor(this.random() * (i + 1));
			[copy[i], copy[j]] = [copy[j]!, copy[i]!];
		}
		return copy;
	}
}
