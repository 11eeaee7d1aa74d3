import { describe, expect, it } from 'vitest';
import type { TooltipItem } from 'chart.js';
import { chartConfig } from './config';

const bins = ['0–10', '10–20', '20–30', '30–40', '40–50', '50–60', '60–70', '70–80', '80–90', '90–100'];
const distribution = chartConfig({
	kind: 'bar',
	labels: bins,
	fullLabels: bins.map((b) => `range ${b}`),
	xTitle: 'Điểm (%)',
	series: [{ label: 'Số học viên', data: [0, 1, 0, 2, 5, 9, 14, 30, 22, 8] }],
	marker: { at: 0.5, label: 'Điểm đạt 50%' }
});

describe('bar charts', () => {
	it('label every bar: no label is skipped, labels turn upright when the chart is narrow', () => {
		const x = distribution.options!.scales!.x!;
		expect(x.ticks).toMatchObject({ autoSkip: false, minRotation: 0, maxRotation: 90 });
		expect(distribution.data.labels).toEqual(bins);
	});

	it('put the axis title under the bars', () => {
		expect(distribution.options!.scales!.x!.title).toMatchObject({ display: true, text: 'Điểm (%)' });
	});

	it('name the bar in full in the tooltip', () => {
		const title = distribution.options!.plugins!.tooltip!.callbacks!.title as (items: TooltipItem<'bar'>[]) => string;
		expect(title([{ dataIndex: 7 } as TooltipItem<'bar'>])).toBe('range 70–80');
	});

	it('draw the pass mark only when there is one', () => {
		expect(distribution.plugins!.map((p) => p.id)).toEqual(['marker']);
		expect(chartConfig({ kind: 'bar', labels: ['HP1'], series: [{ label: 'a', data: [1] }] }).plugins).toEqual([]);
	});
});

describe('line charts', () => {
	const activity = chartConfig({
		kind: 'line',
		labels: Array.from({ length: 30 }, (_, i) => `${i + 1}/03`),
		series: [
			{ label: 'Học viên', data: Array(30).fill(3) },
			{ label: 'Học phần', data: Array(30).fill(1) }
		]
	});

	it('may skip day labels (the table lists each day) and tell the two lines apart by dash', () => {
		expect(activity.options!.scales!.x!.ticks).toMatchObject({ autoSkip: true });
		expect(activity.data.datasets.map((d) => (d as { borderDash: number[] }).borderDash)).toEqual([[], [6, 4]]);
		expect(activity.options!.plugins!.legend!.display).toBe(true);
	});

	it('write percent on the value axis when asked', () => {
		const ticks = chartConfig({ kind: 'bar', labels: ['HP1'], series: [{ label: 'a', data: [50] }], percent: true, yMax: 100 }).options!.scales!.y!.ticks!;
		expect((ticks.callback as (v: number) => string)(50)).toBe('50%');
		expect((activity.options!.scales!.y!.ticks!.callback as (v: number) => string)(50)).toBe('50');
	});
});
