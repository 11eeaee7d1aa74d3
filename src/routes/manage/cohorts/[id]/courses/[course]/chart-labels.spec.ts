import { describe, expect, it } from 'vitest';
import { histogram } from '$lib/server/reports/stats';
import { moduleLabels, scoreBinLabels } from './chart-labels';

describe('score range labels', () => {
	const labels = scoreBinLabels(histogram([]), { range: 'từ {from}% đến dưới {to}%', lastRange: 'từ {from}% đến {to}%' });

	it('gives every one of the ten ranges a short label the axis can print', () => {
		expect(labels.short).toEqual(['0–10', '10–20', '20–30', '30–40', '40–50', '50–60', '60–70', '70–80', '80–90', '90–100']);
		expect(Math.max(...labels.short.map((l) => l.length))).toBeLessThanOrEqual(6);
	});

	it('says in full where each range starts and ends, the last one including 100%', () => {
		expect(labels.full[0]).toBe('từ 0% đến dưới 10%');
		expect(labels.full[9]).toBe('từ 90% đến 100%');
	});
});

describe('module labels', () => {
	it('numbers modules on the axis and names them in full', () => {
		expect(moduleLabels([{ number: 1, title: 'Tình hình và khung pháp lý' }, { number: 2, title: 'Giảm hại' }], 'HP{n}')).toEqual({
			short: ['HP1', 'HP2'],
			full: ['HP1. Tình hình và khung pháp lý', 'HP2. Giảm hại']
		});
	});
});
