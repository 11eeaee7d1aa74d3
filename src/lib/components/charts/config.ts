// The chart.js configuration for a report chart, built without touching the page so it can be
// tested on its own; draw.ts loads chart.js and hands it this.
import type { ChartConfiguration, Plugin } from 'chart.js';
import { MARKER_COLOUR, SERIES_COLOURS } from './palette';
import type { ChartMarker, ChartSeries } from './types';

export interface DrawOptions {
	kind: 'bar' | 'line';
	/** what the axis prints under each bar or point: short ("HP1", "10–20") */
	labels: string[];
	/** the same in full ("HP1. Tình hình…", "từ 10% đến dưới 20%"), shown in the tooltip */
	fullLabels?: string[];
	/** a title under the x axis, e.g. "Điểm (%)" */
	xTitle?: string;
	series: ChartSeries[];
	/** the y axis ends here (100 for percents) */
	yMax?: number;
	/** "%" after values on the axis */
	percent?: boolean;
	/** a vertical line across the plot, at a share (0–1) of its width */
	marker?: ChartMarker;
}

type ReportChartConfig = ChartConfiguration<'bar' | 'line', (number | null)[], string>;

export function chartConfig(options: DrawOptions): ReportChartConfig {
	const isBar = options.kind === 'bar';
	return {
		type: options.kind,
		data: {
			labels: options.labels,
			datasets: options.series.map((s, i) => ({
				label: s.label,
				data: s.data,
				backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
				borderColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
				borderWidth: isBar ? 0 : 2,
				// lines also differ by dash and point shape, not only by colour
				borderDash: !isBar && i % 2 === 1 ? [6, 4] : [],
				pointStyle: i % 2 === 1 ? 'rectRot' : 'circle',
				pointRadius: isBar ? 0 : 3,
				tension: 0
			}))
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			scales: {
				y: {
					beginAtZero: true,
					max: options.yMax,
					ticks: { precision: 0, callback: (value) => (options.percent ? `${value}%` : `${value}`) }
				},
				// Bars stand for categories (a score range, a module): a bar without its label cannot
				// be named, so every one is labelled, turned up to upright when the chart is narrow.
				// Points on a line are days in a row: every few days are enough there, and the chart's
				// table lists each day.
				x: isBar
					? { ticks: { autoSkip: false, minRotation: 0, maxRotation: 90 }, title: { display: Boolean(options.xTitle), text: options.xTitle ?? '' } }
					: { ticks: { autoSkip: true, maxRotation: 0 } }
			},
			plugins: {
				legend: { display: options.series.length > 1, position: 'bottom' },
				tooltip: {
					callbacks: {
						title: (items) => {
							const index = items[0]?.dataIndex;
							return index === undefined ? '' : (options.fullLabels?.[index] ?? options.labels[index] ?? '');
						}
					}
				}
			}
		},
		plugins: options.marker ? [markerPlugin(options.marker)] : []
	};
}

/** A dashed vertical line with its label, e.g. the pass mark across a score distribution. */
function markerPlugin(marker: ChartMarker): Plugin<'bar' | 'line'> {
	return {
		id: 'marker',
		afterDatasetsDraw(c) {
			const { ctx, chartArea } = c;
			const x = chartArea.left + marker.at * (chartArea.right - chartArea.left);
			ctx.save();
			ctx.strokeStyle = MARKER_COLOUR;
			ctx.lineWidth = 2;
			ctx.setLineDash([5, 4]);
			ctx.beginPath();
			ctx.moveTo(x, chartArea.top);
			ctx.lineTo(x, chartArea.bottom);
			ctx.stroke();
			ctx.fillStyle = MARKER_COLOUR;
			ctx.font = '600 12px system-ui, sans-serif';
			ctx.textAlign = x > (chartArea.left + chartArea.right) / 2 ? 'right' : 'left';
			ctx.fillText(marker.label, x + (ctx.textAlign === 'right' ? -4 : 4), chartArea.top + 12);
			ctx.restore();
		}
	};
}
