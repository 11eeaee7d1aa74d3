// Draws a chart with chart.js, loaded on demand: only trainer pages import this module, and
// only when a chart is shown, so learner pages never download chart.js.
import type { ChartSeries, ChartMarker } from './types';
import { MARKER_COLOUR, SERIES_COLOURS } from './palette';

export interface DrawOptions {
	kind: 'bar' | 'line';
	labels: string[];
	series: ChartSeries[];
	/** the y axis ends here (100 for percents) */
	yMax?: number;
	/** "%" after values on the axis */
	percent?: boolean;
	/** a vertical line across the plot, at a share (0–1) of its width */
	marker?: ChartMarker;
}

export async function drawChart(canvas: HTMLCanvasElement, options: DrawOptions): Promise<() => void> {
	const { Chart, BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip } =
		await import('chart.js');
	Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
	const marker = options.marker;
	const chart = new Chart(canvas, {
		type: options.kind,
		data: {
			labels: options.labels,
			datasets: options.series.map((s, i) => ({
				label: s.label,
				data: s.data,
				backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
				borderColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
				borderWidth: options.kind === 'line' ? 2 : 0,
				// lines also differ by dash and point shape, not only by colour
				borderDash: options.kind === 'line' && i % 2 === 1 ? [6, 4] : [],
				pointStyle: i % 2 === 1 ? 'rectRot' : 'circle',
				pointRadius: options.kind === 'line' ? 3 : 0,
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
				x: { ticks: { autoSkip: true, maxRotation: 0 } }
			},
			plugins: { legend: { display: options.series.length > 1, position: 'bottom' } }
		},
		plugins: marker
			? [
					{
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
					}
				]
			: []
	});
	return () => chart.destroy();
}
