import { describe, expect, it } from 'vitest';
import type { Tracking } from '../tracking/service';
import { findSco } from './access';
import type { Attachment, ScoActivity } from './store';

const sco = (identifier: string, activityId: number) => ({ identifier, activityId }) as ScoActivity;
const attachment = { scos: [sco('a', 1), sco('b', 2), sco('c', 3)] } as Attachment;
const row = (completion: Tracking['completionStatus'], lastAccessedAt: number) => ({ completionStatus: completion, successStatus: 'unknown', lastAccessedAt }) as Tracking;

describe('findSco', () => {
	it('opens the part asked for, or nothing for an unknown one', () => {
		expect(findSco(attachment, 'b')?.activityId).toBe(2);
		expect(findSco(attachment, 'z')).toBeUndefined();
	});

	it('without a part, resumes where the learner left off', () => {
		expect(findSco(attachment, null)?.identifier).toBe('a');
		// the part opened last, unfinished
		expect(findSco(attachment, null, new Map([[1, row('completed', 10)], [3, row('incomplete', 20)]]))?.identifier).toBe('c');
		// the part opened last is done: the first part not done
		expect(findSco(attachment, null, new Map([[1, row('completed', 10)], [3, row('completed', 20)]]))?.identifier).toBe('b');
		// everything done: the first part
		expect(findSco(attachment, null, new Map([1, 2, 3].map((id) => [id, row('completed', id)])))?.identifier).toBe('a');
	});
});
