export interface ChartSeries {
	label: string;
	data: (number | null)[];
}

export interface ChartMarker {
	/** share of the plot's width, 0–1 */
	at: number;
	label: string;
}
