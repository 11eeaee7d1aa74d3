// What each load scenario hands back to bench.ts: its section of docs/BENCHMARKS.md, the issue's
// targets with the measured figure beside each, and anything found wrong (which fails the run).
import { mb } from './stats';
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
