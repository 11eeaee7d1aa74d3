import { describe, expect, it } from 'vitest';
import { orderByLearner } from './quiz-results';

describe('orderByLearner', () => {
	it('keeps each learner’s attempts together when two learners share a name', () => {
		const learners = new Map([
			[7, { displayName: 'Nguyễn Thị Lan', username: 'lan.tanhung' }],
			[3, { displayName: 'Nguyễn Thị Lan', username: 'lan.anthi' }],
			[5, { displayName: 'Đỗ Văn Bình', username: 'binh' }]
		]);
		// as the database lists them: by attempt id, the two Lans taking turns
		const attempts = [
			{ userId: 7, number: 1 },
			{ userId: 3, number: 1 },
			{ userId: 7, number: 2 },
			{ userId: 5, number: 1 },
			{ userId: 3, number: 2 },
			{ userId: 7, number: 3 }
		];
		expect(orderByLearner(attempts, learners).map((a) => `${learners.get(a.userId)!.username}#${a.number}`)).toEqual([
			// Vietnamese order: Đ after D, before N
			'binh#1',
			'lan.anthi#1',
			'lan.anthi#2',
			'lan.tanhung#1',
			'lan.tanhung#2',
			'lan.tanhung#3'
		]);
	});
});
