import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { insertUser } from '../users/service';
import { findRepeatedUsernames, findTakenUsernames } from './duplicates';

describe('findRepeatedUsernames', () => {
	it('reports every line of a username used twice or more, each naming the others', () => {
		const rows = [
			{ line: 2, username: 'lan' },
			{ line: 3, username: 'minh' },
			{ line: 5, username: 'lan' },
			{ line: 9, username: 'hoa' },
			{ line: 12, username: 'lan' },
			{ line: 13, username: 'hoa' }
		];
		expect(findRepeatedUsernames(rows)).toEqual([
			{ line: 2, key: 'roster.usernameRepeated', params: { username: 'lan', others: '5, 12' } },
			{ line: 5, key: 'roster.usernameRepeated', params: { username: 'lan', others: '2, 12' } },
			{ line: 12, key: 'roster.usernameRepeated', params: { username: 'lan', others: '2, 5' } },
			{ line: 9, key: 'roster.usernameRepeated', params: { username: 'hoa', others: '13' } },
			{ line: 13, key: 'roster.usernameRepeated', params: { username: 'hoa', others: '9' } }
		]);
		expect(findRepeatedUsernames([{ line: 2, username: 'lan' }, { line: 3, username: 'minh' }])).toEqual([]);
	});
});

describe('findTakenUsernames', () => {
	let db: Db;
	beforeEach(() => {
		db = openDatabase(':memory:');
		insertUser(db, { username: 'Lan', displayName: 'Lan', password: '', role: 'learner' }, 'hash');
		insertUser(db, { username: 'giangvien', displayName: 'Giảng', password: '', role: 'trainer' }, 'hash');
	});

	it('reports the lines whose username an account already has, whatever its role', () => {
		const rows = [
			{ line: 2, username: 'lan' },
			{ line: 3, username: 'minh' },
			{ line: 4, username: 'giangvien' }
		];
		expect(findTakenUsernames(db, rows)).toEqual([
			{ line: 2, key: 'roster.usernameTaken', params: { username: 'lan' } },
			{ line: 4, key: 'roster.usernameTaken', params: { username: 'giangvien' } }
		]);
		expect(findTakenUsernames(db, [{ line: 2, username: 'minh' }])).toEqual([]);
	});
});
