// What each load scenario hands back to bench.ts: its section of docs/BENCHMARKS.md, the issue's
// targets with the measured figure beside each, and anything found wrong (which fails the run).
import { count, mb, ms, summarise, table } from './stats';
import type { MemoryWatch } from './harness';

export interface Target {
	what: string;
	target: string;
	measured: string;
	met: boolean;
}

export interface ScenarioReport {
	title: string;
	markdown: string;
	targets: Target[];
	/** errors, lost writes, wrong counts: a correct run has none */
	problems: string[];
}

export const MEMORY_LIMIT_KB = 300 * 1024;

/** The peak-memory line of a scenario and its target. */
export function memoryTarget(scenario: string, peak: ReturnType<MemoryWatch['stop']>): { line: string; target: Target } {
	return {
		line: `Peak memory of the server: ${mb(peak.peakTotalKb)} for all its processes together (proportional set size: the pages they share counted once; sampled every 100 ms); ${mb(peak.peakProcessKb)} resident in the largest one (VmHWM).`,
		target: { what: `Peak RSS, ${scenario}`, target: '≤ 300 MB', measured: `${mb(peak.peakTotalKb)} (all processes)`, met: peak.peakTotalKb <= MEMORY_LIMIT_KB }
	};
}

/** The time of each request of a scenario, by step (start, autosave…), in milliseconds. */
export class StepTimes<Step extends string> {
	private readonly samples: Map<Step, number[]>;

	constructor(readonly steps: readonly Step[]) {
		this.samples = new Map(steps.map((step) => [step, []]));
	}

	add(step: Step, ms: number): void {
		this.samples.get(step)!.push(ms);
	}

	get requests(): number {
		return [...this.samples.values()].reduce((n, samples) => n + samples.length, 0);
	}

	p95(step: Step): number {
		return summarise(this.samples.get(step)!).p95;
	}

	count(step: Step): number {
		return this.samples.get(step)!.length;
	}

	/** the p95 of the slowest step */
	get worstP95(): number {
		return Math.max(...this.steps.map((step) => summarise(this.samples.get(step)!).p95));
	}

	table(): string {
		const rows = this.steps.map((step) => {
			const t = summarise(this.samples.get(step)!);
			return [step, count(t.runs), ms(t.p50), ms(t.p95), ms(t.p99), ms(t.max)];
		});
		return table(['step', 'requests', 'p50', 'p95', 'p99', 'max'], rows);
	}
}
