// Labels for the course report's charts: short ones the axis can print under every bar, and
// the full ones for the chart's table and tooltip.
import { fill } from '$lib/i18n';

export interface ScoreBin {
	from: number;
	to: number;
}

export interface Labels {
	short: string[];
	full: string[];
}

/**
 * Score ranges: "10–20" under the bar (the axis title says "%"), "từ 10% đến dưới 20%" in full;
 * the last range includes its top (100%).
 * @param templates messages with {from} and {to}: a range, and the last range
 */
export function scoreBinLabels(bins: ScoreBin[], templates: { range: string; lastRange: string }): Labels {
	return {
		short: bins.map((b) => `${b.from}–${b.to}`),
		full: bins.map((b, i) => fill(i === bins.length - 1 ? templates.lastRange : templates.range, { from: b.from, to: b.to }))
	};
}

/** Modules: "HP1" on the axis, "HP1. Tình hình…" in full. */
export function moduleLabels(modules: { number: number; title: string }[], shortTemplate: string): Labels {
	const short = modules.map((m) => fill(shortTemplate, { n: m.number }));
	return { short, full: modules.map((m, i) => `${short[i]}. ${m.title}`) };
}
