// Draws a chart with chart.js, loaded on demand: only trainer pages import this module, and
// only when a chart is shown, so learner pages never download chart.js.
import { chartConfig, type DrawOptions } from './config';

export async function drawChart(canvas: HTMLCanvasElement, options: DrawOptions): Promise<() => void> {
	const { Chart, BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip } =
		await import('chart.js');
	Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
	const chart = new Chart(canvas, chartConfig(options));
	return () => chart.destroy();
}
